package dev.slotbridge.engine.events;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract in this process, and its bounds: bookings kept, and what was told dropped unread when its keep ends. */
final class InMemoryToldBookingStoreTest extends ToldBookingStoreContract {
    @Override
    protected ToldBookingStore createStore() {
        return new InMemoryToldBookingStore(clock);
    }

    private long size() {
        return ((InMemoryToldBookingStore) store).size();
    }

    @Test
    void atMostMaxBookingsAreKept() {
        for (int i = 0; i < InMemoryToldBookingStore.MAX_BOOKINGS + 1000; i++) {
            store.tell("council", "ref-" + i, "BOOKED", "change-" + i, Duration.ofDays(1));
        }

        assertThat(size()).isEqualTo(InMemoryToldBookingStore.MAX_BOOKINGS);
    }

    @Test
    void whatWasToldIsDroppedWhenItsKeepEndsWithoutBeingReadAgain() {
        store.tell("council", "ref-1", "BOOKED", "change-1", Duration.ofDays(1));
        store.tell("council", "ref-2", "BOOKED", "change-2", Duration.ofDays(2));

        clock.advance(Duration.ofDays(1));

        assertThat(size()).isEqualTo(1);
    }
}
