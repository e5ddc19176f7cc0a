package dev.slotbridge.engine.resilience;

import dev.slotbridge.config.ConfigSection;
import io.micronaut.context.exceptions.ConfigurationException;

import java.time.Duration;

/**
 * How one council's scheduler calls are bounded. Each value comes from {@code slotbridge.councils.<id>.resilience.*},
 * else {@code slotbridge.resilience.*}, else the default in the configuration's description.
 *
 * @param timeout           bounds one attempt
 * @param deadline          bounds a request's calls together, attempts and waits between them
 * @param maxAttempts       attempts in all, for calls that may be retried
 * @param retryWait         the first backoff; it doubles with each retry, with ±50 % jitter
 * @param failureRateThreshold       percentage of failed calls in the window that opens the circuit
 * @param waitInOpenState   how long an open circuit refuses calls before letting trial calls through
 * @param slidingWindowSize calls the circuit breaker looks back over
 * @param minimumNumberOfCalls       calls needed before the failure rate counts
 * @param maxConcurrentCalls         the bulkhead: calls in flight at once ({@link #UNLIMITED} for none)
 * @param maxWait           how long a call waits for a bulkhead permit before it is refused
 */
public record ResilienceSettings(Duration timeout, Duration deadline, int maxAttempts, Duration retryWait, int failureRateThreshold,
                                 Duration waitInOpenState, int slidingWindowSize, int minimumNumberOfCalls,
                                 int maxConcurrentCalls, Duration maxWait) {
    /** {@link #maxConcurrentCalls()} of a council whose calls no bulkhead limits. */
    public static final int UNLIMITED = Integer.MAX_VALUE;

    /** The keys of a {@code resilience} section this record reads (each described in the configuration description). */
    public enum Key {
        TIMEOUT("timeout"),
        DEADLINE("deadline"),
        RETRY_MAX_ATTEMPTS("retry.max-attempts"),
        RETRY_WAIT("retry.wait"),
        FAILURE_RATE_THRESHOLD("circuit-breaker.failure-rate-threshold"),
        WAIT_IN_OPEN_STATE("circuit-breaker.wait-in-open-state"),
        SLIDING_WINDOW_SIZE("circuit-breaker.sliding-window-size"),
        MINIMUM_NUMBER_OF_CALLS("circuit-breaker.minimum-number-of-calls"),
        MAX_CONCURRENT_CALLS("bulkhead.max-concurrent-calls"),
        MAX_WAIT("bulkhead.max-wait");

        private final String name;

        Key(String name) {
            this.name = name;
        }

        /** The key as written under {@code resilience}. */
        public String configName() {
            return name;
        }
    }

    /** The server-wide settings ({@code slotbridge.resilience}), checked even when no council uses them yet. */
    static ResilienceSettings serverWide(ConfigSection serverWide) {
        return resolve(serverWide, null, true);
    }

    /**
     * @param serverWide {@code slotbridge.resilience}, validated
     * @param council    the council's {@code resilience} overrides, validated; null for the server-wide settings alone
     * @param remote     whether the council's provider calls a remote scheduler; when not, only the council's own
     *                   {@code max-concurrent-calls} bounds its calls (else {@link #UNLIMITED})
     */
    static ResilienceSettings resolve(ConfigSection serverWide, ConfigSection council, boolean remote) {
        var lookup = new Lookup(serverWide, council);
        boolean bounded = remote || lookup.councilSets(Key.MAX_CONCURRENT_CALLS);
        var settings = new ResilienceSettings(
                lookup.duration(Key.TIMEOUT),
                lookup.duration(Key.DEADLINE),
                lookup.integer(Key.RETRY_MAX_ATTEMPTS),
                lookup.duration(Key.RETRY_WAIT),
                lookup.integer(Key.FAILURE_RATE_THRESHOLD),
                lookup.duration(Key.WAIT_IN_OPEN_STATE),
                lookup.integer(Key.SLIDING_WINDOW_SIZE),
                lookup.integer(Key.MINIMUM_NUMBER_OF_CALLS),
                bounded ? lookup.integer(Key.MAX_CONCURRENT_CALLS) : UNLIMITED,
                lookup.duration(Key.MAX_WAIT));
        if (settings.deadline().compareTo(settings.timeout()) < 0) {
            ConfigSection where = lookup.sectionOf(Key.DEADLINE);
            throw new ConfigurationException(where.path() + ".deadline: must be at least timeout ("
                    + lookup.sectionOf(Key.TIMEOUT).text("timeout").orElseThrow() + "), or no booking could be sent");
        }
        if (settings.minimumNumberOfCalls() > settings.slidingWindowSize()) {
            ConfigSection where = lookup.sectionOf(Key.MINIMUM_NUMBER_OF_CALLS);
            throw new ConfigurationException(where.path() + ".minimum-number-of-calls: must not exceed "
                    + "sliding-window-size (" + settings.slidingWindowSize() + ")");
        }
        return settings;
    }

    /** Reads one setting: the council's when it gives one, else the server-wide one, else the described default. */
    private record Lookup(ConfigSection serverWide, ConfigSection council) {
        /** The section holding the key's value, and the key's last word. */
        private ConfigSection sectionOf(Key key) {
            return councilSets(key) ? within(council, key) : within(serverWide, key);
        }

        /** Whether the council's own section gives the key. */
        boolean councilSets(Key key) {
            return council != null && within(council, key).has(lastWord(key));
        }

        private static ConfigSection within(ConfigSection resilience, Key key) {
            String[] words = key.configName().split("\\.");
            return words.length == 1 ? resilience : resilience.section(words[0]);
        }

        private static String lastWord(Key key) {
            String name = key.configName();
            return name.substring(name.lastIndexOf('.') + 1);
        }

        int integer(Key key) {
            return Math.toIntExact(sectionOf(key).wholeNumber(lastWord(key)));
        }

        Duration duration(Key key) {
            return sectionOf(key).duration(lastWord(key)).orElseThrow();
        }
    }
}
