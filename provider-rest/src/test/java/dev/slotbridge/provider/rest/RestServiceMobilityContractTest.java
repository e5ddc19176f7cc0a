package dev.slotbridge.provider.rest;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.slotbridge.provider.servicemobility.FakeServiceMobility;
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

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The documented council {@code ashby} (worked example 1) passes the TCK against the ServiceMobility provider's own
 * fake, whose stubs only answer requests with the interfaces' headers and the objects' fields.
 */
final class RestServiceMobilityContractTest extends SchedulerProviderContract {
    private static final FakeServiceMobility BACKEND = new FakeServiceMobility();
    private static final WireMockServer SERVER = FakeServiceMobility.server(BACKEND);

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
        BACKEND.reset();
    }

    @Override
    protected SchedulerProvider createProvider() {
        return RestExamples.provider("ashby", Map.of("base-url", SERVER.baseUrl(), "secret", FakeServiceMobility.TOKEN));
    }

    @Override
    protected SlotQuery searchableQuery() {
        return new SlotQuery(new Job("3670010", List.of(new JobCode("N373049", 1)), null, "HMS-1", null),
                LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 6));
    }

    @Override
    protected Set<BookingField> storedFields() {
        return EnumSet.complementOf(EnumSet.of(BookingField.PRIORITY));
    }

    @Override
    protected Optional<StoredBooking> storedBooking(Booking booking) {
        return BACKEND.record(booking.providerRefs().get("id"));
    }

    @Override
    protected BookingKey unknownBookingKey() {
        return BookingKey.of("id", "WO-0");
    }
}
