package dev.slotbridge.engine.security;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract in this process, and its bound on the makers kept. */
final class InMemoryBookingOwnersTest extends BookingOwnersContract {
    @Override
    protected BookingOwners createOwners(Duration ownerTtl) {
        return new InMemoryBookingOwners(ownerTtl, clock);
    }

    @Test
    void atMostMaxOwnersAreKept() {
        for (int i = 0; i < InMemoryBookingOwners.MAX_OWNERS + 1000; i++) {
            owners.record("council", "ref-" + i, "portal");
        }

        assertThat(((InMemoryBookingOwners) owners).size()).isEqualTo(InMemoryBookingOwners.MAX_OWNERS);
    }
}
