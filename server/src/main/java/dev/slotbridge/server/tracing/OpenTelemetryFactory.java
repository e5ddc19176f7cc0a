package dev.slotbridge.server.tracing;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * The OpenTelemetry SDK, configured by the standard {@code OTEL_*} environment variables (or {@code otel.*} system
 * properties) as every OpenTelemetry SDK is. Export is off unless asked for: traces, metrics and logs default to no
 * exporter, so {@code OTEL_TRACES_EXPORTER=otlp} with {@code OTEL_EXPORTER_OTLP_ENDPOINT} turns tracing export on.
 * Spans are made either way, so a caller's {@code traceparent} is honoured and passed on, and the trace id is in every
 * request log line and problem answer. The service name defaults to {@code slotbridge}.
 */
@Factory
final class OpenTelemetryFactory {
    static final Map<String, String> DEFAULTS = Map.of(
            "otel.traces.exporter", "none",
            "otel.metrics.exporter", "none",
            "otel.logs.exporter", "none",
            "otel.service.name", "slotbridge");

    @Singleton
    @Bean(preDestroy = "close")
    OpenTelemetrySdk openTelemetry() {
        return AutoConfiguredOpenTelemetrySdk.builder().addPropertiesSupplier(() -> DEFAULTS)
                .disableShutdownHook().build().getOpenTelemetrySdk();
    }
}
