package dev.slotbridge.provider.servicemobility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slotbridge.provider.servicemobility.wire.OpenSlots;
import dev.slotbridge.spi.model.Booking;
import dev.slotbridge.spi.model.BookingRequest;
import dev.slotbridge.spi.model.Contact;
import dev.slotbridge.spi.model.Job;
import dev.slotbridge.spi.model.JobCode;
import dev.slotbridge.spi.model.Slot;
import dev.slotbridge.spi.model.SlotKey;
import dev.slotbridge.spi.model.SlotQuery;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** The mapping produces the spec's objects, field for field and case for case. */
final class ServiceMobilityMappingTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private final ObjectMapper json = new ObjectMapper();
    private final Job job = new Job("3670010", List.of(new JobCode("N373049", 1), new JobCode("N373050", 2)),
            "Priority 20 Days", "HMS-12345659", "Kitchen tap leaking under sink");

    private JsonNode fixture(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/servicemobility/" + name)) {
            return json.readTree(in);
        }
    }

    @Test
    void aSearchIsAnAppointmentSearchObjectCoveringTheLocalDatesInUtc() throws IOException {
        // 29 March 2026 is the day the clocks go forward: 00:00 GMT to 24:00 BST on the 30th
        var query = new SlotQuery(job, LocalDate.of(2026, 3, 29), LocalDate.of(2026, 3, 30));

        JsonNode sent = json.valueToTree(ServiceMobilityMapping.search(query, "Repair", LONDON));

        assertThat(sent).isEqualTo(fixture("appointment-search.json"));
    }

    @Test
    void openSlotsBecomeSortedUniqueSlotsInTheRangeWithDescAsLabel() throws IOException {
        OpenSlots answer = json.treeToValue(fixture("open-slots.json"), OpenSlots.class);
        var query = new SlotQuery(job, LocalDate.of(2026, 3, 30), LocalDate.of(2026, 3, 30));

        List<Slot> slots = ServiceMobilityMapping.slots(answer, query.from().atStartOfDay(LONDON).toInstant(),
                query.to().plusDays(1).atStartOfDay(LONDON).toInstant(), LONDON);

        assertThat(slots).extracting(slot -> slot.start().toString(), Slot::label).containsExactly(
                tuple("2026-03-30T08:00+01:00", "AM"),
                tuple("2026-03-30T12:00+01:00", "PM"),
                tuple("2026-03-30T16:00+01:00", null));
        assertThat(slots).noneMatch(Slot::preferred);
        assertThat(slots.getFirst().key().values()).containsEntry("start", "2026-03-30T07:00:00.000Z")
                .containsEntry("id", "TC-7").containsEntry("type", "Window");
    }

    @Test
    void aBookingIsABookJobObjectCarryingTheChosenPeriodTheJobAndTheContact() throws IOException {
        OpenSlots answer = json.treeToValue(fixture("open-slots.json"), OpenSlots.class);
        Slot am = ServiceMobilityMapping.slots(answer, LocalDate.of(2026, 3, 30).atStartOfDay(LONDON).toInstant(),
                LocalDate.of(2026, 3, 31).atStartOfDay(LONDON).toInstant(), LONDON).getFirst();
        var request = new BookingRequest(am.key(), job, new Contact("Ann Mary Tenant", "07700900123", "ann@example.org"),
                "Dog in garden");

        JsonNode sent = json.valueToTree(ServiceMobilityMapping.bookJob(request, "Repair"));

        assertThat(sent).isEqualTo(fixture("book-job.json"));
    }

    @Test
    void theOrderNumIdentifiesTheBooking() {
        var request = new BookingRequest(SlotKey.of("start", "2026-03-30T07:00:00.000Z",
                "end", "2026-03-30T11:00:00.000Z", "desc", "AM"), job, null, null);

        Booking booking = ServiceMobilityMapping.booking("WO-991", request, LONDON);

        assertThat(booking.key().values()).containsEntry("orderNum", "WO-991");
        assertThat(booking.providerRefs()).containsEntry("orderId", "WO-991").containsEntry("originalOrderNum", "HMS-12345659");
        assertThat(booking.slot().start().toString()).isEqualTo("2026-03-30T08:00+01:00");
        assertThat(booking.slot().label()).isEqualTo("AM");
    }
}
