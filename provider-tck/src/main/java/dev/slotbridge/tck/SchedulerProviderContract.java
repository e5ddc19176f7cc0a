package dev.slotbridge.tck;

import dev.slotbridge.spi.Capability;
import dev.slotbridge.spi.ProbeResult;
import dev.slotbridge.spi.SchedulerProvider;
import dev.slotbridge.spi.error.BookingNotActiveException;
import dev.slotbridge.spi.error.BookingNotFoundException;
import dev.slotbridge.spi.error.CapabilityNotSupportedException;
import dev.slotbridge.spi.error.SlotUnavailableException;
import dev.slotbridge.spi.model.Booking;
import dev.slotbridge.spi.model.BookingKey;
import dev.slotbridge.spi.model.BookingOutcome;
import dev.slotbridge.spi.model.BookingRequest;
import dev.slotbridge.spi.model.BookingStatus;
import dev.slotbridge.spi.model.CancelRequest;
import dev.slotbridge.spi.model.Contact;
import dev.slotbridge.spi.model.HeldSlot;
import dev.slotbridge.spi.model.HoldKey;
import dev.slotbridge.spi.model.Job;
import dev.slotbridge.spi.model.Slot;
import dev.slotbridge.spi.model.SlotKey;
import dev.slotbridge.spi.model.SlotQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Comparator.comparing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The contract every {@link SchedulerProvider} passes. A provider module proves itself by extending this class in a
 * test and building its provider against a test backend (an in-memory diary, or WireMock playing the vendor).
 *
 * <p>What the test backend must do: offer at least two slots for {@link #searchableQuery()}; let each slot be booked
 * exactly once (the second booking of a slot is refused as taken); remember bookings, reschedules and cancellations
 * for the rest of the test. Tests of capabilities the provider does not declare are skipped, and instead the
 * contract checks that the operation throws {@link CapabilityNotSupportedException}.
 */
public abstract class SchedulerProviderContract {

    private SchedulerProvider provider;
    private int bookings;

    /** A new provider talking to a fresh test backend; called before each test and closed after it. */
    protected abstract SchedulerProvider createProvider();

    /** A query for which the test backend offers at least two free slots. */
    protected abstract SlotQuery searchableQuery();

    /** The council's time zone, which the query's dates are in. */
    protected ZoneId zone() {
        return ZoneId.of("Europe/London");
    }

    /** A key this provider could issue but the backend holds no booking for (for view and cancel of the unknown). */
    protected abstract BookingKey unknownBookingKey();

    /**
     * True when cancelling removes the booking from the scheduler (DRS deletes the order), so that a booking it no
     * longer shows is one that was cancelled: a view may then find nothing, and a cancel answers it cancelled.
     */
    protected boolean cancelledBookingsVanish() {
        return false;
    }

    /**
     * The booking's fields this provider writes to the scheduler, as its page in the docs lists them. The TCK checks
     * that the backend holds each of them as booked, and that the provider answers none of the others (it must not
     * echo what the scheduler did not store).
     */
    protected abstract Set<BookingField> storedFields();

    /**
     * The booking as the test backend holds it, read from the backend's own record (not through the provider); empty
     * when the backend has no such record.
     */
    protected abstract Optional<StoredBooking> storedBooking(Booking booking);

    /** A query for another job (another order) than {@link #searchableQuery()}'s, over the same dates. */
    protected SlotQuery otherJobQuery() {
        SlotQuery query = searchableQuery();
        Job job = query.job();
        return new SlotQuery(new Job(job.propertyRef(), job.jobCodes(), job.priority(),
                (job.externalRef() == null ? "TCK" : job.externalRef()) + "-OTHER", job.description()),
                query.from(), query.to());
    }

    @BeforeEach
    final void openProvider() {
        provider = createProvider();
    }

    @AfterEach
    final void closeProvider() {
        provider.close();
    }

    protected final SchedulerProvider provider() {
        return provider;
    }

    @Test
    public void declaresSearch() {
        assertThat(provider.capabilities()).contains(Capability.SEARCH);
    }

    @Test
    public void searchReturnsEachFreeSlotOnceSortedAndWithinTheDates() {
        SlotQuery query = searchableQuery();
        List<Slot> slots = provider.search(query);

        assertThat(slots).hasSizeGreaterThanOrEqualTo(2);
        assertThat(slots).isSortedAccordingTo(comparing(slot -> slot.start().toInstant()));
        assertThat(slots).extracting(Slot::key).doesNotHaveDuplicates();
        ZonedDateTime rangeStart = query.from().atStartOfDay(zone());
        ZonedDateTime rangeEnd = query.to().plusDays(1).atStartOfDay(zone());
        assertThat(slots).allSatisfy(slot -> {
            assertThat(slot.start().toInstant()).isAfterOrEqualTo(rangeStart.toInstant());
            assertThat(slot.end().toInstant()).isAfter(slot.start().toInstant()).isBeforeOrEqualTo(rangeEnd.toInstant());
        });
    }

    @Test
    public void searchingTwiceGivesTheSameSlotKeys() {
        assertThat(provider.search(searchableQuery())).extracting(Slot::key)
                .isEqualTo(provider.search(searchableQuery()).stream().map(Slot::key).toList());
    }

    @Test
    public void bookingHoldsTheSlotAndTheJob() {
        assumeCapable(Capability.BOOK);
        Slot slot = firstSlot();
        BookingRequest request = bookingFor(slot.key());

        Booking booking = provider.book(request);

        assertThat(booking.status()).isEqualTo(BookingStatus.BOOKED);
        assertSameWindow(booking, slot);
        assertThat(booking.job().externalRef()).isEqualTo(request.job().externalRef());
        assertThat(booking.job().propertyRef()).isEqualTo(request.job().propertyRef());
    }

    @Test
    public void bookingATakenSlotIsSlotUnavailable() {
        assumeCapable(Capability.BOOK);
        Slot slot = firstSlot();
        provider.book(bookingFor(slot.key()));

        assertThatThrownBy(() -> provider.book(bookingFor(slot.key()))).isInstanceOf(SlotUnavailableException.class);
    }

    @Test
    public void viewShowsWhatWasBooked() {
        assumeCapable(Capability.BOOK);
        assumeCapable(Capability.VIEW);
        Slot slot = firstSlot();
        Booking booked = provider.book(bookingFor(slot.key()));

        Optional<Booking> viewed = provider.find(booked.key());

        assertThat(viewed).hasValueSatisfying(booking -> {
            assertThat(booking.key()).isEqualTo(booked.key());
            assertThat(booking.status()).isEqualTo(BookingStatus.BOOKED);
            assertSameWindow(booking, slot);
            assertThat(booking.job().externalRef()).isEqualTo(booked.job().externalRef());
        });
    }

    @Test
    public void theBookingAnsweredIsTheBookingAViewShows() {
        assumeCapable(Capability.BOOK);
        assumeCapable(Capability.VIEW);
        Booking booked = provider.book(bookingFor(firstSlot().key()));

        assertThat(provider.find(booked.key())).as("an immediate view").contains(booked);
    }

    @Test
    public void theSchedulerHoldsEveryFieldTheProviderStoresAndTheAnswerEchoesNoOther() {
        assumeCapable(Capability.BOOK);
        BookingRequest request = bookingFor(firstSlot().key());
        Booking booked = provider.book(request);
        StoredBooking stored = storedBooking(booked).orElseThrow(() ->
                new AssertionError("the test backend holds no record of the booking"));

        for (BookingField field : BookingField.values()) {
            if (storedFields().contains(field)) {
                assertThat(field.of(stored)).as("%s as the scheduler holds it", field).isEqualTo(field.of(booked));
                if (field.of(request) != null) {
                    assertThat(field.of(booked)).as("%s as booked", field).isEqualTo(field.of(request));
                }
            } else {
                assertThat(field.of(booked)).as("%s, which the scheduler does not store", field).isNull();
            }
        }
    }

    @Test
    public void aRescheduleAnswersWhatAViewShows() {
        assumeCapable(Capability.BOOK);
        assumeCapable(Capability.RESCHEDULE);
        assumeCapable(Capability.VIEW);
        List<Slot> slots = provider.search(searchableQuery());
        Booking booked = provider.book(bookingFor(slots.get(0).key()));

        Booking moved = provider.reschedule(booked.key(), slots.get(1).key());

        assertThat(provider.find(booked.key())).as("an immediate view").contains(moved);
    }

    @Test
    public void aConfirmedHoldAnswersWhatAViewShows() {
        assumeCapable(Capability.HOLD);
        assumeCapable(Capability.VIEW);
        Slot slot = firstSlot();
        BookingRequest request = bookingFor(slot.key());

        HeldSlot held = provider.hold(slot.key(), request.job(), Instant.now().plus(Duration.ofMinutes(5)));
        Booking booking = provider.confirmHold(held.key(), request);

        assertThat(provider.find(booking.key())).as("an immediate view").contains(booking);
    }

    @Test
    public void aHeldSlotIsWithheldFromOtherJobs() {
        assumeCapable(Capability.HOLD);
        Slot slot = firstSlot();
        BookingRequest request = bookingFor(slot.key());
        provider.hold(slot.key(), request.job(), Instant.now().plus(Duration.ofMinutes(5)));

        List<Slot> offeredToOthers = provider.search(otherJobQuery());

        assertThat(offeredToOthers).as("another job's search while the slot is held")
                .noneMatch(other -> other.start().toInstant().equals(slot.start().toInstant())
                        && other.end().toInstant().equals(slot.end().toInstant()));
        assertThatThrownBy(() -> provider.book(new BookingRequest(slot.key(), otherJob(request.job()), request.contact(),
                request.accessNotes()))).as("another job booking the held slot").isInstanceOf(SlotUnavailableException.class);
    }

    private Job otherJob(Job job) {
        Job other = otherJobQuery().job();
        return new Job(other.propertyRef(), other.jobCodes(), other.priority(), other.externalRef(), job.description());
    }

    @Test
    public void aConfirmedHoldBooksTheHeldSlot() {
        assumeCapable(Capability.HOLD);
        Slot slot = firstSlot();
        BookingRequest request = bookingFor(slot.key());
        Instant until = Instant.now().plus(Duration.ofMinutes(5));

        HeldSlot held = provider.hold(slot.key(), request.job(), until);
        Booking booking = provider.confirmHold(held.key(), request);

        assertThat(held.expiresAt()).isAfterOrEqualTo(until.minusSeconds(1));
        assertThat(booking.status()).isEqualTo(BookingStatus.BOOKED);
        assertSameWindow(booking, slot);
        provider.releaseHold(held.key());
        assertThat(provider.find(booking.key())).hasValueSatisfying(found ->
                assertThat(found.status()).as("releasing a confirmed hold changes nothing").isEqualTo(BookingStatus.BOOKED));
    }

    @Test
    public void aReleasedHoldLeavesTheSlotBookable() {
        assumeCapable(Capability.HOLD);
        Slot slot = firstSlot();
        BookingRequest request = bookingFor(slot.key());

        HeldSlot held = provider.hold(slot.key(), request.job(), Instant.now().plus(Duration.ofMinutes(5)));
        provider.releaseHold(held.key());
        provider.releaseHold(held.key());

        assertThat(provider.book(request).status()).isEqualTo(BookingStatus.BOOKED);
    }

    @Test
    public void aBookingIsFoundByItsExternalRefWithOrWithoutTheProperty() {
        assumeCapable(Capability.BOOK);
        assumeCapable(Capability.FIND_BY_REFERENCE);
        BookingRequest request = bookingFor(firstSlot().key());
        Booking booked = provider.book(request);
        String externalRef = request.job().externalRef();
        String property = request.job().propertyRef();

        assertThat(provider.findByExternalRef(externalRef, Optional.empty())).extracting(Booking::key).contains(booked.key());
        assertThat(provider.findByExternalRef(externalRef, Optional.of(property))).extracting(Booking::key)
                .contains(booked.key());
        assertThat(provider.findByExternalRef(externalRef, Optional.of(property + "-ELSEWHERE"))).isEmpty();
        assertThat(provider.findByExternalRef(externalRef + "-NEVER-BOOKED", Optional.empty())).isEmpty();
    }

    @Test
    public void viewOfAnUnknownBookingIsEmpty() {
        assumeCapable(Capability.VIEW);
        assertThat(provider.find(unknownBookingKey())).isEmpty();
    }

    @Test
    public void listShowsTheBookingsAtTheProperty() {
        assumeCapable(Capability.BOOK);
        assumeCapable(Capability.LIST);
        Booking booked = provider.book(bookingFor(firstSlot().key()));

        List<Booking> listed = provider.listByProperty(searchableQuery().job().propertyRef());

        assertThat(listed).extracting(Booking::key).contains(booked.key());
    }

    @Test
    public void reconcilingAMadeBookingFindsItInTheRequestedSlot() {
        assumeCapable(Capability.BOOK);
        BookingRequest request = bookingFor(firstSlot().key());
        Booking booked = provider.book(request);

        BookingOutcome outcome = provider.reconcileBooking(request);

        assumeTrue(!(outcome instanceof BookingOutcome.Unknown), "provider cannot reconcile bookings");
        assertThat(outcome).isInstanceOfSatisfying(BookingOutcome.Booked.class, found -> {
            assertThat(found.booking().key()).isEqualTo(booked.key());
            assertThat(found.booking().status()).isEqualTo(BookingStatus.BOOKED);
            assertThat(found.finished()).as("nothing was left to finish").isNull();
        });
        assertThat(provider.reconcileBooking(request)).as("reconciling again").isInstanceOf(BookingOutcome.Booked.class);
    }

    @Test
    public void reconcilingARequestThatNeverReachedTheSchedulerIsNotBooked() {
        assumeCapable(Capability.BOOK);
        BookingOutcome outcome = provider.reconcileBooking(bookingFor(firstSlot().key()));

        assumeTrue(!(outcome instanceof BookingOutcome.Unknown), "provider cannot reconcile bookings");
        assertThat(outcome).isEqualTo(new BookingOutcome.NotBooked(null));
    }

    @Test
    public void reconcilingCountsOnlyABookingInTheRequestedSlot() {
        assumeCapable(Capability.BOOK);
        List<Slot> slots = provider.search(searchableQuery());
        BookingRequest request = bookingFor(slots.get(0).key());
        provider.book(request);
        BookingRequest sameOrderOtherSlot = new BookingRequest(slots.get(1).key(), request.job(), request.contact(),
                request.accessNotes());

        BookingOutcome outcome = provider.reconcileBooking(sameOrderOtherSlot);

        assertThat(outcome).isNotInstanceOf(BookingOutcome.Booked.class);
    }

    @Test
    public void isInSlotTellsTheBookedSlotFromAnother() {
        assumeCapable(Capability.BOOK);
        assumeCapable(Capability.RESCHEDULE);
        List<Slot> slots = provider.search(searchableQuery());
        Booking booked = provider.book(bookingFor(slots.get(0).key()));

        assertThat(provider.isInSlot(booked, slots.get(0).key())).isTrue();
        assertThat(provider.isInSlot(booked, slots.get(1).key())).isFalse();
    }

    @Test
    public void rescheduleMovesTheBookingAndKeepsItsKey() {
        assumeCapable(Capability.BOOK);
        assumeCapable(Capability.RESCHEDULE);
        List<Slot> slots = provider.search(searchableQuery());
        Booking booked = provider.book(bookingFor(slots.get(0).key()));

        Booking moved = provider.reschedule(booked.key(), slots.get(1).key());

        assertThat(moved.key()).isEqualTo(booked.key());
        assertThat(moved.status()).isEqualTo(BookingStatus.BOOKED);
        assertSameWindow(moved, slots.get(1));
        if (provider.capabilities().contains(Capability.VIEW)) {
            assertThat(provider.find(booked.key())).hasValueSatisfying(now -> assertSameWindow(now, slots.get(1)));
        }
    }

    @Test
    public void cancelCancelsAndCancellingTwiceIsHarmless() {
        assumeCapable(Capability.BOOK);
        assumeCapable(Capability.CANCEL);
        Booking booked = provider.book(bookingFor(firstSlot().key()));
        CancelRequest cancel = new CancelRequest("Tenant request", "No longer needed");

        Booking cancelled = provider.cancel(booked.key(), cancel);
        Booking again = provider.cancel(booked.key(), cancel);

        assertThat(cancelled.status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(again.status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(again.key()).isEqualTo(booked.key());
        if (provider.capabilities().contains(Capability.VIEW)) {
            Optional<Booking> now = provider.find(booked.key());
            if (now.isPresent() || !cancelledBookingsVanish()) {
                assertThat(now).hasValueSatisfying(seen -> assertThat(seen.status()).isEqualTo(BookingStatus.CANCELLED));
            }
        }
    }

    @Test
    public void cancellingAnUnknownBookingIsNotFound() {
        assumeCapable(Capability.CANCEL);
        assumeTrue(!cancelledBookingsVanish(), "a booking the scheduler does not show counts as cancelled");
        assertThatThrownBy(() -> provider.cancel(unknownBookingKey(), new CancelRequest("Tenant request", null)))
                .isInstanceOf(BookingNotFoundException.class);
    }

    @Test
    public void cancellingABookingTheSchedulerNoLongerShowsIsCancelled() {
        assumeCapable(Capability.CANCEL);
        assumeTrue(cancelledBookingsVanish(), "the scheduler keeps cancelled bookings");
        Booking cancelled = provider.cancel(unknownBookingKey(), new CancelRequest("Tenant request", null));

        assertThat(cancelled.status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(cancelled.key()).isEqualTo(unknownBookingKey());
    }

    @Test
    public void reschedulingACancelledBookingIsNotActive() {
        assumeCapable(Capability.BOOK);
        assumeCapable(Capability.CANCEL);
        assumeCapable(Capability.RESCHEDULE);
        List<Slot> slots = provider.search(searchableQuery());
        Booking booked = provider.book(bookingFor(slots.get(0).key()));
        provider.cancel(booked.key(), new CancelRequest("Tenant request", null));

        assertThatThrownBy(() -> provider.reschedule(booked.key(), slots.get(1).key()))
                .isInstanceOf(BookingNotActiveException.class);
    }

    @Test
    public void aProbeOfTheHealthyBackendSucceedsAndChangesNothing() {
        Set<Capability> capabilities = provider.capabilities();
        Optional<Booking> viewed = capabilities.contains(Capability.BOOK) && capabilities.contains(Capability.VIEW)
                ? provider.find(provider.book(bookingFor(firstSlot().key())).key()) : Optional.empty();
        List<SlotKey> free = provider.search(searchableQuery()).stream().map(Slot::key).toList();

        assertThat(provider.probe()).isIn(ProbeResult.REACHED, ProbeResult.NOT_OFFERED);

        assertThat(provider.search(searchableQuery())).as("free slots after the probe").extracting(Slot::key)
                .isEqualTo(free);
        if (viewed.isPresent()) {
            assertThat(provider.find(viewed.get().key())).as("the booking after the probe").isEqualTo(viewed);
        }
    }

    @Test
    public void undeclaredCapabilitiesThrowCapabilityNotSupported() {
        SlotKey anySlot = SlotKey.of("tck", "unused");
        Map<Capability, Executable> calls = new EnumMap<>(Capability.class);
        calls.put(Capability.SEARCH, () -> provider.search(searchableQuery()));
        calls.put(Capability.BOOK, () -> provider.book(bookingFor(anySlot)));
        calls.put(Capability.VIEW, () -> provider.find(unknownBookingKey()));
        calls.put(Capability.LIST, () -> provider.listByProperty(searchableQuery().job().propertyRef()));
        calls.put(Capability.RESCHEDULE, () -> provider.reschedule(unknownBookingKey(), anySlot));
        calls.put(Capability.CANCEL, () -> provider.cancel(unknownBookingKey(), new CancelRequest("Tenant request", null)));
        calls.put(Capability.FIND_BY_REFERENCE, () -> provider.findByExternalRef("TCK-UNKNOWN", Optional.empty()));
        calls.put(Capability.HOLD, () -> provider.releaseHold(HoldKey.of("tck", "unused")));
        calls.forEach((capability, call) -> {
            if (!provider.capabilities().contains(capability)) {
                assertThatThrownBy(call::execute).as(capability.name())
                        .isInstanceOfSatisfying(CapabilityNotSupportedException.class,
                                e -> assertThat(e.capability()).isEqualTo(capability));
            }
        });
    }

    /** A booking of the searchable job into {@code slot}, with a new external reference each time. */
    protected BookingRequest bookingFor(SlotKey slot) {
        Job searched = searchableQuery().job();
        bookings++;
        Job job = new Job(searched.propertyRef(), searched.jobCodes(), searched.priority(),
                "TCK-" + bookings, "Kitchen tap leaking <under> the sink & \"dripping\"");
        return new BookingRequest(slot, job, new Contact("Ann Tenant", "07700900123", "ann@example.org"),
                "Dog in garden");
    }

    protected Slot firstSlot() {
        List<Slot> slots = provider.search(searchableQuery());
        assertThat(slots).as("free slots for the searchable query").isNotEmpty();
        return slots.getFirst();
    }

    private void assumeCapable(Capability capability) {
        assumeTrue(provider.capabilities().contains(capability), () -> "provider does not declare " + capability);
    }

    private static void assertSameWindow(Booking booking, Slot slot) {
        assertThat(Duration.between(slot.start(), booking.slot().start())).isZero();
        assertThat(Duration.between(slot.end(), booking.slot().end())).isZero();
    }
}
