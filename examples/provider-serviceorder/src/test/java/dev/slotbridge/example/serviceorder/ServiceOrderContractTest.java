package dev.slotbridge.example.serviceorder;

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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** The example plugin passes the provider TCK against the fake service-order API. */
final class ServiceOrderContractTest extends SchedulerProviderContract {
    private static final FakeServiceOrderApi API = new FakeServiceOrderApi();
    private static final WireMockServer SERVER = FakeServiceOrderApi.server(API);

    @BeforeAll
    static void start() {
        SERVER.start();
    }

    @AfterAll
    static void stop() {
        SERVER.stop();
    }

    @AfterEach
    void forgetOrders() {
        API.reset();
    }

    static Map<String, String> settings(String baseUrl) {
        return Map.of("base-url", baseUrl, "tenant", "t1", "store", "s1", "api-key", FakeServiceOrderApi.KEY,
                "windows", "AM=08:00-12:00,PM=12:00-16:00", "working-days", "MON-FRI", "days-ahead", "30");
    }

    static SchedulerProvider provider(Map<String, String> settings) {
        var factory = new ServiceOrderProviderFactory();
        return factory.create(new ProviderContext("test", ProviderSettings.of("test", settings, factory.settings()),
                Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC), ZoneId.of("Europe/London")));
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

    /** A service order keeps every field of the booking. */
    @Override
    protected Set<BookingField> storedFields() {
        return EnumSet.allOf(BookingField.class);
    }

    @Override
    protected Optional<StoredBooking> storedBooking(Booking booking) {
        return API.record(booking.providerRefs().get("serviceOrderUid"));
    }

    @Override
    protected BookingKey unknownBookingKey() {
        return BookingKey.of("serviceOrderUid", "so-404");
    }
}
