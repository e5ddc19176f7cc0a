package dev.slotbridge.provider.rest;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.slotbridge.spi.Capability;
import dev.slotbridge.spi.SchedulerProvider;
import dev.slotbridge.spi.model.BookingKey;
import dev.slotbridge.spi.model.Job;
import dev.slotbridge.spi.model.JobCode;
import dev.slotbridge.spi.model.SlotQuery;
import dev.slotbridge.tck.BookingField;
import dev.slotbridge.tck.SchedulerProviderContract;
import dev.slotbridge.tck.StoredBooking;
import dev.slotbridge.spi.model.Booking;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documented council {@code calder} (worked example 3) passes the TCK against a fake of Cal.com's API v2:
 * slots grouped by date without ends, version headers, a bearer key, a paginated booking list and a reschedule that
 * issues a new uid.
 */
final class RestCalContractTest extends SchedulerProviderContract {
    static final FakeCalApi API = new FakeCalApi();
    static final WireMockServer SERVER = FakeCalApi.server(API);

    @BeforeAll
    static void start() {
        SERVER.start();
    }

    @AfterAll
    static void stop() {
        SERVER.stop();
    }

    @AfterEach
    void forgetBookings() {
        API.reset();
    }

    @Override
    protected SchedulerProvider createProvider() {
        return RestExamples.provider("calder", Map.of("base-url", SERVER.baseUrl(), "secret", FakeCalApi.KEY));
    }

    @Override
    protected SlotQuery searchableQuery() {
        return new SlotQuery(new Job("3670010", List.of(new JobCode("N373049", 1)), null, "HMS-1", null),
                LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 6));
    }

    @Override
    protected Set<BookingField> storedFields() {
        return EnumSet.of(BookingField.DESCRIPTION, BookingField.JOB_CODES, BookingField.CONTACT_NAME, BookingField.CONTACT_PHONE,
                BookingField.CONTACT_EMAIL);
    }

    @Override
    protected Optional<StoredBooking> storedBooking(Booking booking) {
        return API.record(booking.providerRefs().get("id"));
    }

    @Override
    protected BookingKey unknownBookingKey() {
        return BookingKey.of("id", "bk-404");
    }

    @Test
    void offersExactlyTheConfiguredOperations() {
        assertThat(provider().capabilities()).containsExactlyInAnyOrder(Capability.SEARCH, Capability.BOOK,
                Capability.VIEW, Capability.LIST, Capability.FIND_BY_REFERENCE, Capability.RESCHEDULE, Capability.CANCEL);
    }
}
