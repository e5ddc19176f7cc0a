package dev.slotbridge.engine.booking;

final class InMemoryAvailabilityCacheTest extends AvailabilityCacheContract {
    @Override
    protected AvailabilityCache createCache() {
        return new InMemoryAvailabilityCache(clock);
    }
}
