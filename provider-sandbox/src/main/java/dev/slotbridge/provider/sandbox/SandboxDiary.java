package dev.slotbridge.provider.sandbox;

import dev.slotbridge.spi.model.Slot;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The sandbox's capacity ledger: which windows exist, which the seed has already filled (about one in five, as if
 * other tenants had booked them), and how many bookings each holds. Windows run Monday to Friday, from now until
 * {@code days-ahead} days after today. Not thread-safe: {@link SandboxSchedulerProvider} guards it.
 */
final class SandboxDiary {
    private static final int PERCENT_FULL_FROM_SEED = 20;
    private static final int PERCENT_PREFERRED = 15;

    private final SandboxSettings settings;
    private final Clock clock;
    private final ZoneId zone;
    private final Map<DiarySlot, Integer> taken = new HashMap<>();
    /**
     * Each window's slot as searches offer it, made once: its times, key and preference never change. Only windows
     * from today to the last day are kept; days past are dropped as the date moves on.
     */
    private final Map<DiarySlot, Slot> offered = new HashMap<>();
    private LocalDate offeredFrom = LocalDate.MIN;

    SandboxDiary(SandboxSettings settings, Clock clock, ZoneId zone) {
        this.settings = settings;
        this.clock = clock;
        this.zone = zone;
    }

    /** Slots with room between the dates (inclusive, local), sorted by start. */
    List<Slot> freeSlots(LocalDate from, LocalDate to) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate lastDay = today.plusDays(settings.daysAhead());
        forgetDaysBefore(today);
        List<Slot> slots = new ArrayList<>();
        LocalDate first = from.isBefore(today) ? today : from;
        for (LocalDate date = first; !date.isAfter(to) && !date.isAfter(lastDay); date = date.plusDays(1)) {
            if (!isWorkingDay(date)) {
                continue;
            }
            for (SandboxWindow window : SandboxWindow.values()) {
                DiarySlot slot = new DiarySlot(date, window);
                if (draw(slot) >= PERCENT_FULL_FROM_SEED && hasCapacity(slot)) {
                    Slot free = offered.computeIfAbsent(slot, this::toSlot);
                    if (free.start().toInstant().isAfter(now)) {
                        slots.add(free);
                    }
                }
            }
        }
        return slots;
    }

    private void forgetDaysBefore(LocalDate today) {
        if (today.isAfter(offeredFrom)) {
            offered.keySet().removeIf(slot -> slot.date().isBefore(today));
            offeredFrom = today;
        }
    }

    /** Whether the diary offers the slot now and it can take one more booking. */
    boolean hasRoom(DiarySlot slot) {
        return isOffered(slot) && hasCapacity(slot);
    }

    void take(DiarySlot slot) {
        taken.merge(slot, 1, Integer::sum);
    }

    void release(DiarySlot slot) {
        taken.computeIfPresent(slot, (s, count) -> count > 1 ? count - 1 : null);
    }

    Instant now() {
        return clock.instant();
    }

    OffsetDateTime start(DiarySlot slot) {
        return slot.date().atTime(slot.window().start).atZone(zone).toOffsetDateTime();
    }

    OffsetDateTime end(DiarySlot slot) {
        return slot.date().atTime(slot.window().end).atZone(zone).toOffsetDateTime();
    }

    boolean hasEnded(DiarySlot slot) {
        return !end(slot).toInstant().isAfter(clock.instant());
    }

    Slot toSlot(DiarySlot slot) {
        return new Slot(start(slot), end(slot), slot.window().name(), draw(slot) >= 100 - PERCENT_PREFERRED, slot.key());
    }

    private boolean isOffered(DiarySlot slot) {
        return isWorkingDay(slot.date()) && !slot.date().isAfter(lastDay())
                && start(slot).toInstant().isAfter(clock.instant()) && draw(slot) >= PERCENT_FULL_FROM_SEED;
    }

    private boolean hasCapacity(DiarySlot slot) {
        return taken.getOrDefault(slot, 0) < settings.capacityPerSlot();
    }

    private LocalDate lastDay() {
        return LocalDate.now(clock.withZone(zone)).plusDays(settings.daysAhead());
    }

    private static boolean isWorkingDay(LocalDate date) {
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** A number in [0, 100) fixed by the seed and the slot: the same diary on every start. */
    private int draw(DiarySlot slot) {
        long mixed = settings.seed() * 1_000_003L + slot.date().toEpochDay() * 31 + slot.window().ordinal();
        return new SplittableRandom(mixed).nextInt(100);
    }
}
