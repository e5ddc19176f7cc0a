package dev.slotbridge.engine.idempotency;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

final class InMemoryIdempotencyStoreTest extends IdempotencyStoreContract {
    @Override
    protected IdempotencyStore createStore(IdempotencyProperties properties) {
        return new InMemoryIdempotencyStore(properties, clock);
    }

    @Test
    void holdsAtMostMaxEntriesPerClient() {
        for (int i = 0; i < 10; i++) {
            store.begin(new IdempotencyKey("other-client", "council", "k" + i), "request");
        }

        assertThat(((InMemoryIdempotencyStore) store).size()).isEqualTo(3);
    }
}
