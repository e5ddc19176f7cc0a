package dev.slotbridge.server.security;

import dev.slotbridge.server.config.SlotbridgeConfiguration;
import dev.slotbridge.server.problem.ApiProblemException;
import dev.slotbridge.server.problem.ProblemType;
import io.micronaut.http.HttpHeaders;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed authentications per source address, in one-minute windows: past {@code slotbridge.authentication.max-failures}
 * (default 20) an address gets 429 for the rest of the window, so keys cannot be guessed at thousands a second.
 * Remembers the latest 100,000 addresses. Every authenticated request asks whether its address is blocked, so that
 * question reads a concurrent map of blocked addresses without a lock; only failures take the lock.
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
    private final Map<String, Instant> blockedUntil = new ConcurrentHashMap<>();

    FailedAuthentications(Clock clock, SlotbridgeConfiguration configuration) {
        this.clock = clock;
        this.maxFailures = Math.toIntExact(configuration.root().section("authentication").wholeNumber("max-failures"));
    }

    /** How long the address must wait before it may try again, when it has failed too often in this window. */
    public Optional<Duration> blocked(String address) {
        Instant until = blockedUntil.get(address);
        if (until == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (!now.isBefore(until)) {
            blockedUntil.remove(address, until);
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, until));
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
        Window counted = new Window(window.start(), window.failures() + 1);
        byAddress.put(address, counted);
        if (counted.failures() >= maxFailures) {
            blockedUntil.put(address, counted.start().plus(WINDOW));
            forgetEndedBlocks();
        }
    }

    /** Past {@code MAX_ADDRESSES} blocked addresses: the ended blocks go, then any, until the bound holds. */
    private void forgetEndedBlocks() {
        if (blockedUntil.size() <= MAX_ADDRESSES) {
            return;
        }
        Instant now = clock.instant();
        blockedUntil.values().removeIf(until -> !now.isBefore(until));
        Iterator<String> any = blockedUntil.keySet().iterator();
        while (blockedUntil.size() > MAX_ADDRESSES && any.hasNext()) {
            any.next();
            any.remove();
        }
    }

    private Window current(String address) {
        Instant now = clock.instant();
        Window window = byAddress.get(address);
        return window == null || !now.isBefore(window.start().plus(WINDOW)) ? new Window(now, 0) : window;
    }
}
