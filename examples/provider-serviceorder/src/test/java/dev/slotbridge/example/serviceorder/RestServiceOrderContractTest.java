package dev.slotbridge.example.serviceorder;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.slotbridge.provider.rest.RestExamples;
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
 * The built-in {@code rest} provider, configured as {@code docs/providers/rest.md}'s council {@code barrow} (worked
 * example 2), passes the TCK against this plugin's fake: the plugin reproduced from configuration alone.
 */
final class RestServiceOrderContractTest extends SchedulerProviderContract {
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

    @Override
    protected SchedulerProvider createProvider() {
        return RestExamples.provider("barrow", Map.of("base-url", SERVER.baseUrl(), "secret", FakeServiceOrderApi.KEY));
    }

    @Override
    protected SlotQuery searchableQuery() {
        return new SlotQuery(new Job("3670010", List.of(new JobCode("N373049", 1)), null, "HMS-1", null),
                LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 6));
    }

    @Override
    protected Set<BookingField> storedFields() {
        return EnumSet.allOf(BookingField.class);
    }

    @Override
    protected Optional<StoredBooking> storedBooking(Booking booking) {
        return API.record(booking.providerRefs().get("id"));
    }

    @Override
    protected BookingKey unknownBookingKey() {
        return BookingKey.of("id", "so-404");
    }
}
