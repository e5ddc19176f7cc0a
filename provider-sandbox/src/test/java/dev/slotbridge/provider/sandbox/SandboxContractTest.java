package dev.slotbridge.provider.sandbox;

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

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** The sandbox passes the provider TCK (one booking per window, as the TCK's backend requirement says). */
final class SandboxContractTest extends SchedulerProviderContract {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T09:00:00Z"), ZoneOffset.UTC);

    static SchedulerProvider sandbox(Map<String, String> settings) {
        return sandbox(settings, CLOCK);
    }

    static SchedulerProvider sandbox(Map<String, String> settings, Clock clock) {
        SandboxProviderFactory factory = new SandboxProviderFactory();
        return factory.create(new ProviderContext("test",
                ProviderSettings.of("test", settings, factory.settings()), clock, LONDON));
    }

    static SlotQuery query(LocalDate from, LocalDate to) {
        return new SlotQuery(new Job("3670010", List.of(new JobCode("N373049", 1)), null, "HMS-1", null), from, to);
    }

    @Override
    protected SchedulerProvider createProvider() {
        return sandbox(Map.of("capacity-per-slot", "1"));
    }

    @Override
    protected SlotQuery searchableQuery() {
        return query(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 13));
    }

    /** The sandbox keeps the whole booking. */
    @Override
    protected Set<BookingField> storedFields() {
        return EnumSet.allOf(BookingField.class);
    }

    @Override
    protected Optional<StoredBooking> storedBooking(Booking booking) {
        return ((SandboxSchedulerProvider) provider()).record(booking.key())
                .map(stored -> new StoredBooking(stored.job(), stored.contact(), stored.accessNotes()));
    }

    @Override
    protected BookingKey unknownBookingKey() {
        return BookingKey.of("bookingId", "SBX-999999");
    }
}
