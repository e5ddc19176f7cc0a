package dev.slotbridge.engine.booking;


/**
 * One change at a time per job: a short lease per council and subject ({@code job:<externalRef>} for a booking,
 * {@code booking:<bookingRef>} for a reschedule or cancel) around the scheduler calls, so two requests for the same
 * job — with different {@code Idempotency-Key}s, on different replicas — never reach the scheduler together.
 * {@link InProcessJobLeases} serves one instance, {@code RedisJobLeases} (module store-redis) every replica.
 */
public interface JobLeases {

    /**
     * Takes the lease, waiting while another request holds it (at most {@code slotbridge.idempotency.wait-for-in-flight});
     * past that, 409 {@code booking-in-progress} with {@code Retry-After}.
     */
    Lease acquire(String council, String subject);

    /** A held lease; closing releases it. */
    interface Lease extends AutoCloseable {
        @Override
        void close();
    }
}
