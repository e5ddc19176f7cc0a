package dev.slotbridge.engine.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import java.time.Clock;
import java.time.Instant;

/**
 * The memory store's caches (Caffeine): bounded in size, each entry gone at its own expiry, read on the injected
 * {@link Clock} as the rest of the server reads time (tests move it). Maintenance runs on the calling thread, so a
 * bound holds as soon as a write returns, with no thread of its own.
 */
public final class MemoryCaches {
    private MemoryCaches() {
    }

    /** A value that says until when it is kept. */
    public interface Expiring {
        Instant expiresAt();
    }

    /** A builder whose time is {@code clock}'s. */
    public static Caffeine<Object, Object> on(Clock clock) {
        return Caffeine.newBuilder().ticker(() -> nanos(clock.instant())).executor(Runnable::run);
    }

    /** At most {@code maxEntries}, each until its {@link Expiring#expiresAt()}. */
    public static <K, V extends Expiring> Cache<K, V> expiringEach(long maxEntries, Clock clock) {
        return on(clock).maximumSize(maxEntries).expireAfter(new EachItsOwn<K, V>()).build();
    }

    /** Each entry kept until its own expiry, whether created or replaced; reading it changes nothing. */
    public static final class EachItsOwn<K, V extends Expiring> implements Expiry<K, V> {
        @Override
        public long expireAfterCreate(K key, V value, long currentTime) {
            return Math.max(0, nanos(value.expiresAt()) - currentTime);
        }

        @Override
        public long expireAfterUpdate(K key, V value, long currentTime, long currentDuration) {
            return expireAfterCreate(key, value, currentTime);
        }

        @Override
        public long expireAfterRead(K key, V value, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
