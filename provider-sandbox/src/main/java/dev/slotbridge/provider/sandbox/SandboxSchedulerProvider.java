package dev.slotbridge.provider.sandbox;

import dev.slotbridge.spi.Capability;
import dev.slotbridge.spi.ProbeResult;
import dev.slotbridge.spi.SchedulerProvider;
import dev.slotbridge.spi.error.BookingNotActiveException;
import dev.slotbridge.spi.error.BookingNotFoundException;
import dev.slotbridge.spi.error.RejectedBySchedulerException;
import dev.slotbridge.spi.error.SlotUnavailableException;
import dev.slotbridge.spi.model.BookedSlot;
import dev.slotbridge.spi.model.Booking;
import dev.slotbridge.spi.model.BookingKey;
import dev.slotbridge.spi.model.BookingOutcome;
import dev.slotbridge.spi.model.BookingRequest;
import dev.slotbridge.spi.model.BookingStatus;
import dev.slotbridge.spi.model.CancelRequest;
import dev.slotbridge.spi.model.HeldSlot;
import dev.slotbridge.spi.model.HoldKey;
import dev.slotbridge.spi.model.Job;
import dev.slotbridge.spi.model.Slot;
import dev.slotbridge.spi.model.SlotKey;
import dev.slotbridge.spi.model.SlotQuery;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * The sandbox scheduler: every capability, all state in memory. One lock makes each operation atomic, so a slot is
 * never overbooked however many requests race for it. Like a real scheduler it refuses a second active booking for
 * the same order number ({@code externalRef}), and reports bookings whose window has ended as {@code COMPLETED}.
 * A hold takes a window's capacity like a booking until it ends (by the clock), is released or is confirmed.
 * It remembers its newest {@code max-bookings} bookings: making one more forgets the oldest (and frees its window),
 * so a sandbox left running keeps bounded memory.
 */
final class SandboxSchedulerProvider implements SchedulerProvider {
    private static final String BOOKING_ID = "bookingId";
    private static final String HOLD_ID = "holdId";

    private final SandboxDiary diary;
    /** Makes this run's ids unlike any earlier run's, so a ref from before a restart never names another booking. */
    private final String run = HexFormat.of().toHexDigits(new SecureRandom().nextInt());
    private final ReentrantLock lock = new ReentrantLock();
    private final SequencedMap<String, StoredBooking> bookings = new LinkedHashMap<>();
    /** The ids of the bookings made for each order number, so a booking looks at its order's, not at every one. */
    private final Map<String, List<String>> idsByExternalRef = new HashMap<>();
    private final Map<String, StoredHold> holds = new LinkedHashMap<>();
    private final int maxBookings;
    private long sequence;

    SandboxSchedulerProvider(SandboxDiary diary, int maxBookings) {
        this.diary = diary;
        this.maxBookings = maxBookings;
    }

    /** A hold: the window whose capacity it takes, until when. */
    private record StoredHold(DiarySlot slot, Instant until) {
    }

    /** A booking as the sandbox holds it; the public {@link Booking} is derived from it on every read. */
    private record StoredBooking(Booking booking, DiarySlot slot) {
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.allOf(Capability.class);
    }

    /** In process: always reached, nothing to log in to. */
    @Override
    public ProbeResult probe() {
        return ProbeResult.REACHED;
    }

