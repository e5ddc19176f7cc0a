package dev.slotbridge.engine.booking;

import dev.slotbridge.engine.council.Council;
import dev.slotbridge.engine.error.ProblemException;
import dev.slotbridge.engine.error.ProblemType;
import dev.slotbridge.engine.security.ApiClient;
import dev.slotbridge.engine.store.StoreUnavailableException;
import dev.slotbridge.spi.Capability;
import dev.slotbridge.spi.model.Slot;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * For a scheduler that cannot hold slots itself, the places Slotbridge holds for a caller in its store: other
 * callers' searches do not offer them, whatever job or order they search for, and their bookings of them are 409
 * {@code slot-unavailable} ({@link SlotPlace}). (Bookings made outside Slotbridge can still take them.) A scheduler
 * with {@link Capability#HOLD} does this itself.
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

    /** The slots without those whose place is held in the store. Searches go on while the store is down, unfiltered. */
    List<Slot> withoutHeldSlots(Council council, List<Slot> slots) {
        if (council.holdsInScheduler() || slots.isEmpty()) {
            return slots;
        }
        Map<SlotPlace, String> held;
        try {
            held = store.heldPlaces(council.id(), clock.instant());
        } catch (StoreUnavailableException e) {
            LOG.debug("holds not applied to a search while the store is down");
            return slots;
        }
        return held.isEmpty() ? slots : slots.stream().filter(slot -> !held.containsKey(SlotPlace.of(slot))).toList();
    }

    /** 409 {@code slot-unavailable} when another client holds the place in the store; a null place is not known held. */
    void requireNotHeldByOthers(ApiClient client, Council council, SlotPlace place) {
        if (council.holdsInScheduler() || place == null) {
            return;
        }
        String holder = store.heldPlaces(council.id(), clock.instant()).get(place);
        if (holder != null && !holder.equals(client.name())) {
            throw new ProblemException(ProblemType.SLOT_UNAVAILABLE, "The slot is held for another caller");
        }
    }
}
