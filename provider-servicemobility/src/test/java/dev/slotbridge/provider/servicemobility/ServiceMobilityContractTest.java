package dev.slotbridge.provider.servicemobility;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.slotbridge.spi.ProviderContext;
import dev.slotbridge.spi.ProviderSettings;
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

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The ServiceMobility provider passes the TCK against a fake backend whose stubs only answer requests with the
 * interfaces' headers and the objects' fields, so a request that drifts from the spec fails the contract.
 */
final class ServiceMobilityContractTest extends SchedulerProviderContract {
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

    static SchedulerProvider provider(Map<String, String> settings) {
        return provider(settings, Clock.systemUTC());
    }

    static SchedulerProvider provider(Map<String, String> settings, Clock clock) {
        var factory = new ServiceMobilityProviderFactory();
        return factory.create(new ProviderContext("test", ProviderSettings.of("test", settings, factory.settings()),
                clock, ZoneId.of("Europe/London")));
    }

    static Map<String, String> settings(String baseUrl) {
        return Map.of("appointment-search-url", baseUrl + FakeServiceMobility.SEARCH,
                "book-job-url", baseUrl + "/sm/workorders/{0}/followup",
                "access-token", FakeServiceMobility.TOKEN, "order-type", "Repair");
    }

    @Override
    protected SchedulerProvider createProvider() {
        return provider(settings(SERVER.baseUrl()));
    }

    @Override
    protected SlotQuery searchableQuery() {
        return new SlotQuery(new Job("3670010", List.of(new JobCode("N373049", 1)), null, "HMS-1", null),
                LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 6));
    }

    /** The Book Job Object carries everything but a priority (and job codes without quantities). */
    @Override
    protected Set<BookingField> storedFields() {
        return EnumSet.complementOf(EnumSet.of(BookingField.PRIORITY));
    }

    @Override
    protected Optional<StoredBooking> storedBooking(Booking booking) {
        return BACKEND.record(booking.providerRefs().get("orderId"));
    }

    @Override
    protected BookingKey unknownBookingKey() {
        return BookingKey.of("orderNum", "WO-0");
    }
}