    @Override
    public List<Slot> search(SlotQuery query) {
        lock.lock();
        try {
            endExpiredHolds();
            return diary.freeSlots(query.from(), query.to());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Booking book(BookingRequest request) {
        DiarySlot slot = offeredSlot(request.slot());
        lock.lock();
        try {
            String externalRef = request.job().externalRef();
            boolean orderActive = withReference(externalRef).anyMatch(booking -> booking.status() == BookingStatus.BOOKED);
            if (orderActive) {
                throw new RejectedBySchedulerException("Order " + externalRef + " already has an active booking");
            }
            endExpiredHolds();
            requireRoom(slot);
            diary.take(slot);
            sequence++;
            String id = "SBX-%s-%06d".formatted(run, sequence);
            Booking booking = new Booking(BookingKey.of(BOOKING_ID, id), BookingStatus.BOOKED, diary.toSlot(slot).window(),
                    request.job(), request.contact(), request.accessNotes(),
                    Map.of("orderId", "SO-%s-%06d".formatted(run, sequence), BOOKING_ID, id));
            bookings.put(id, new StoredBooking(booking, slot));
            idsByExternalRef.computeIfAbsent(externalRef, ref -> new ArrayList<>()).add(id);
            if (bookings.size() > maxBookings) {
                forgetOldest();
            }
            return booking;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public HeldSlot hold(SlotKey key, Job job, Instant until) {
        DiarySlot slot = offeredSlot(key);
        lock.lock();
        try {
            endExpiredHolds();
            requireRoom(slot);
            diary.take(slot);
            sequence++;
            String id = "HLD-%s-%06d".formatted(run, sequence);
            holds.put(id, new StoredHold(slot, until));
            return new HeldSlot(HoldKey.of(HOLD_ID, id), until);
        } finally {
            lock.unlock();
        }
    }

    /** The held capacity passes to the booking; a hold that has ended books like any booking (if there is room). */
    @Override
    public Booking confirmHold(HoldKey key, BookingRequest request) {
        lock.lock();
        try {
            endExpiredHolds();
            StoredHold held = holds.remove(key.require(HOLD_ID));
            if (held != null) {
                diary.release(held.slot());
            }
            try {
                return book(request);
            } catch (RuntimeException e) {
                if (held != null) {
                    diary.take(held.slot());
                    holds.put(key.require(HOLD_ID), held);
                }
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void releaseHold(HoldKey key) {
        lock.lock();
        try {
            StoredHold held = holds.remove(key.require(HOLD_ID));
            if (held != null) {
                diary.release(held.slot());
            }
        } finally {
            lock.unlock();
        }
    }

    /** Gives back the capacity of every hold whose time is up. Call with the lock held. */
    private void endExpiredHolds() {
        Instant now = diary.now();
        holds.values().removeIf(held -> {
            if (held.until().isAfter(now)) {
                return false;
            }
            diary.release(held.slot());
            return true;
        });
    }

    @Override
    public Optional<Booking> find(BookingKey key) {
        lock.lock();
        try {
            return Optional.ofNullable(bookings.get(key.require(BOOKING_ID))).map(this::current);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<Booking> listByProperty(String propertyRef) {
        lock.lock();
        try {
            return bookings.values().stream().map(this::current)
                    .filter(booking -> booking.job().propertyRef().equals(propertyRef)).toList();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<Booking> findByExternalRef(String externalRef, Optional<String> propertyRef) {
        lock.lock();
        try {
            return withReference(externalRef)
                    .filter(booking -> propertyRef.map(booking.job().propertyRef()::equals).orElse(true)).toList();
        } finally {
            lock.unlock();
        }
    }

    /** A sandbox booking is made in one step, so it is either booked in the slot or not at all. */
    @Override
    public BookingOutcome reconcileBooking(BookingRequest request) {
        Optional<DiarySlot> requested = DiarySlot.from(request.slot());
        lock.lock();
        try {
            return bookings.values().stream()
                    .filter(stored -> requested.isPresent() && stored.slot().equals(requested.get()))
                    .map(this::current)
                    .filter(booking -> booking.status() == BookingStatus.BOOKED
                            && booking.job().propertyRef().equals(request.job().propertyRef())
                            && Objects.equals(booking.job().externalRef(), request.job().externalRef()))
                    .<BookingOutcome>map(booking -> new BookingOutcome.Booked(booking, null))
                    .findFirst().orElseGet(() -> new BookingOutcome.NotBooked(null));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isInSlot(Booking booking, SlotKey slot) {
        return DiarySlot.from(slot).map(diarySlot -> diary.toSlot(diarySlot).window())
                .filter(window -> booking.slot() != null
                        && window.start().toInstant().equals(booking.slot().start().toInstant())
                        && window.end().toInstant().equals(booking.slot().end().toInstant()))
                .isPresent();
    }

    @Override
    public Booking reschedule(BookingKey key, SlotKey newSlotKey) {
        DiarySlot newSlot = offeredSlot(newSlotKey);
        lock.lock();
        try {
            StoredBooking stored = stored(key);
            Booking booking = current(stored);
            if (booking.status() != BookingStatus.BOOKED) {
                throw new BookingNotActiveException("booking " + key.require(BOOKING_ID) + " is " + booking.status());
            }
            if (stored.slot().equals(newSlot)) {
                return booking;
            }
            requireRoom(newSlot);
            diary.release(stored.slot());
            diary.take(newSlot);
            BookedSlot window = diary.toSlot(newSlot).window();
            StoredBooking moved = new StoredBooking(stored.booking().withSlot(window), newSlot);
            bookings.put(key.require(BOOKING_ID), moved);
            return current(moved);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Booking cancel(BookingKey key, CancelRequest request) {
        lock.lock();
        try {
            StoredBooking stored = stored(key);
            Booking booking = current(stored);
            switch (booking.status()) {
                case CANCELLED -> {
                    return booking;
                }
                case BOOKED -> {
                    diary.release(stored.slot());
                    StoredBooking cancelled = new StoredBooking(booking.withStatus(BookingStatus.CANCELLED), stored.slot());
                    bookings.put(key.require(BOOKING_ID), cancelled);
                    return cancelled.booking();
                }
                default -> throw new RejectedBySchedulerException(
                        "Booking " + key.require(BOOKING_ID) + " is " + booking.status() + " and cannot be cancelled");
            }
        } finally {
            lock.unlock();
        }
    }

    /** The sandbox's own record of a booking, as it stores it (for tests that check what the scheduler holds). */
    Optional<Booking> record(BookingKey key) {
        lock.lock();
        try {
            return Optional.ofNullable(bookings.get(key.require(BOOKING_ID))).map(StoredBooking::booking);
        } finally {
            lock.unlock();
        }
    }

    private StoredBooking stored(BookingKey key) {
        StoredBooking stored = bookings.get(key.require(BOOKING_ID));
        if (stored == null) {
            throw new BookingNotFoundException("no sandbox booking " + key.require(BOOKING_ID));
        }
        return stored;
    }

    /** Forgets the booking made first (under the lock): gone from every lookup, its window free again. */
    private void forgetOldest() {
        Map.Entry<String, StoredBooking> oldest = bookings.pollFirstEntry();
        String externalRef = oldest.getValue().booking().job().externalRef();
        List<String> ids = idsByExternalRef.get(externalRef);
        ids.remove(oldest.getKey());
        if (ids.isEmpty()) {
            idsByExternalRef.remove(externalRef);
        }
        if (oldest.getValue().booking().status() == BookingStatus.BOOKED) {
            diary.release(oldest.getValue().slot());
        }
    }

    /** The bookings made for the order number, as they are now (under the lock). */
    private Stream<Booking> withReference(String externalRef) {
        return idsByExternalRef.getOrDefault(externalRef, List.of()).stream().map(bookings::get).map(this::current);
    }

    /** The booking as seen now: a booked window that has ended is a completed visit. */
    private Booking current(StoredBooking stored) {
        Booking booking = stored.booking();
        if (booking.status() == BookingStatus.BOOKED && diary.hasEnded(stored.slot())) {
            return booking.withStatus(BookingStatus.COMPLETED);
        }
        return booking;
    }

    private static DiarySlot offeredSlot(SlotKey key) {
        return DiarySlot.from(key).orElseThrow(() -> new SlotUnavailableException("the sandbox never offered this slot"));
    }

    private void requireRoom(DiarySlot slot) {
        if (!diary.hasRoom(slot)) {
            throw new SlotUnavailableException("the " + slot.window() + " window on " + slot.date() + " is full");
        }
    }
}
