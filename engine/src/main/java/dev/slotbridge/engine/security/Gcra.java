package dev.slotbridge.engine.security;

import java.time.Duration;
import java.time.Instant;

/**
 * The one rate-limit rule of both stores: GCRA (the generic cell rate algorithm), a client's budget held as one
 * instant, its theoretical arrival time (TAT). A {@link RateLimit} of {@code N} requests per {@code P} spaces requests
 * {@code T = P / N} apart and allows a burst of {@code N}: a request at {@code now} is admitted while
 * {@code max(TAT, now) − (N − 1)·T ≤ now}, moving the TAT on by {@code T}; else it is refused, to be sent again once
 * that holds. So {@code N} requests at one instant are admitted, the next waits {@code T}, one more is admitted every
 * {@code T}, and after {@code P} of silence the whole burst is back: at most {@code N} at once and {@code N + t / T}
 * over any time {@code t} (a token bucket of {@code N} refilled one token every {@code T}), where a fixed window lets
 * {@code 2N} through in a moment across its edge and then none until the next.
 *
 * <p>Times are whole microseconds since the epoch: {@link LocalRequestRates} applies this class, and the Redis store's
 * script applies the same arithmetic to the same numbers.
 *
 * @param intervalMicros {@code T}, at least 1
 * @param burst          {@code N}
 */
public record Gcra(long intervalMicros, long burst) {

    public static Gcra of(RateLimit limit) {
        return new Gcra(Math.max(1, limit.period().toNanos() / 1000 / limit.requests()), limit.requests());
    }

    /** An instant as this rule counts it. */
    public static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000;
    }

    /**
     * The decision for a request at {@code now}.
     *
     * @param tat the client's TAT as stored, or {@link Long#MIN_VALUE} when none is
     */
    public Decision decide(long tat, long now) {
        long from = Math.max(tat, now);
        long allowedAt = from - intervalMicros * (burst - 1);
        if (now < allowedAt) {
            return new Decision(false, tat, allowedAt - now);
        }
        return new Decision(true, from + intervalMicros, 0);
    }

    /**
     * @param admitted    whether the request may go ahead
     * @param tat         the TAT to store (unchanged when refused)
     * @param waitMicros  when refused, how long until a request would be admitted
     */
    public record Decision(boolean admitted, long tat, long waitMicros) {
        public Duration waitTime() {
            return Duration.ofNanos(waitMicros * 1000);
        }
    }
}
