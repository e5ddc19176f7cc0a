package dev.slotbridge.engine.security;

import dev.slotbridge.tck.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link BookingOwners} does, in this process and on a real Redis: the client that made a booking is known
 * at its council for {@code owner-ttl}, then forgotten (which fails closed: a {@code manage-own} client no longer sees
 * the booking).
 */
public abstract class BookingOwnersContract {
    protected static final Duration OWNER_TTL = Duration.ofDays(400);

    protected final TestClock clock = new TestClock(Instant.parse("2026-03-01T09:00:00Z"));
    protected BookingOwners owners;

    /** New, empty owners, each remembered for {@code ownerTtl} by {@link #clock}. */
    protected abstract BookingOwners createOwners(Duration ownerTtl);

    /** Time passes for the store: the clock moves (a store keeping time by its own clock moves that too). */
    protected void elapse(Duration time) {
        clock.advance(time);
    }

    @BeforeEach
    final void createOwnersForTest() {
        owners = createOwners(OWNER_TTL);
    }

    @Test
    void theMakerOfABookingIsKnownAtItsCouncil() {
        owners.record("council", "ref-1", "portal");
        owners.record("council", "ref-2", "ops");

        assertThat(owners.owner("council", "ref-1")).contains("portal");
        assertThat(owners.owner("council", "ref-2")).contains("ops");
        assertThat(owners.owner("elsewhere", "ref-1")).as("another council's booking").isEmpty();
        assertThat(owners.owner("council", "unknown")).isEmpty();
    }

    @Test
    void aBookingRecordedAgainHasItsLatestMaker() {
        owners.record("council", "ref-1", "portal");
        owners.record("council", "ref-1", "ops");

        assertThat(owners.owner("council", "ref-1")).contains("ops");
    }

    @Test
    void aMakerIsForgottenAfterTheOwnerTtl() {
        owners.record("council", "ref-1", "portal");
        elapse(Duration.ofDays(1));
        owners.record("council", "ref-2", "portal");

        elapse(OWNER_TTL.minus(Duration.ofDays(1)).minusSeconds(1));
        assertThat(owners.owner("council", "ref-1")).contains("portal");

        elapse(Duration.ofSeconds(1));
        assertThat(owners.owner("council", "ref-1")).isEmpty();
        assertThat(owners.owner("council", "ref-2")).as("recorded a day later").contains("portal");
    }
}
