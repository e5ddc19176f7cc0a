package dev.slotbridge.engine.tracing;

import dev.slotbridge.server.tracing.OpenTelemetryFactory;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SDK as configured with no {@code OTEL_*} setting: nothing exported, a new trace made but not recorded (its ids
 * still passed on), a caller's sampled trace recorded.
 */
final class OpenTelemetryFactoryTest {

    @Test
    void withoutExportNewTracesHaveIdsButAreNotRecordedAndSampledCallersAreHonoured() {
        try (OpenTelemetrySdk sdk = new OpenTelemetryFactory().openTelemetry()) {
            Tracer tracer = sdk.getTracer("test");

            Span root = tracer.spanBuilder("root").setParent(Context.root()).startSpan();
            assertThat(root.getSpanContext().isValid()).isTrue();
            assertThat(root.isRecording()).isFalse();

            SpanContext caller = SpanContext.createFromRemoteParent("4bf92f3577b34da6a3ce929d0e0e4736",
                    "00f067aa0ba902b7", TraceFlags.getSampled(), TraceState.getDefault());
            Span child = tracer.spanBuilder("child").setParent(Context.root().with(Span.wrap(caller))).startSpan();
            assertThat(child.getSpanContext().getTraceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
            assertThat(child.isRecording()).isTrue();
        }
    }

    @Test
    void otlpExportIsTurnedOnByTheStandardSettingAndSendsOverHttp() {
        System.setProperty("otel.traces.exporter", "otlp");
        System.setProperty("otel.exporter.otlp.endpoint", "http://127.0.0.1:4318");
        try (OpenTelemetrySdk sdk = new OpenTelemetryFactory().openTelemetry()) {
            assertThat(sdk.getSdkTracerProvider().toString()).contains("OtlpHttpSpanExporter", "BatchSpanProcessor");
            Span root = sdk.getTracer("test").spanBuilder("root").setParent(Context.root()).startSpan();
            assertThat(root.isRecording()).as("sampled when exported").isTrue();
        } finally {
            System.clearProperty("otel.traces.exporter");
            System.clearProperty("otel.exporter.otlp.endpoint");
        }
    }
}
