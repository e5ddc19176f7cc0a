package dev.slotbridge.engine.events;

final class InMemoryToldBookingStoreTest extends ToldBookingStoreContract {
    @Override
    protected ToldBookingStore createStore() {
        return new InMemoryToldBookingStore(clock);
    }
}
