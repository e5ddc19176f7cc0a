package dev.slotbridge.engine.events;

import dev.slotbridge.spi.ProviderMemory;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** {@link ToldBookingStore} in this process: each entry is {@code <change id> <state>}, expiring by the clock. */
@Singleton
@Secondary
final class InMemoryToldBookingStore implements ToldBookingStore {
    private final ProviderMemory entries;

    InMemoryToldBookingStore(Clock clock) {
        this.entries = ProviderMemory.inProcess(clock);
    }

    @Override
    public Optional<String> state(String council, String bookingRef) {
        return entries.get(key(council, bookingRef)).map(told -> told.substring(told.indexOf(' ') + 1));
    }

    @Override
    public synchronized String tell(String council, String bookingRef, String state, String newChangeId, Duration keep) {
        String key = key(council, bookingRef);
        Optional<String> last = entries.get(key);
        if (last.isPresent() && last.get().substring(last.get().indexOf(' ') + 1).equals(state)) {
            return last.get().substring(0, last.get().indexOf(' '));
        }
        entries.put(key, newChangeId + " " + state, keep);
        return newChangeId;
    }

    /** Council ids cannot hold a '/'. */
    private static String key(String council, String bookingRef) {
        return council + "/" + bookingRef;
    }
}
