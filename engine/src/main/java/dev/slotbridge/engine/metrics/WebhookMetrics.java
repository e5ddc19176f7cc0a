package dev.slotbridge.engine.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * Webhooks and callbacks: {@code slotbridge_webhook_deliveries_total{client,outcome}} (delivered, failed-attempt,
 * dead-lettered), {@code slotbridge_webhook_deliveries_dropped_total{client}} (undelivered deliveries dropped to keep an
 * endpoint within its bound), {@code slotbridge_webhook_oldest_pending_seconds{client}}, {@code slotbridge_webhook_events_total
 * {council,type}} (events recorded) and {@code slotbridge_callbacks_total{council,outcome}} (applied, echo,
 * unconfirmed, unknown-order, malformed, unauthorized).
 */
@Singleton
public final class WebhookMetrics {
    private static final List<String> OUTCOMES = List.of("delivered", "failed-attempt", "dead-lettered");

    private final MeterRegistry registry;

    public WebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Registers the client's counters at zero and its gauge, read when scraped. */
    public void client(String client, DoubleSupplier oldestPendingSeconds) {
        OUTCOMES.forEach(outcome -> delivery(client, outcome));
        dropped(client);
        Gauge.builder("slotbridge.webhook.oldest.pending.seconds", oldestPendingSeconds, DoubleSupplier::getAsDouble)
                .description("Age of the client's oldest undelivered event (0 when none)").tag("client", client)
                .baseUnit("seconds").strongReference(true).register(registry);
    }

    public void delivered(String client) {
        delivery(client, "delivered").increment();
    }

    public void failedAttempt(String client) {
        delivery(client, "failed-attempt").increment();
    }

    public void deadLettered(String client) {
        delivery(client, "dead-lettered").increment();
    }

    /** {@code count} of the client's undelivered deliveries were dropped to keep an endpoint within its bound. */
    public void dropped(String client, int count) {
        dropped(client).increment(count);
    }

    public void event(String council, String type) {
        Counter.builder("slotbridge.webhook.events").description("Booking events recorded for webhooks")
                .tags("council", council, "type", type).register(registry).increment();
    }

    public void callback(String council, String outcome) {
        Counter.builder("slotbridge.callbacks").description("Callbacks from schedulers by outcome")
                .tags("council", council, "outcome", outcome).register(registry).increment();
    }

    private Counter dropped(String client) {
        return Counter.builder("slotbridge.webhook.deliveries.dropped")
                .description("Undelivered webhook deliveries dropped to keep an endpoint within its bound "
                        + "(slotbridge.webhooks.max-undelivered-per-endpoint)")
                .tag("client", client).register(registry);
    }

    private Counter delivery(String client, String outcome) {
        return Counter.builder("slotbridge.webhook.deliveries").description("Webhook delivery attempts by outcome")
                .tags("client", client, "outcome", outcome).register(registry);
    }
}
