package dev.slotbridge.server.security;

import dev.slotbridge.server.problem.ApiProblemException;
import dev.slotbridge.server.problem.ProblemType;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Failed authentications per source address, in one-minute windows: past {@code slotbridge.authentication.max-failures}
 * (default 20) an address gets 429 for the rest of the window, so keys cannot be guessed at thousands a second.
 * Remembers the latest 100,000 addresses.
 */
@Singleton
public final class FailedAuthentications {
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int MAX_ADDRESSES = 100_000;

    private record Window(Instant start, int failures) {
    }

    private final Clock clock;
    private final int maxFailures;
    private final Map<String, Window> byAddress = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
            return size() > MAX_ADDRESSES;
        }
    };

    FailedAuthentications(Clock clock, @Value("${slotbridge.authentication.max-failures:20}") int maxFailures) {
        this.clock = clock;
        this.maxFailures = maxFailures;
    }

    /** How long the address must wait before it may try again, when it has failed too often in this window. */
    public synchronized Optional<Duration> blocked(String address) {
        Window window = current(address);
        return window.failures() >= maxFailures
                ? Optional.of(Duration.between(clock.instant(), window.start().plus(WINDOW))) : Optional.empty();
    }

    /** 429 {@code rate-limited} with {@code Retry-After} when the address has failed too often in this window. */
    public void requireNotBlocked(String address) {
        blocked(address).ifPresent(wait -> {
            throw new ApiProblemException(ProblemType.RATE_LIMITED, "Too many failed authentications from this address; "
                    + "wait before trying again", null,
                    Map.of(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds() + 1))));
        });
    }

    public synchronized void failed(String address) {
        Window window = current(address);
        byAddress.put(address, new Window(window.start(), window.failures() + 1));
    }

    private Window current(String address) {
        Instant now = clock.instant();
        Window window = byAddress.get(address);
        return window == null || !now.isBefore(window.start().plus(WINDOW)) ? new Window(now, 0) : window;
    }
}
