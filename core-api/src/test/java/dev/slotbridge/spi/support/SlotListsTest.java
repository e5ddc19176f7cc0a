package dev.slotbridge.spi.support;

import dev.slotbridge.spi.error.RejectedBySchedulerException;
import dev.slotbridge.spi.error.SlotUnavailableException;
import dev.slotbridge.spi.model.Slot;
import dev.slotbridge.spi.model.SlotKey;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

final class SlotListsTest {
    private static Slot slot(String id, String start, String end, String label) {
        return new Slot(OffsetDateTime.parse(start), OffsetDateTime.parse(end), label, false, SlotKey.of("id", id));
    }

    @Test
    void eachKeyOnceTheFirstKeptSortedByStartEndAndLabel() {
        Slot pm = slot("pm", "2026-03-02T12:00:00Z", "2026-03-02T16:00:00Z", "PM");
        Slot allDay = slot("day", "2026-03-02T08:00:00Z", "2026-03-02T16:00:00Z", "Day");
        Slot am = slot("am", "2026-03-02T08:00:00Z", "2026-03-02T12:00:00Z", "AM");
        Slot unlabelled = slot("x", "2026-03-02T08:00:00Z", "2026-03-02T12:00:00Z", null);
        Slot amAgain = slot("am", "2026-03-02T09:00:00+01:00", "2026-03-02T13:00:00+01:00", "AM again");

        assertThat(SlotLists.merged(List.of(pm, allDay, am, unlabelled, amAgain))).containsExactly(unlabelled, am, allDay, pm);
    }

    @Test
    void aRefusalIsASlotTakenOnlyWhenTheSlotIsNoLongerOffered() {
        RejectedBySchedulerException refused = new RejectedBySchedulerException("Error in Booking.schedule");

        assertThat(Refusals.slotTakenOr(refused, () -> true, "DRS")).isSameAs(refused);
        assertThat(Refusals.slotTakenOr(refused, () -> false, "DRS")).isInstanceOf(SlotUnavailableException.class)
                .hasMessage("DRS no longer offers that slot");
    }
}
