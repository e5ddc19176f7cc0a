package dev.slotbridge.spi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small key-value space for what a provider must remember across calls — on every replica and across restarts when
 * the server runs with a shared store (Redis), else in this process. Keys are the provider's own: the server puts them
 * under the council's namespace. Every entry expires; keep values small, and keep personal data out of them.
 *
 * <p>When the shared store cannot be reached, an operation throws an unchecked exception of the server's own, which
 * the provider must let through: the server answers 503 for it.
 */
public interface ProviderMemory {

    /** The value, if present and not expired. */
    Optional<String> get(String key);

    /** Stores the value for at most {@code ttl} (at least one second). */
    void put(String key, String value, Duration ttl);

    /** Forgets the key; nothing happens when it is absent. */
    void remove(String key);

    /** A memory in this process, for one provider instance and for tests; entries expire by {@code clock}. */
    static ProviderMemory inProcess(Clock clock) {
        Objects.requireNonNull(clock, "clock is null");
        return new ProviderMemory() {
            private record Entry(String value, Instant expiresAt) {
            }

            private final Map<String, Entry> entries = new ConcurrentHashMap<>();
            /** Expired entries are swept when the map has doubled since the last sweep: amortised O(1) per put. */
            private final AtomicInteger sweepAtSize = new AtomicInteger(1024);

            @Override
            public Optional<String> get(String key) {
                Entry entry = entries.get(key);
                if (entry == null || !entry.expiresAt().isAfter(clock.instant())) {
                    return Optional.empty();
                }
                return Optional.of(entry.value());
            }

            @Override
            public void put(String key, String value, Duration ttl) {
                Objects.requireNonNull(value, "value is null");
                if (ttl.compareTo(Duration.ofSeconds(1)) < 0) {
                    throw new IllegalArgumentException("ttl must be at least one second");
                }
                if (entries.size() >= sweepAtSize.get()) {
                    Instant now = clock.instant();
                    entries.values().removeIf(entry -> !entry.expiresAt().isAfter(now));
                    sweepAtSize.set(Math.max(1024, 2 * entries.size()));
                }
                entries.put(key, new Entry(value, clock.instant().plus(ttl)));
            }

            @Override
            public void remove(String key) {
                entries.remove(key);
            }
        };
    }
}
