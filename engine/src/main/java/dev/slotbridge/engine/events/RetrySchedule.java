package dev.slotbridge.engine.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When a failed delivery is tried again: 5 s, 30 s, 2 min, 10 min, 1 h, 6 h after the 1st to 6th failed attempts,
 * each stretched by a random 0–10 % so receivers coming back are not hit by every sender at once; after the 7th
 * failed attempt the delivery is dead-lettered.
 */
public final class RetrySchedule {
    public static final List<Duration> DELAYS = List.of(Duration.ofSeconds(5), Duration.ofSeconds(30),
            Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofHours(6));
    static final double JITTER = 0.1;

    private final RandomGenerator random;

    RetrySchedule(RandomGenerator random) {
        this.random = random;
    }

    /** When to try again after {@code failedAttempts} failed attempts; empty when the schedule is used up. */
    Optional<Instant> next(Instant now, int failedAttempts) {
        if (failedAttempts > DELAYS.size()) {
            return Optional.empty();
        }
        Duration delay = DELAYS.get(failedAttempts - 1);
        long stretch = (long) (delay.toMillis() * JITTER * random.nextDouble());
        return Optional.of(now.plus(delay).plusMillis(stretch));
    }
}
