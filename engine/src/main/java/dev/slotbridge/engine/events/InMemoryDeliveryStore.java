package dev.slotbridge.engine.events;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedSet;

/**
 * {@link DeliveryStore} in this process: deliveries pending at a stop are lost with it (use the Redis store when
 * events must survive a restart). Each endpoint keeps at most {@link OutboxBound#undelivered()} deliveries not yet
 * delivered and {@link OutboxBound#DELIVERED} delivered ones, so the heap it takes is bounded by the endpoints
 * configured.
 */
@Singleton
@Secondary
final class InMemoryDeliveryStore implements DeliveryStore {
    private final OutboxBound bound;
    private final Map<String, Delivery> deliveries = new HashMap<>();
    /** Each endpoint's delivery ids in the order they were stored (oldest first). */
    private final Map<Endpoint, SequencedSet<String>> byEndpoint = new HashMap<>();

    InMemoryDeliveryStore(OutboxBound bound) {
        this.bound = bound;
    }

    @Override
    public synchronized List<Dropped> enqueue(List<Delivery> added) {
        List<Dropped> dropped = new ArrayList<>();
        for (Delivery delivery : added) {
            if (deliveries.putIfAbsent(delivery.id(), delivery) != null) {
                continue;
            }
            Endpoint endpoint = Endpoint.of(delivery);
            byEndpoint.computeIfAbsent(endpoint, any -> new LinkedHashSet<>()).add(delivery.id());
            int count = keepUndeliveredWithinBound(endpoint);
            if (count > 0) {
                dropped.add(new Dropped(endpoint.client(), endpoint.index(), count));
            }
        }
        return dropped;
    }

    @Override
    public synchronized List<Delivery> claimDue(Instant now, Instant leaseUntil, int max) {
        List<Delivery> due = deliveries.values().stream()
                .filter(delivery -> delivery.status() == DeliveryStatus.PENDING && !delivery.nextAttemptAt().isAfter(now))
                .sorted(Comparator.comparing(Delivery::nextAttemptAt)).limit(max).toList();
        due.forEach(delivery -> postpone(delivery, leaseUntil));
        return due;
    }

    @Override
    public synchronized void update(Delivery delivery) {
        if (deliveries.replace(delivery.id(), delivery) != null && delivery.status() == DeliveryStatus.DELIVERED) {
            Endpoint endpoint = Endpoint.of(delivery);
            List<String> delivered = ids(endpoint, DeliveryStatus.DELIVERED);
            drop(endpoint, delivered, delivered.size() - OutboxBound.DELIVERED);
        }
    }

    @Override
    public synchronized void postpone(Delivery delivery, Instant at) {
        deliveries.computeIfPresent(delivery.id(), (id, current) -> new Delivery(current.id(), current.client(),
                current.endpoint(), current.eventId(), current.type(), current.council(), current.subject(),
                current.body(), current.createdAt(), current.attempts(), at, current.status(), current.lastError()));
    }

    @Override
    public synchronized Optional<Delivery> find(String id) {
        return Optional.ofNullable(deliveries.get(id));
    }

    @Override
    public synchronized List<Delivery> list(String client, DeliveryStatus status, int max) {
        return deliveries.values().stream().filter(d -> d.client().equals(client) && d.status() == status)
                .sorted(Comparator.comparing(Delivery::createdAt).reversed()).limit(max).toList();
    }

    @Override
    public synchronized Optional<Instant> oldestPending(String client) {
        return deliveries.values().stream().filter(d -> d.client().equals(client) && d.status() == DeliveryStatus.PENDING)
                .map(Delivery::createdAt).min(Comparator.naturalOrder());
    }

    /** Drops the endpoint's oldest dead-lettered, then oldest pending deliveries past the bound; how many. */
    private int keepUndeliveredWithinBound(Endpoint endpoint) {
        List<String> failed = ids(endpoint, DeliveryStatus.FAILED);
        List<String> pending = ids(endpoint, DeliveryStatus.PENDING);
        int excess = failed.size() + pending.size() - bound.undelivered();
        int fromFailed = drop(endpoint, failed, excess);
        return fromFailed + drop(endpoint, pending, excess - fromFailed);
    }

    /** Drops the first {@code count} of the ids (oldest first); how many it dropped. */
    private int drop(Endpoint endpoint, List<String> oldestFirst, int count) {
        int dropped = Math.max(0, Math.min(count, oldestFirst.size()));
        SequencedSet<String> ids = byEndpoint.get(endpoint);
        for (String id : oldestFirst.subList(0, dropped)) {
            deliveries.remove(id);
            ids.remove(id);
        }
        return dropped;
    }

    private List<String> ids(Endpoint endpoint, DeliveryStatus status) {
        List<String> ids = new ArrayList<>();
        for (String id : byEndpoint.getOrDefault(endpoint, new LinkedHashSet<>())) {
            if (deliveries.get(id).status() == status) {
                ids.add(id);
            }
        }
        return ids;
    }

    private record Endpoint(String client, int index) {
        static Endpoint of(Delivery delivery) {
            return new Endpoint(delivery.client(), delivery.endpoint());
        }
    }
}
