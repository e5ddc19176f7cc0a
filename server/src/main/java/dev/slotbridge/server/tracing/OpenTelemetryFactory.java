package dev.slotbridge.server.tracing;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * The OpenTelemetry SDK, configured by the standard {@code OTEL_*} environment variables (or {@code otel.*} system
 * properties) as every OpenTelemetry SDK is. Export is off unless asked for: traces, metrics and logs default to no
 * exporter, so {@code OTEL_TRACES_EXPORTER=otlp} with {@code OTEL_EXPORTER_OTLP_ENDPOINT} turns tracing export on.
 * Spans are made either way, so a caller's {@code traceparent} is honoured and passed on, and the trace id is in every
 * request log line and problem answer. The service name defaults to {@code slotbridge}. While no traces are exported
 * and no sampler is set, the sampler is {@code parentbased_always_off}: a new trace is not recorded (its ids are made
 * and passed on, at no further cost), a caller's sampled trace still is.
 */
@Factory
public final class OpenTelemetryFactory {
    static final Map<String, String> DEFAULTS = Map.of(
            "otel.traces.exporter", "none",
            "otel.metrics.exporter", "none",
            "otel.logs.exporter", "none",
            "otel.service.name", "slotbridge",
            // the JDK's HTTP client sends (no gRPC stack is bundled); the Java SDK's own default is grpc
            "otel.exporter.otlp.protocol", "http/protobuf");

    /**
     * A span processor that does nothing. With no span processor at all (no exporter) the SDK makes only invalid spans,
     * without ids; with this one it makes real ones, so a request always has a trace id to log and pass on.
     */
    private static final SpanProcessor KEEPS_IDS = new SpanProcessor() {
        @Override
        public void onStart(Context parentContext, ReadWriteSpan span) {
        }

        @Override
        public boolean isStartRequired() {
            return false;
        }

        @Override
        public void onEnd(ReadableSpan span) {
        }

        @Override
        public boolean isEndRequired() {
            return false;
        }
    };

    @Singleton
    @Bean(preDestroy = "close")
    public OpenTelemetrySdk openTelemetry() {
        return AutoConfiguredOpenTelemetrySdk.builder().addPropertiesSupplier(() -> DEFAULTS)
                .addPropertiesCustomizer(config -> "none".equals(config.getString("otel.traces.exporter"))
                        && config.getString("otel.traces.sampler") == null
                        ? Map.of("otel.traces.sampler", "parentbased_always_off") : Map.of())
                .addTracerProviderCustomizer((tracerProvider, config) -> tracerProvider.addSpanProcessor(KEEPS_IDS))
                .disableShutdownHook().build().getOpenTelemetrySdk();
    }
}
