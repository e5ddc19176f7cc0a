package dev.slotbridge.provider.connect;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.slotbridge.spi.CallPermits;
import dev.slotbridge.spi.ProviderContext;
import dev.slotbridge.spi.ProviderMemory;
import dev.slotbridge.spi.ProviderSettings;
import dev.slotbridge.spi.SchedulerProvider;
import dev.slotbridge.spi.model.BookingKey;
import dev.slotbridge.spi.model.BookingRequest;
import dev.slotbridge.spi.model.Job;
import dev.slotbridge.spi.model.JobCode;
import dev.slotbridge.spi.model.SlotKey;
import dev.slotbridge.spi.model.SlotQuery;
import dev.slotbridge.tck.BookingField;
import dev.slotbridge.tck.SchedulerProviderContract;
import dev.slotbridge.tck.StoredBooking;
import dev.slotbridge.spi.model.Booking;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import dev.slotbridge.tck.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The Connect provider passes the TCK against a fake Connect that checks the spec's headers, parameters and fields. */
final class ConnectContractTest extends SchedulerProviderContract {
    static final FakeConnect CONNECT = new FakeConnect();
    static final WireMockServer SERVER = FakeConnect.server(CONNECT);

    @BeforeAll
    static void start() {
        if (!SERVER.isRunning()) {
            SERVER.start();
        }
    }

    @AfterAll
    static void stop() {
        SERVER.stop();
    }

    @AfterEach
    void forget() {
        CONNECT.reset();
    }

    static Map<String, String> settings(String baseUrl) {
        Map<String, String> settings = new HashMap<>();
        settings.put("base-url", baseUrl + FakeConnect.BASE);
        settings.put("username", FakeConnect.USER);
        settings.put("password", FakeConnect.PASSWORD);
        settings.put("contract-external-id", FakeConnect.CONTRACT);
        settings.put("organisation-external-id", FakeConnect.ORGANISATION);
        settings.put("default-priority", "P20");
        return settings;
    }

    static SchedulerProvider provider(Map<String, String> settings, Clock clock) {
        return provider(settings, clock, ProviderContext.DEFAULT_CALL_TIMEOUT);
    }

    static SchedulerProvider provider(Map<String, String> settings, Clock clock, Duration callTimeout) {
        var factory = new ConnectProviderFactory();
        return factory.create(new ProviderContext("test", ProviderSettings.of("test", settings, factory.settings()),
                clock, ZoneId.of("Europe/London"), callTimeout, CallPermits.NONE, ProviderMemory.inProcess(clock)));
    }

    @Override
    protected SchedulerProvider createProvider() {
        return provider(settings(SERVER.baseUrl()), new TestClock(Instant.parse("2026-03-01T09:00:00Z")));
    }

    @Override
    protected SlotQuery searchableQuery() {
        return new SlotQuery(new Job("3670010", List.of(new JobCode("N373049", 1)), null, "HMS-TCK-ORDER", null),
                LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 6));
    }

    /** Every TCK booking is for the searched order: Connect books visits of the order the slot was found for. */
    @Override
    protected BookingRequest bookingFor(SlotKey slot) {
        var request = super.bookingFor(slot);
        var job = request.job();
        return new BookingRequest(slot, new Job(job.propertyRef(), job.jobCodes(), job.priority(),
                searchableQuery().job().externalRef(), job.description()), request.contact(), request.accessNotes());
    }

    /**
     * The order keeps the description (given by {@code PATCH} at booking), priority and job codes, the visit the
     * access notes; a contact reaches Connect only with the search that creates the order, never at booking.
     */
    @Override
    protected Set<BookingField> storedFields() {
        return EnumSet.of(BookingField.DESCRIPTION, BookingField.PRIORITY, BookingField.JOB_CODES, BookingField.ACCESS_NOTES);
    }

    @Override
    protected Optional<StoredBooking> storedBooking(Booking booking) {
        return CONNECT.record(booking.providerRefs().get("orderId"), booking.providerRefs().get("visitId"));
    }

    @Override
    protected BookingKey unknownBookingKey() {
        return BookingKey.of("order", "NO-SUCH-ORDER", "visit", "V-0");
    }
}
