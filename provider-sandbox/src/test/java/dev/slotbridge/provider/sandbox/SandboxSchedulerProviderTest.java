package dev.slotbridge.provider.sandbox;

import dev.slotbridge.spi.ProbeResult;
import dev.slotbridge.spi.SchedulerProvider;
import dev.slotbridge.spi.error.RejectedBySchedulerException;
import dev.slotbridge.spi.error.SlotUnavailableException;
import dev.slotbridge.spi.model.Booking;
import dev.slotbridge.spi.model.BookingRequest;
import dev.slotbridge.spi.model.BookingStatus;
import dev.slotbridge.spi.model.CancelRequest;
import dev.slotbridge.spi.model.Job;
import dev.slotbridge.spi.model.JobCode;
import dev.slotbridge.spi.model.Slot;
import dev.slotbridge.spi.model.SlotKey;
import dev.slotbridge.tck.TestClock;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.slotbridge.provider.sandbox.SandboxContractTest.query;
import static dev.slotbridge.provider.sandbox.SandboxContractTest.sandbox;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

final class SandboxSchedulerProviderTest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    @Test
    void theSameSeedGivesTheSameDiaryAndAnotherSeedAnotherOne() {
        List<Slot> first = sandbox(Map.of("seed", "7")).search(query(MONDAY, MONDAY.plusDays(27)));
        List<Slot> again = sandbox(Map.of("seed", "7")).search(query(MONDAY, MONDAY.plusDays(27)));
        List<Slot> other = sandbox(Map.of("seed", "8")).search(query(MONDAY, MONDAY.plusDays(27)));

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void theProbeIsAlwaysReached() {
        assertThat(sandbox(Map.of()).probe()).isEqualTo(ProbeResult.REACHED);
    }

    @Test
    void aBookingKeyFromBeforeARestartNamesNoBookingOfTheNewRun() {
        SchedulerProvider before = sandbox(Map.of());
        Booking old = before.book(booking(before.search(query(MONDAY, MONDAY)).getFirst().key(), "HMS-OLD"));
        SchedulerProvider after = sandbox(Map.of());
        Booking stranger = after.book(booking(after.search(query(MONDAY, MONDAY)).getFirst().key(), "HMS-NEW"));

        assertThat(stranger.key()).isNotEqualTo(old.key());
        assertThat(stranger.providerRefs()).doesNotContainValue(old.providerRefs().get("bookingId"));
        assertThat(after.find(old.key())).isEmpty();
    }

    @Test
    void offersAmAndPmWindowsOnWorkingDaysInLondonTime() {
        List<Slot> slots = sandbox(Map.of()).search(query(LocalDate.of(2026, 3, 23), LocalDate.of(2026, 4, 3)));

        assertThat(slots).isNotEmpty().allSatisfy(slot -> {
            assertThat(slot.start().getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            assertThat(slot.label()).isIn("AM", "PM");
            assertThat(slot.start().atZoneSameInstant(SandboxContractTest.LONDON).getHour())
                    .isEqualTo(slot.label().equals("AM") ? 8 : 12);
        });
        // 30 March 2026 is in British Summer Time: 08:00 local is 07:00 UTC
        assertThat(slots).filteredOn(slot -> slot.start().toLocalDate().isAfter(LocalDate.of(2026, 3, 29)))
                .allSatisfy(slot -> assertThat(slot.start().getOffset().getTotalSeconds()).isEqualTo(3600));
    }

    @Test
    void offersNothingInThePastNorBeyondDaysAhead() {
        SchedulerProvider sandbox = sandbox(Map.of("days-ahead", "10"));

        List<Slot> slots = sandbox.search(query(LocalDate.of(2026, 2, 20), LocalDate.of(2026, 3, 31)));

        assertThat(slots).extracting(slot -> slot.start().toLocalDate())
                .allSatisfy(date -> assertThat(date).isBetween(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 11)));
    }

    @Test
    void aWindowTakesCapacityPerSlotBookingsThenDisappearsFromSearch() {
        SchedulerProvider sandbox = sandbox(Map.of("capacity-per-slot", "2"));
        Slot slot = sandbox.search(query(MONDAY, MONDAY.plusDays(4))).getFirst();

        sandbox.book(booking(slot.key(), "A"));
        assertThat(sandbox.search(query(MONDAY, MONDAY.plusDays(4)))).extracting(Slot::key).contains(slot.key());
        sandbox.book(booking(slot.key(), "B"));

        assertThat(sandbox.search(query(MONDAY, MONDAY.plusDays(4)))).extracting(Slot::key).doesNotContain(slot.key());
        assertThatThrownBy(() -> sandbox.book(booking(slot.key(), "C"))).isInstanceOf(SlotUnavailableException.class);
    }

    @Test
    void rescheduleAndCancelFreeTheSlotTheyLeave() {
        SchedulerProvider sandbox = sandbox(Map.of("capacity-per-slot", "1"));
        List<Slot> slots = sandbox.search(query(MONDAY, MONDAY.plusDays(4)));
        Booking booking = sandbox.book(booking(slots.get(0).key(), "A"));

        sandbox.reschedule(booking.key(), slots.get(1).key());
        Booking other = sandbox.book(booking(slots.get(0).key(), "B"));
        sandbox.cancel(other.key(), new CancelRequest("Tenant request", null));

        assertThat(sandbox.search(query(MONDAY, MONDAY.plusDays(4)))).extracting(Slot::key)
                .contains(slots.get(0).key()).doesNotContain(slots.get(1).key());
    }

    @Test
    void aSecondActiveBookingForTheSameOrderIsRejected() {
        SchedulerProvider sandbox = sandbox(Map.of());
        List<Slot> slots = sandbox.search(query(MONDAY, MONDAY.plusDays(4)));
        sandbox.book(booking(slots.get(0).key(), "A"));

        assertThatThrownBy(() -> sandbox.book(booking(slots.get(1).key(), "A")))
                .isInstanceOf(RejectedBySchedulerException.class).hasMessageContaining("HMS-A");
    }

    @Test
    void aSlotKeyTheSandboxNeverIssuedIsUnavailable() {
        assertThatThrownBy(() -> sandbox(Map.of()).book(booking(SlotKey.of("date", "someday"), "A")))
                .isInstanceOf(SlotUnavailableException.class);
        assertThatThrownBy(() -> sandbox(Map.of()).book(booking(
                SlotKey.of("date", "2026-03-07", "window", "AM"), "A"))).as("a Saturday")
                .isInstanceOf(SlotUnavailableException.class);
    }

    @Test
    void aBookingWhoseWindowHasEndedIsCompletedAndCannotBeCancelled() {
        TestClock clock = new TestClock(SandboxContractTest.CLOCK.instant());
        SchedulerProvider sandbox = sandbox(Map.of(), clock);
        Slot slot = sandbox.search(query(MONDAY, MONDAY)).getFirst();
        Booking booking = sandbox.book(booking(slot.key(), "A"));

        clock.advance(Duration.between(clock.instant(), slot.end().toInstant()));

        assertThat(sandbox.find(booking.key())).hasValueSatisfying(
                now -> assertThat(now.status()).isEqualTo(BookingStatus.COMPLETED));
        assertThatThrownBy(() -> sandbox.cancel(booking.key(), new CancelRequest("Tenant request", null)))
                .isInstanceOf(RejectedBySchedulerException.class);
    }

    @Test
    void concurrentBookingsNeverOverbookAWindow() throws Exception {
        SchedulerProvider sandbox = sandbox(Map.of("capacity-per-slot", "3"));
        Slot slot = sandbox.search(query(MONDAY, MONDAY.plusDays(4))).getFirst();
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String ref = "C" + i;
            attempts.add(() -> {
                start.await();
                try {
                    sandbox.book(booking(slot.key(), ref));
                    return true;
                } catch (SlotUnavailableException e) {
                    return false;
                }
            });
        }
        List<Future<Boolean>> results;
        try (ExecutorService pool = Executors.newFixedThreadPool(30)) {
            List<Future<Boolean>> submitted = attempts.stream().map(pool::submit).toList();
            start.countDown();
            results = submitted;
        }

        long successes = 0;
        for (Future<Boolean> result : results) {
            successes += result.get() ? 1 : 0;
        }
        assertThat(successes).isEqualTo(3);
    }

    @Test
    void beyondMaxBookingsTheOldestIsForgottenAndItsWindowAndOrderNumberFreed() {
        SchedulerProvider sandbox = sandbox(Map.of("max-bookings", "100", "capacity-per-slot", "100"));
        SlotKey window = sandbox.search(query(MONDAY, MONDAY)).getFirst().key();
        List<Booking> made = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            made.add(sandbox.book(booking(window, "KEPT-" + i)));
        }
        assertThat(sandbox.search(query(MONDAY, MONDAY))).extracting(Slot::key).doesNotContain(window);

        SlotKey other = sandbox.search(query(MONDAY.plusDays(1), MONDAY.plusDays(4))).getFirst().key();
        Booking newest = sandbox.book(booking(other, "NEWEST"));

        assertThat(sandbox.find(made.getFirst().key())).as("the oldest is forgotten").isEmpty();
        assertThat(sandbox.findByExternalRef("HMS-KEPT-0", Optional.empty())).isEmpty();
        assertThat(sandbox.find(made.get(1).key())).isPresent();
        assertThat(sandbox.find(newest.key())).isPresent();
        assertThat(sandbox.search(query(MONDAY, MONDAY))).as("its window has room again").extracting(Slot::key).contains(window);
        assertThat(sandbox.book(booking(window, "KEPT-0")).status()).as("its order number is free").isEqualTo(BookingStatus.BOOKED);
        assertThat(sandbox.find(made.get(1).key())).as("and the next oldest goes").isEmpty();
    }

    private static BookingRequest booking(SlotKey slot, String ref) {
        return new BookingRequest(slot,
                new Job("3670010", List.of(new JobCode("N373049", 1)), null, "HMS-" + ref, "Tap leaking"), null, null);
    }
}
