package dev.slotbridge.server.resilience;

import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.value.PropertyResolver;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How one council's scheduler calls are bounded. Each value comes from {@code slotbridge.councils.<id>.resilience.*},
 * else {@code slotbridge.resilience.*}, else the default shown in the README.
 *
 * @param timeout           bounds one attempt
 * @param maxAttempts       attempts in all, for calls that may be retried
 * @param retryWait         the first backoff; it doubles with each retry, with ±50 % jitter
 * @param failureRateThreshold       percentage of failed calls in the window that opens the circuit
 * @param waitInOpenState   how long an open circuit refuses calls before letting trial calls through
 * @param slidingWindowSize calls the circuit breaker looks back over
 * @param minimumNumberOfCalls       calls needed before the failure rate counts
 * @param maxConcurrentCalls         the bulkhead: calls in flight at once
 */
public record ResilienceSettings(Duration timeout, int maxAttempts, Duration retryWait, int failureRateThreshold,
                                 Duration waitInOpenState, int slidingWindowSize, int minimumNumberOfCalls,
                                 int maxConcurrentCalls) {

    /** The keys of a {@code resilience} section, server-wide or a council's: the one list of them. */
    public enum Key {
        TIMEOUT("timeout"),
        RETRY_MAX_ATTEMPTS("retry.max-attempts"),
        RETRY_WAIT("retry.wait"),
        FAILURE_RATE_THRESHOLD("circuit-breaker.failure-rate-threshold"),
        WAIT_IN_OPEN_STATE("circuit-breaker.wait-in-open-state"),
        SLIDING_WINDOW_SIZE("circuit-breaker.sliding-window-size"),
        MINIMUM_NUMBER_OF_CALLS("circuit-breaker.minimum-number-of-calls"),
        MAX_CONCURRENT_CALLS("bulkhead.max-concurrent-calls");

        private final String name;

        Key(String name) {
            this.name = name;
        }

        /** The key as written under {@code resilience}. */
        public String configName() {
            return name;
        }

        public static Set<String> configNames() {
            return Arrays.stream(values()).map(Key::configName).collect(Collectors.toUnmodifiableSet());
        }
    }

    /** The server-wide settings ({@code slotbridge.resilience}), checked even when no council uses them yet. */
    static ResilienceSettings serverWide(PropertyResolver properties) {
        return resolve(properties, null);
    }

    /** @param councilId the council whose overrides come first; null for the server-wide settings alone */
    static ResilienceSettings resolve(PropertyResolver properties, String councilId) {
        var lookup = new Lookup(properties, councilId);
        var settings = new ResilienceSettings(
                lookup.duration(Key.TIMEOUT, Duration.ofSeconds(5), Duration.ofMillis(1)),
                lookup.integer(Key.RETRY_MAX_ATTEMPTS, 3, 1, 10),
                lookup.duration(Key.RETRY_WAIT, Duration.ofMillis(200), Duration.ofMillis(1)),
                lookup.integer(Key.FAILURE_RATE_THRESHOLD, 50, 1, 100),
                lookup.duration(Key.WAIT_IN_OPEN_STATE, Duration.ofSeconds(30), Duration.ofMillis(1)),
                lookup.integer(Key.SLIDING_WINDOW_SIZE, 20, 1, 10_000),
                lookup.integer(Key.MINIMUM_NUMBER_OF_CALLS, 10, 1, 10_000),
                lookup.integer(Key.MAX_CONCURRENT_CALLS, 25, 1, 10_000));
        if (settings.minimumNumberOfCalls() > settings.slidingWindowSize()) {
            throw lookup.invalid(Key.MINIMUM_NUMBER_OF_CALLS, "must not exceed sliding-window-size");
        }
        return settings;
    }

    /**
     * Reads one setting, council first, and when it is wrong names the full key, whether it is the council's or
     * server-wide, the value and what is accepted.
     */
    private record Lookup(PropertyResolver properties, String councilId) {
        private String name(Key key) {
            String councilName = "slotbridge.councils." + councilId + ".resilience." + key.configName();
            return councilId != null && properties.containsProperty(councilName)
                    ? councilName : "slotbridge.resilience." + key.configName();
        }

        /** The council's value, else the server-wide one; a value that does not convert is an error, not ignored. */
        <T> Optional<T> find(Key key, Class<T> type, String accepted) {
            String name = name(key);
            if (!properties.containsProperty(name)) {
                return Optional.empty();
            }
            try {
                Optional<T> value = properties.getProperty(name, type);
                if (value.isPresent()) {
                    return value;
                }
            } catch (RuntimeException e) {
                // reported below, with the key and what is accepted
            }
            String raw = properties.getProperty(name, String.class).orElse("");
            throw invalid(key, "'" + raw + "' is not " + accepted);
        }

        int integer(Key key, int defaultValue, int min, int max) {
            int value = find(key, Integer.class, "a whole number").orElse(defaultValue);
            if (value < min || value > max) {
                throw invalid(key, value + " is out of range; use a whole number from " + min + " to " + max);
            }
            return value;
        }

        Duration duration(Key key, Duration defaultValue, Duration min) {
            Duration value = find(key, Duration.class, "a duration; use a number with ms, s, m or h, e.g. 200ms or 5s")
                    .orElse(defaultValue);
            if (value.compareTo(min) < 0) {
                throw invalid(key, "must be at least " + min.toMillis() + "ms");
            }
            return value;
        }

        ConfigurationException invalid(Key key, String problem) {
            String name = name(key);
            String where = name.startsWith("slotbridge.councils.") ? "council '" + councilId + "'" : "server-wide";
            return new ConfigurationException(name + " (" + where + "): " + problem);
        }
    }
}
