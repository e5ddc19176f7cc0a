package dev.slotbridge.store.redis;

import dev.slotbridge.engine.security.ApiClient;
import dev.slotbridge.engine.security.Gcra;
import dev.slotbridge.engine.security.LocalRequestRates;
import dev.slotbridge.engine.security.RequestRates;
import dev.slotbridge.engine.store.StoreProperties;
import dev.slotbridge.engine.store.StoreUnavailableException;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@link RequestRates} across every replica: the {@link Gcra} rule, in one Lua script per request on
 * {@code slotbridge:rate:<hash of client>} (the client's TAT), so a client limited to 5 requests a second gets 5 in
 * total however many replicas serve it, with the same burst as one instance's {@link LocalRequestRates}. Time is the
 * replica's clock, as for holds and idempotency keys (replicas keep theirs in step by NTP; a replica ahead by
 * {@code d} admits at most {@code d / T} requests early). While Redis is down it falls back to
 * {@link LocalRequestRates} (each replica then allows the full rate), saying so once in the log.
 */
@Singleton
@Requires(property = StoreProperties.TYPE, value = StoreProperties.REDIS)
final class RedisRequestRates implements RequestRates {
    private static final Logger LOG = LoggerFactory.getLogger(RedisRequestRates.class);
    /** {@link Gcra#decide} in Lua, on the same numbers. */
    private static final RedisStore.Script GCRA = RedisStore.Script.load("rate-limit");

    private final RedisStore redis;
    private final LocalRequestRates fallback;
    private final Clock clock;
    private volatile boolean fallingBack;

    RedisRequestRates(RedisStore redis, LocalRequestRates fallback, Clock clock) {
        this.redis = redis;
        this.fallback = fallback;
        this.clock = clock;
    }

    @Override
    public Optional<Duration> acquire(ApiClient client) {
        Gcra gcra = Gcra.of(client.rateLimit());
        List<Object> result;
        try {
            result = redis.script("rate-limit", GCRA, List.of(RedisStore.key("rate", client.name())),
                    Long.toString(Gcra.micros(clock.instant())), Long.toString(gcra.intervalMicros()),
                    Long.toString(gcra.burst()));
        } catch (StoreUnavailableException e) {
            if (!fallingBack) {
                fallingBack = true;
                LOG.warn("Rate limits are counted per instance until the Redis store answers again");
            }
            return fallback.acquire(client);
        }
        if (fallingBack) {
            fallingBack = false;
            LOG.info("Rate limits are counted across replicas again");
        }
        if (Long.valueOf(1).equals(result.getFirst())) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(Long.parseLong((String) result.get(1)) * 1000));
    }
}
