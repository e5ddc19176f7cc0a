package dev.slotbridge.engine.events;

import dev.slotbridge.engine.metrics.WebhookMetrics;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reports deliveries the outbox dropped to keep an endpoint within its {@link OutboxBound}: each counted in
 * {@code slotbridge_webhook_deliveries_dropped_total{client}}, and a WARN at most once a minute per endpoint, naming
 * the client, the endpoint's index and how many were dropped since the last warning (never what the events held).
 */
@Singleton
final class DroppedDeliveries {
    private static final Logger LOG = LoggerFactory.getLogger(DroppedDeliveries.class);
    static final Duration WARN_EVERY = Duration.ofMinutes(1);

    private final WebhookMetrics metrics;
    private final OutboxBound bound;
    private final Clock clock;
    private final Map<Endpoint, Unwarned> unwarned = new HashMap<>();

    DroppedDeliveries(WebhookMetrics metrics, OutboxBound bound, Clock clock) {
        this.metrics = metrics;
        this.bound = bound;
        this.clock = clock;
    }

    void report(List<DeliveryStore.Dropped> dropped) {
        for (DeliveryStore.Dropped drop : dropped) {
            metrics.dropped(drop.client(), drop.count());
            warn(new Endpoint(drop.client(), drop.endpoint()), drop.count());
        }
    }

    private void warn(Endpoint endpoint, int count) {
        Instant now = clock.instant();
        int total;
        synchronized (unwarned) {
            Unwarned last = unwarned.getOrDefault(endpoint, new Unwarned(Instant.MIN, 0));
            total = last.count() + count;
            if (last.warnedAt().plus(WARN_EVERY).isAfter(now)) {
                unwarned.put(endpoint, new Unwarned(last.warnedAt(), total));
                return;
            }
            unwarned.put(endpoint, new Unwarned(now, 0));
        }
        LOG.warn("Client '{}', webhook endpoint {}: its receiver is not taking events; dropped {} undelivered "
                + "deliveries since the last warning (the oldest dead-lettered first, then the oldest pending) to keep "
                + "at most {} (slotbridge.webhooks.max-undelivered-per-endpoint)", endpoint.client(), endpoint.index(),
                total, bound.undelivered());
    }

    private record Endpoint(String client, int index) {
    }

    /** When the endpoint was last warned of, and how many were dropped since. */
    private record Unwarned(Instant warnedAt, int count) {
    }
}
