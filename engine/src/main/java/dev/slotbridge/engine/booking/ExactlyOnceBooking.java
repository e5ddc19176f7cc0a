package dev.slotbridge.engine.booking;

import dev.slotbridge.engine.council.Council;
import dev.slotbridge.engine.error.CouncilUnavailableException;
import dev.slotbridge.engine.error.ProblemException;
import dev.slotbridge.engine.error.ProblemType;
import dev.slotbridge.engine.events.BookingChange;
import dev.slotbridge.engine.events.EventPublisher;
import dev.slotbridge.engine.events.EventType;
import dev.slotbridge.engine.idempotency.IdempotencyKey;
import dev.slotbridge.engine.idempotency.IdempotencyStore;
import dev.slotbridge.engine.idempotency.RequestFingerprint;
import dev.slotbridge.engine.idempotency.StoredAnswer;
import dev.slotbridge.engine.metrics.ReconciliationResult;
import dev.slotbridge.engine.metrics.SchedulerMetrics;
import dev.slotbridge.engine.ref.CouncilRefs;
import dev.slotbridge.engine.resilience.CallDeadline;
import dev.slotbridge.engine.search.SchedulerSearch;
import dev.slotbridge.engine.security.ApiClient;
import dev.slotbridge.engine.security.BookingVisibility;
import dev.slotbridge.spi.error.ProviderException;
import dev.slotbridge.spi.model.Booking;
import dev.slotbridge.spi.model.BookingOutcome;
import dev.slotbridge.spi.model.BookingRequest;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Books a job at most once, and says only what is established.
 *
 * <ul>
 *   <li>With an {@code Idempotency-Key}, a repeat gets the first answer and books nothing more.</li>
 *   <li>When a booking fails in a way that {@linkplain dev.slotbridge.spi.error.ErrorKind#mayHaveApplied() may have
 *       booked} (no answer in time, a connection lost after sending, an unreadable answer, a failure after the
 *       scheduler accepted it), the provider reconciles before the server answers
 *       ({@link dev.slotbridge.spi.SchedulerProvider#reconcileBooking}): booked in the requested slot, possibly
 *       finished now → 201; not booked, possibly after removing what was half made → 502 saying so, and a repeat may
 *       book; still unknown → 504 saying so, and a repeat with the same key reconciles again before it may book.</li>
 *   <li>Any other failure is certain to have booked nothing: its own answer, and the key is free again.</li>
 * </ul>
 */
@Singleton
final class ExactlyOnceBooking {
    private static final Logger LOG = LoggerFactory.getLogger(ExactlyOnceBooking.class);

    private final CouncilRefs refs;
    private final IdempotencyStore store;
    private final JobLeases leases;
    private final SchedulerMetrics metrics;
    private final BookingVisibility visibility;
    private final EventPublisher events;
    private final SchedulerSearch search;

    ExactlyOnceBooking(CouncilRefs refs, IdempotencyStore store, JobLeases leases, SchedulerMetrics metrics,
                       BookingVisibility visibility, EventPublisher events, SchedulerSearch search) {
        this.events = events;
        this.search = search;
        this.refs = refs;
        this.leases = leases;
        this.store = store;
        this.metrics = metrics;
        this.visibility = visibility;
    }

    /**
     * @param write   the write that books at the scheduler (the provider's {@code book}, or its {@code confirmHold})
     * @param answers how the front door answers a booking made
     */
    StoredAnswer book(ApiClient client, Council council, String idempotencyKey, BookingRequest request,
                      Function<BookingRequest, Booking> write, BookingAnswer answers) {
        Made made = new Made(client, council, write, answers);
        if (idempotencyKey == null) {
            try (JobLeases.Lease lease = jobLease(council, request)) {
                return attempt(made, request, Optional.empty());
            }
        }
        IdempotencyKey key = new IdempotencyKey(client.name(), council.id(), idempotencyKey);
        return switch (store.begin(key, RequestFingerprint.of(request))) {
            case IdempotencyStore.Claim.Replay replay -> {
                metrics.replay(council.id());
                yield replay.answer();
            }
            case IdempotencyStore.Claim.Mismatch mismatch -> throw ClaimRefusals.reused();
            case IdempotencyStore.Claim.Full full -> throw ClaimRefusals.full(full);
            case IdempotencyStore.Claim.InUse inUse -> throw ClaimRefusals.inUse(inUse);
            case IdempotencyStore.Claim.Claimed claimed ->
                    leased(council, request, () -> store.abandon(key), () -> attempt(made, request, Optional.of(key)));
            case IdempotencyStore.Claim.Unresolved unresolved ->
                    leased(council, request, () -> store.unresolved(key), () -> resume(made, request, key));
        };
    }

    /**
     * Runs a claimed request under its job's lease. When the lease is not granted nothing is sent, and the claim is
     * given back as it was ({@code release}: released when new, unresolved when it was unresolved).
     */
    private StoredAnswer leased(Council council, BookingRequest request, Runnable release, Supplier<StoredAnswer> work) {
        JobLeases.Lease lease;
        try {
            lease = jobLease(council, request);
        } catch (RuntimeException e) {
            release.run();
            throw e;
        }
        try (lease) {
            return work.get();
        }
    }

    /** One booking at a time per job (council and {@code externalRef}), on every replica. */
    private JobLeases.Lease jobLease(Council council, BookingRequest request) {
        return leases.acquire(council.id(), "job:" + request.job().externalRef());
    }

    /** An earlier request with this key may have booked: find out before booking again. */
    private StoredAnswer resume(Made made, BookingRequest request, IdempotencyKey key) {
        return switch (reconcile(made.council(), request)) {
            case BookingOutcome.Booked booked -> settle(Optional.of(key), made.answer(booked.booking()));
            case BookingOutcome.NotBooked notBooked -> attempt(made, request, Optional.of(key));
            case BookingOutcome.Unknown unknown -> {
                store.unresolved(key);
                throw outcomeUnknown(true);
            }
        };
    }

    private StoredAnswer attempt(Made made, BookingRequest request, Optional<IdempotencyKey> key) {
        try {
            return settle(key, made.answer(made.write().apply(request)));
        } catch (ProviderException e) {
            if (!e.kind().mayHaveApplied()) {
                key.ifPresent(store::abandon);
                throw e;
            }
            return switch (reconcile(made.council(), request)) {
                case BookingOutcome.Booked booked -> settle(key, made.answer(booked.booking()));
                case BookingOutcome.NotBooked notBooked -> {
                    key.ifPresent(store::abandon);
                    throw notBooked(notBooked);
                }
                case BookingOutcome.Unknown unknown -> {
                    key.ifPresent(store::unresolved);
                    throw outcomeUnknown(key.isPresent());
                }
            };
        } catch (RuntimeException e) {
            key.ifPresent(store::abandon);
            throw e;
        }
    }

    /**
     * Asks the provider what became of the request, under a deadline of its own; a failure to ask is an unknown
     * outcome.
     */
    private BookingOutcome reconcile(Council council, BookingRequest request) {
        BookingOutcome outcome;
        try {
            outcome = CallDeadline.settling(() -> council.provider().reconcileBooking(request));
        } catch (ProviderException | CouncilUnavailableException e) {
            outcome = new BookingOutcome.Unknown("the scheduler could not be asked: " + e.getClass().getSimpleName());
        }
        ReconciliationResult result = ReconciliationResult.of(outcome);
        metrics.reconciliation(council.id(), result);
        String detail = switch (outcome) {
            case BookingOutcome.Booked booked -> booked.finished();
            case BookingOutcome.NotBooked notBooked -> notBooked.undone();
            case BookingOutcome.Unknown unknown -> unknown.reason();
        };
        LOG.info("booking outcome was unknown: council={} asked the scheduler, result={}{}", council.id(), result.tag(),
                detail == null ? "" : " (" + detail + ")");
        return outcome;
    }

    private StoredAnswer settle(Optional<IdempotencyKey> key, StoredAnswer answer) {
        key.ifPresent(k -> store.complete(k, answer));
        return answer;
    }

    /** A booking request's maker and how to answer it. */
    private final class Made {
        private final ApiClient client;
        private final Council council;
        private final Function<BookingRequest, Booking> write;
        private final BookingAnswer answers;

        Made(ApiClient client, Council council, Function<BookingRequest, Booking> write, BookingAnswer answers) {
            this.client = client;
            this.council = council;
            this.write = write;
            this.answers = answers;
        }

        Council council() {
            return council;
        }

        Function<BookingRequest, Booking> write() {
            return write;
        }

        /** The answer to a booking made; the client is recorded as its maker. */
        StoredAnswer answer(Booking booking) {
            String bookingRef = refs.bookingRef(council, booking.key());
            visibility.madeBy(client, council.id(), bookingRef);
            if (booking.job() != null) {
                search.changedAt(council, booking.job().propertyRef());
            }
            events.publish(council, new BookingChange(EventType.CREATED, council.id(), bookingRef, booking,
                    Optional.of(client.name())));
            return answers.created(council, bookingRef, booking);
        }
    }

    private static ProblemException notBooked(BookingOutcome.NotBooked outcome) {
        return new ProblemException(ProblemType.SCHEDULER_ERROR, "The scheduler failed while booking. It was "
                + "checked afterwards and holds no booking for this request"
                + (outcome.undone() == null ? "" : " (what it had half made was removed)")
                + ": nothing is booked, and sending the request again is safe.");
    }

    private static ProblemException outcomeUnknown(boolean withKey) {
        return new ProblemException(ProblemType.SCHEDULER_TIMEOUT, withKey
                ? "The scheduler did not answer and could not be checked: the booking may or may not have been made. "
                  + "Repeating the request with the same Idempotency-Key is safe: it checks before booking."
                : "The scheduler did not answer and could not be checked: the booking may or may not have been made. "
                  + "List the property's bookings before trying again, and send an Idempotency-Key next time.");
    }
}
