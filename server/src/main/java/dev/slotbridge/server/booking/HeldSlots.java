package dev.slotbridge.server.booking;

import dev.slotbridge.server.council.Council;
import dev.slotbridge.server.problem.ApiProblemException;
import dev.slotbridge.server.problem.ProblemType;
import dev.slotbridge.server.security.ApiClient;
import dev.slotbridge.server.store.StoreUnavailableException;
import dev.slotbridge.spi.Capability;
import dev.slotbridge.spi.model.Slot;
import dev.slotbridge.spi.model.SlotKey;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * For a scheduler that cannot hold slots itself, the slots Slotbridge holds for a caller in its store: other callers'
 * searches do not offer them and their bookings of them are 409 {@code slot-unavailable}. (Bookings made outside
 * Slotbridge can still take them.) A scheduler with {@link Capability#HOLD} does this itself.
 */
@Singleton
final class HeldSlots {
    private static final Logger LOG = LoggerFactory.getLogger(HeldSlots.class);

    private final HoldStore store;
    private final Clock clock;

    HeldSlots(HoldStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The slots without those held in the store. Searches go on while the store is down, unfiltered. */
    List<Slot> withoutHeldSlots(Council council, List<Slot> slots) {
        if (council.holdsInScheduler() || slots.isEmpty()) {
            return slots;
        }
        Map<Map<String, String>, String> held;
        try {
            held = store.heldSlots(council.id(), clock.instant());
        } catch (StoreUnavailableException e) {
            LOG.debug("holds not applied to a search while the store is down");
            return slots;
        }
        return held.isEmpty() ? slots : slots.stream().filter(slot -> !held.containsKey(slot.key().values())).toList();
    }

    /** 409 {@code slot-unavailable} when another client holds the slot in the store. */
    void requireNotHeldByOthers(ApiClient client, Council council, SlotKey slot) {
        if (council.holdsInScheduler()) {
            return;
        }
        String holder = store.heldSlots(council.id(), clock.instant()).get(slot.values());
        if (holder != null && !holder.equals(client.name())) {
            throw new ApiProblemException(ProblemType.SLOT_UNAVAILABLE, "The slot is held for another caller");
        }
    }
}
