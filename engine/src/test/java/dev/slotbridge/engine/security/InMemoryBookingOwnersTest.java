package dev.slotbridge.engine.security;

import java.time.Duration;

final class InMemoryBookingOwnersTest extends BookingOwnersContract {
    @Override
    protected BookingOwners createOwners(Duration ownerTtl) {
        return new InMemoryBookingOwners(ownerTtl, clock);
    }
}
