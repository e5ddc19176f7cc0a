package dev.slotbridge.engine.booking;

final class InMemoryHoldStoreTest extends HoldStoreContract {
    @Override
    protected HoldStore createStore() {
        return new InMemoryHoldStore(clock);
    }
}
