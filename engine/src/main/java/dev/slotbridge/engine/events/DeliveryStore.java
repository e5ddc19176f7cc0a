package dev.slotbridge.engine.events;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outbox of webhook deliveries: {@link InMemoryDeliveryStore} for one instance, {@code RedisDeliveryStore} (module store-redis)
 * shared by every replica (a delivery written by one is sent by any, after a restart too). A delivery is stored once
 * per id, so recording the same event again (a replay, a repeated cancel) sends nothing more. Each endpoint's
 * deliveries are kept within the {@link OutboxBound}: a receiver that is down cannot fill memory or Redis.
 */
public interface DeliveryStore {

    /**
     * Stores the deliveries not stored yet, each within its endpoint's bound: past it, the endpoint's oldest
     * dead-lettered deliveries are dropped first, then its oldest pending ones (never the one stored).
     *
     * @return what was dropped, one entry per endpoint that lost deliveries
     */
    List<Dropped> enqueue(List<Delivery> deliveries);

    /** Pending deliveries due by {@code now}, at most {@code max}, each claimed until {@code leaseUntil}. */
    List<Delivery> claimDue(Instant now, Instant leaseUntil, int max);

    /**
     * Records the outcome of an attempt, or a redelivery: the delivery as it now is (delivered, pending again, or
     * failed). A delivery the store no longer keeps (dropped meanwhile) stays dropped. Past {@link OutboxBound#DELIVERED}
     * delivered ones, the endpoint's oldest delivered delivery is forgotten.
     */
    void update(Delivery delivery);

    /** Hands a claimed delivery back, due at {@code at}, with no attempt made (its endpoint was busy). */
    void postpone(Delivery delivery, Instant at);

    Optional<Delivery> find(String id);

    /** The client's deliveries in that status, newest first, at most {@code max}. */
    List<Delivery> list(String client, DeliveryStatus status, int max);

    /** When the client's oldest pending delivery was recorded, if it has one. */
    Optional<Instant> oldestPending(String client);

    /** Deliveries of one endpoint dropped to keep it within its bound. */
    record Dropped(String client, int endpoint, int count) {
    }
}
