package dev.slotbridge.server.events;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link DeliveryStore} in this process: deliveries pending at a stop are lost with it (use the Redis store when
 * events must survive a restart). Delivered deliveries are forgotten after {@link #KEEP_DONE} of them.
 */
@Singleton
@Secondary
final class InMemoryDeliveryStore implements DeliveryStore {
    static final int KEEP_DONE = 10_000;

    private final Map<String, Delivery> deliveries = new LinkedHashMap<>();

    @Override
    public synchronized void enqueue(List<Delivery> added) {
        added.forEach(delivery -> deliveries.putIfAbsent(delivery.id(), delivery));
        forgetOld();
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
        deliveries.put(delivery.id(), delivery);
    }

    @Override
    public synchronized void postpone(Delivery delivery, Instant at) {
        Delivery current = deliveries.get(delivery.id());
        deliveries.put(delivery.id(), new Delivery(current.id(), current.client(), current.endpoint(), current.eventId(),
                current.type(), current.council(), current.subject(), current.body(), current.createdAt(),
                current.attempts(), at, current.status(), current.lastError()));
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

    private void forgetOld() {
        long done = deliveries.values().stream().filter(d -> d.status() == DeliveryStatus.DELIVERED).count();
        var iterator = deliveries.values().iterator();
        while (done > KEEP_DONE && iterator.hasNext()) {
            if (iterator.next().status() == DeliveryStatus.DELIVERED) {
                iterator.remove();
                done--;
            }
        }
    }
}
