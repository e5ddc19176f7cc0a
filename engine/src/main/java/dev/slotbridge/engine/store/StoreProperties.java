package dev.slotbridge.engine.store;

import dev.slotbridge.config.ConfigSection;

import java.time.Duration;

/**
 * {@code slotbridge.store}: where the state that makes booking safe lives — idempotency records, who made each
 * booking, job leases, rate-limit buckets and the providers' memory. {@code memory} (the default) keeps it in this
 * process; {@code redis} shares it between every replica and keeps it across restarts.
 *
 * @param type       {@code memory} or {@code redis}
 * @param claimLease how long a replica's claim on an idempotency key or a job lasts without renewal: a replica
 *                   renews its claims while it works, so one that dies frees them within this time, and the replica
 *                   that takes a key over asks the scheduler first
 * @param ownerTtl   how long the store remembers which client made a booking (for {@code manage-own}); past it the
 *                   booking is hidden from a {@code manage-own} client, as with an unknown maker
 * @param redis      the Redis connection, for {@code type: redis}
 */
public record StoreProperties(String type,
                              Duration claimLease,
                              Duration ownerTtl,
                              Redis redis) {
    public static final String TYPE = "slotbridge.store.type";
    public static final String MEMORY = "memory";
    public static final String REDIS = "redis";

    /** From the validated {@code slotbridge.store} section. */
    public static StoreProperties from(ConfigSection store) {
        ConfigSection redis = store.section("redis");
        return new StoreProperties(store.text("type").orElseThrow(), store.duration("claim-lease").orElseThrow(),
                store.duration("owner-ttl").orElseThrow(), new Redis(redis.text("uri").orElseThrow(),
                redis.duration("timeout").orElseThrow(), redis.duration("reconnect-delay").orElseThrow(),
                redis.text("write-format").orElseThrow()));
    }

    /**
     * {@code slotbridge.store.redis}.
     *
     * @param uri            e.g. {@code redis://127.0.0.1:6379/0} ({@code rediss://} for TLS, credentials in the URI)
     * @param timeout        a command's time limit, and the connect timeout: a write fails fast while Redis is down
     * @param reconnectDelay the wait between reconnection attempts (constant, not Lettuce's exponential default)
     * @param writeFormat    how structured values are written: {@code legacy}, as the previous version wrote them, so
     *                       it can still read them during a rolling upgrade, or {@code json}; both are always read
     */
    public record Redis(String uri,
                        Duration timeout,
                        Duration reconnectDelay,
                        String writeFormat) {
        public static final String LEGACY = "legacy";
        public static final String JSON = "json";

        /** Writing {@code legacy}, the default. */
        public Redis(String uri, Duration timeout, Duration reconnectDelay) {
            this(uri, timeout, reconnectDelay, LEGACY);
        }
    }
}
