package dev.slotbridge.server.testing;

import dev.slotbridge.tck.TestClock;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;

/** Every server test runs at Sunday 1 March 2026, 09:00 UTC, on a clock the test can move. */
@Factory
public final class TestClockFactory {
    public static final Instant START = Instant.parse("2026-03-01T09:00:00Z");

    @Singleton
    @Replaces(Clock.class)
    TestClock clock() {
        return new TestClock(START);
    }
}
