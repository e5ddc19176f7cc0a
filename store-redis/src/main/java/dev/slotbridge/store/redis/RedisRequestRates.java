package dev.slotbridge.store.redis;

import dev.slotbridge.engine.security.ApiClient;
import dev.slotbridge.engine.security.LocalRequestRates;
import dev.slotbridge.engine.security.RateLimit;
import dev.slotbridge.engine.security.RequestRates;
import dev.slotbridge.engine.store.StoreProperties;
import dev.slotbridge.engine.store.StoreUnavailableException;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@link RequestRates} across every replica: GCRA (the generic cell rate algorithm, a token bucket held as one
 * timestamp) in one Lua script per request on {@code slotbridge:rate:<hash of client>}, with Redis's own clock, so
 * a client limited to 5 requests a second gets 5 in total however many replicas serve it. A burst of up to
 * {@code requests} is allowed, as the per-instance limiter allows. While Redis is down it falls back to
 * {@link LocalRequestRates} (each replica then allows the full rate), saying so once in the log.
 */
@Singleton
@Requires(property = StoreProperties.TYPE, value = StoreProperties.REDIS)
final class RedisRequestRates implements RequestRates {
    private static final Logger LOG = LoggerFactory.getLogger(RedisRequestRates.class);
    /** ARGV[1]: microseconds between requests at the steady rate; ARGV[2]: the burst. Answers {allowed, wait µs}. */
    private static final RedisStore.Script GCRA = RedisStore.Script.of("""
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
            local interval = tonumber(ARGV[1])
            local tat = tonumber(redis.call('GET', KEYS[1]) or now)
            if tat < now then
              tat = now
            end
            local allowedAt = tat - interval * (tonumber(ARGV[2]) - 1)
            if now < allowedAt then
              return {0, tostring(allowedAt - now)}
            end
            local next = tat + interval
            redis.call('SET', KEYS[1], tostring(next), 'PX', math.ceil((next - now) / 1000) + 1000)
            return {1, '0'}
            """);

    private final RedisStore redis;
    private final LocalRequestRates fallback;
    private volatile boolean fallingBack;

    RedisRequestRates(RedisStore redis, LocalRequestRates fallback) {
        this.redis = redis;
        this.fallback = fallback;
    }

    @Override
    public Optional<Duration> acquire(ApiClient client) {
        RateLimit limit = client.rateLimit();
        long intervalMicros = Math.max(1, limit.period().toNanos() / 1000 / limit.requests());
        List<Object> result;
        try {
            result = redis.script("rate-limit", GCRA, List.of(RedisStore.key("rate", client.name())),
                    Long.toString(intervalMicros), Integer.toString(limit.requests()));
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
