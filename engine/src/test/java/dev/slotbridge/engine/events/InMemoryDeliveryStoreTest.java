package dev.slotbridge.engine.events;

/** The outbox contract on the in-memory store. */
final class InMemoryDeliveryStoreTest extends DeliveryStoreContract {
    @Override
    protected DeliveryStore createStore(OutboxBound bound) {
        return new InMemoryDeliveryStore(bound);
    }
}
