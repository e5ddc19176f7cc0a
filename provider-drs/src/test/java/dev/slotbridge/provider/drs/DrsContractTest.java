package dev.slotbridge.provider.drs;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.slotbridge.spi.CallPermits;
import dev.slotbridge.spi.ProviderContext;
import dev.slotbridge.spi.ProviderMemory;
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

/** The DRS provider passes the TCK against the fake gateway; every body it sent is then validated against the WSDL. */
final class DrsContractTest extends SchedulerProviderContract {
    static final FakeDrs DRS = new FakeDrs();
    static final WireMockServer SERVER = FakeDrs.server(DRS);

    @BeforeAll
    static void start() {
        SERVER.start();
    }

    @AfterAll
    static void stop() {
        SERVER.stop();
    }

    @AfterEach
    void everyRequestWasValidAgainstTheWsdl() {
        validateAll(SERVER);
        DRS.reset();
        SERVER.resetRequests();
    }

    static void validateAll(WireMockServer server) {
        server.getAllServeEvents().forEach(event -> GatewaySchema.validate(event.getRequest().getBodyAsString()));
    }

    static Map<String, String> settings(String baseUrl) {
        Map<String, String> settings = new HashMap<>();
        settings.put("endpoint", baseUrl + FakeDrs.PATH);
        settings.put("username", FakeDrs.LOGIN);
        settings.put("password", FakeDrs.PASSWORD);
        settings.put("contract", "0");
        settings.put("default-priority", "Priority 20 Days");
        return settings;
    }

    static SchedulerProvider provider(Map<String, String> settings, Clock clock) {
        return provider(settings, clock, ProviderContext.DEFAULT_CALL_TIMEOUT, CallPermits.NONE);
    }

    static SchedulerProvider provider(Map<String, String> settings, Clock clock, Duration callTimeout, CallPermits permits) {
        return provider(settings, clock, callTimeout, permits, ProviderMemory.inProcess(clock));
    }

    /** A provider with the given memory: two of them sharing one memory are two replicas sharing a store. */
    static SchedulerProvider provider(Map<String, String> settings, Clock clock, Duration callTimeout, CallPermits permits,
                                      ProviderMemory memory) {
        var factory = new DrsProviderFactory();
        return factory.create(new ProviderContext("lincoln", ProviderSettings.of("lincoln", settings, factory.settings()),
                clock, ZoneId.of("Europe/London"), callTimeout, permits, memory));
    }

    @Override
    protected SchedulerProvider createProvider() {
        return provider(settings(SERVER.baseUrl()), new TestClock(Instant.parse("2026-03-01T09:00:00Z")));
    }

    @Override
    protected SlotQuery searchableQuery() {
        return new SlotQuery(new Job("3670010", List.of(new JobCode("N373049", 1)), null, null, null),
                LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 6));
    }

    @Override
    protected BookingKey unknownBookingKey() {
        return BookingKey.of("orderNumber", "NO-SUCH", "orderId", "1", "bookingId", "1");
    }

    /** DRS has no field for the tenant's e-mail address. */
    @Override
    protected Set<BookingField> storedFields() {
        return EnumSet.complementOf(EnumSet.of(BookingField.CONTACT_EMAIL));
    }

    @Override
    protected Optional<StoredBooking> storedBooking(Booking booking) {
        return DRS.record(booking.providerRefs().get("orderId"));
    }

    /** The fake, like a gateway that drops deleted orders, no longer lists a cancelled booking's order. */
    @Override
    protected boolean cancelledBookingsVanish() {
        return true;
    }
}
