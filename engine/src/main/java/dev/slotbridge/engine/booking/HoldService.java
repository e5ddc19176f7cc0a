package dev.slotbridge.engine.booking;

import dev.slotbridge.config.ConfigSection;
import dev.slotbridge.config.SlotbridgeConfiguration;
import dev.slotbridge.engine.council.Council;
import dev.slotbridge.engine.error.FieldError;
import dev.slotbridge.engine.error.ProblemException;
import dev.slotbridge.engine.error.ProblemType;
import dev.slotbridge.engine.idempotency.IdempotencyKey;
import dev.slotbridge.engine.idempotency.IdempotencyStore;
import dev.slotbridge.engine.idempotency.RequestFingerprint;
import dev.slotbridge.engine.idempotency.StoredAnswer;
import dev.slotbridge.engine.metrics.HoldMetrics;
import dev.slotbridge.engine.ref.CouncilRefs;
import dev.slotbridge.engine.search.SchedulerSearch;
import dev.slotbridge.engine.security.ApiClient;
import dev.slotbridge.engine.store.StoreUnavailableException;
import dev.slotbridge.spi.Capability;
import dev.slotbridge.spi.model.Booking;
import dev.slotbridge.spi.model.BookingRequest;
import dev.slotbridge.spi.model.Contact;
import dev.slotbridge.spi.model.HeldSlot;
import dev.slotbridge.spi.model.HoldKey;
import dev.slotbridge.spi.model.Job;
import dev.slotbridge.spi.model.Slot;
import dev.slotbridge.spi.model.SlotKey;
import dev.slotbridge.spi.model.SlotQuery;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Slot holds: a caller keeps a slot for a job while the tenant finishes the form, then books it with the
 * {@code holdId} without racing anyone. A scheduler with {@link Capability#HOLD} keeps the slot itself (the sandbox's
 * capacity); for any other Slotbridge keeps it in its store ({@link HeldSlots}: other Slotbridge callers cannot take
 * it, bookings made outside Slotbridge still can). Hold length per council, {@code holds.ttl} (10 s to 30 min,
 * default 5 min). No client can empty a council's diary: each new hold is admitted against its client's
 * {@link HoldLimits} first (429 {@code hold-quota-exceeded}). Every change of a hold is a compare-and-set in the
 * {@link HoldStore}, so booking, releasing and the {@link HoldSweeper} never both win.
 */
@Singleton
public final class HoldService {
    private static final Logger LOG = LoggerFactory.getLogger(HoldService.class);
    /** How long a release at the scheduler is given before the sweeper tries it again. */
    static final Duration RELEASE_RETRY = Duration.ofSeconds(30);

    private final HoldStore store;
    private final BookingService bookings;
    private final CouncilRefs refs;
    private final IdempotencyStore idempotency;
    private final HoldMetrics metrics;
    private final SchedulerSearch search;
    private final Clock clock;
    private final Map<String, Duration> ttls = new HashMap<>();
    private final Map<String, HoldLimits> limits = new HashMap<>();

    HoldService(HoldStore store, BookingService bookings, CouncilRefs refs, IdempotencyStore idempotency,
                HoldMetrics metrics, SchedulerSearch search,
                SlotbridgeConfiguration configuration, Clock clock) {
        this.search = search;
        this.store = store;
        this.bookings = bookings;
        this.refs = refs;
        this.idempotency = idempotency;
        this.metrics = metrics;
        this.clock = clock;
        configuration.root().entries("councils").forEach((council, settings) -> {
            ConfigSection holds = settings.section("holds");
            ttls.put(council, holds.duration("ttl").orElseThrow());
            limits.put(council, HoldLimits.of(holds));
            metrics.council(council);
        });
        metrics.active(this::activeCount);
    }

    /** Holds the slot for the job; {@code Idempotency-Key} honoured as for bookings. */
    public StoredAnswer hold(ApiClient client, Council council, String idempotencyKey, CouncilRefs.SignedSlot slot, Job job,
                             HoldAnswer answers) {
        IdempotencyKey key = idempotencyKey == null ? null
                : new IdempotencyKey(client.name(), council.id(), "hold:" + idempotencyKey);
        if (key != null) {
            switch (idempotency.begin(key, "hold:" + heldJob(slot.key(), job))) {
                case IdempotencyStore.Claim.Replay replay -> {
                    return replay.answer();
                }
                case IdempotencyStore.Claim.Mismatch mismatch -> throw ClaimRefusals.reused();
                case IdempotencyStore.Claim.Full full -> throw ClaimRefusals.full(full);
                case IdempotencyStore.Claim.InUse inUse -> throw ClaimRefusals.inUse(inUse);
                case IdempotencyStore.Claim.Claimed claimed -> {
                    // a new hold follows
                }
                case IdempotencyStore.Claim.Unresolved unresolved -> {
                    // holds are never left unresolved; a new hold follows
                }
            }
        }
        try {
            StoredAnswer answer = newHold(client, council, slot, job, answers);
            if (key != null) {
                idempotency.complete(key, answer);
            }
            return answer;
        } catch (RuntimeException e) {
            if (key != null) {
                idempotency.abandon(key);
            }
            throw e;
        }
    }

    /**
     * The slot's day is searched (the scheduler must still offer the slot), the hold admitted against its client's
     * limits with the day's places, then made: by the scheduler, or in the store. A hold not made is withdrawn.
     */
    private StoredAnswer newHold(ApiClient client, Council council, CouncilRefs.SignedSlot slot, Job job,
                                 HoldAnswer answers) {
        Instant now = clock.instant();
        LocalDate day = dayOf(council, slot);
        Set<SlotPlace> offered = offeredOn(council, slot.key(), job, day);
        HoldRecord admitted = new HoldRecord(UUID.randomUUID().toString(), council.id(), client.name(),
                slot.key().values(), SlotPlace.of(slot.start(), slot.end()), null, heldJob(slot.key(), job),
                job.propertyRef(), day,
                now.plus(ttls.get(council.id())), HoldState.ACTIVE);
        HoldLimits.Admission admission = store.admit(admitted, limits.get(council.id()), offered, now);
        if (!admission.admitted()) {
            metrics.overQuota(council.id());
            throw quotaExceeded(admission, limits.get(council.id()), day, now);
        }
        HoldRecord hold;
        try {
            if (council.holdsInScheduler()) {
                HeldSlot held = council.provider().hold(slot.key(), job, admitted.expiresAt());
                search.changedAt(council, job.propertyRef());
                hold = admitted.withSchedulerHold(held.key().values(), held.expiresAt());
                store.create(hold);
            } else {
                hold = admitted;
                if (!store.createExclusive(hold, now)) {
                    throw new ProblemException(ProblemType.SLOT_UNAVAILABLE, "The slot is held for another caller");
                }
            }
        } catch (RuntimeException e) {
            withdraw(admitted);
            throw e;
        }
        metrics.created(council.id());
        return answers.created(council, refs.holdId(council, hold.id()), slot, hold.expiresAt());
    }

    /** The slot's day in the council's zone, which its limits count holds by; an id that does not say it is 400. */
    private static LocalDate dayOf(Council council, CouncilRefs.SignedSlot slot) {
        if (slot.start() == null) {
            throw new ProblemException(ProblemType.INVALID_SLOT_ID, "This slotId was issued by an earlier version "
                    + "and does not say when the slot is: search again", List.of(new FieldError("slotId",
                    "does not say when the slot is: search again")));
        }
        return slot.start().atZoneSameInstant(council.zone()).toLocalDate();
    }

    /**
     * The places the scheduler offers for the job on the day (as it answers, before Slotbridge hides what is held in
     * its store); 409 when the slot is not among its slots.
     */
    private static Set<SlotPlace> offeredOn(Council council, SlotKey slot, Job job, LocalDate day) {
        List<Slot> offered = council.provider().search(new SlotQuery(job, day, day));
        if (offered.stream().noneMatch(offeredSlot -> offeredSlot.key().equals(slot))) {
            throw new ProblemException(ProblemType.SLOT_UNAVAILABLE, "The slot is no longer offered");
        }
        return offered.stream().map(SlotPlace::of).collect(Collectors.toSet());
    }

    /** 429 {@code hold-quota-exceeded}, with {@code Retry-After} when one of the client's holds ending would admit it. */
    private static ProblemException quotaExceeded(HoldLimits.Admission admission, HoldLimits limits, LocalDate day,
                                                     Instant now) {
        String detail = switch (admission.exceeded()) {
            case PER_PROPERTY -> "This API key already holds " + limits.perProperty() + " slot(s) for this property "
                    + "at this council, the most it may (holds.max-per-property): book or release one, or wait for it "
                    + "to end";
            case PER_CLIENT -> "This API key already holds " + limits.perClient() + " slots at this council, the most "
                    + "it may (holds.max-per-client): book or release one, or wait for one to end";
            case SHARE -> "Holding this slot would give this API key more than " + limits.sharePercent() + " % of the "
                    + "places this council offers it on " + day + " (holds.max-share): book or release a hold of that "
                    + "day, or choose another day";
        };
        long retryAfter = admission.firstEnds() == null ? 0
                : Math.max(1, (Duration.between(now, admission.firstEnds()).toMillis() + 999) / 1000);
        return new ProblemException(ProblemType.HOLD_QUOTA_EXCEEDED, detail, null, retryAfter);
    }

    /** A hold not made: it stops counting now (when the store cannot be told, it stops when it would have ended). */
    private void withdraw(HoldRecord admitted) {
        try {
            store.withdraw(admitted);
        } catch (StoreUnavailableException e) {
            LOG.debug("an admitted hold that was not made counts until it would have ended: the store is down");
        }
    }

    /** Ends the caller's hold; a hold already ended or booked is left as it is. */
    public void release(ApiClient client, Council council, String holdId) {
        HoldRecord hold = find(client, council, holdId);
        if (store.end(hold, HoldState.RELEASED, clock.instant().plus(RELEASE_RETRY))) {
            metrics.released(council.id());
            releaseAtScheduler(council, hold);
        }
    }

    /**
     * Books the held slot: exactly once, as every booking, with the scheduler's own confirmation when it holds the
     * slot. An ended hold is 409 {@code hold-expired}; a repeat with the first booking's {@code Idempotency-Key} gets
     * its answer.
     */
    public StoredAnswer book(ApiClient client, Council council, String idempotencyKey, String holdId, Job job,
                             Contact contact, String accessNotes, BookingAnswer answers) {
        HoldRecord hold = find(client, council, holdId);
        SlotKey slot = new SlotKey(hold.slot());
        if (hold.state() == HoldState.ACTIVE && !hold.job().equals(heldJob(slot, job))) {
            throw ProblemException.invalid(List.of(new FieldError("job", "must be the job the slot was held for")));
        }
        boolean mine = hold.state() == HoldState.ACTIVE && hold.expiresAt().isAfter(clock.instant())
                && store.transition(hold, HoldState.ACTIVE, HoldState.CONFIRMING);
        if (!mine && idempotencyKey == null) {
            throw holdExpired();
        }
        BookingRequest request = new BookingRequest(slot, job, contact, accessNotes);
        Function<BookingRequest, Booking> write = !mine ? held -> {
            throw holdExpired();
        } : hold.heldByScheduler() ? held -> council.provider().confirmHold(new HoldKey(hold.holdKey()), held)
                : council.provider()::book;
        try {
            StoredAnswer answer = bookings.audited(client, council, idempotencyKey, request, write, answers);
            if (mine && store.transition(hold, HoldState.CONFIRMING, HoldState.CONFIRMED)) {
                metrics.confirmed(council.id());
            }
            return answer;
        } catch (RuntimeException e) {
            if (mine && !outcomeUnknown(e)) {
                store.transition(hold, HoldState.CONFIRMING, HoldState.ACTIVE);
            }
            throw e;
        }
    }

    /**
     * Whether the booking may have been made after all (504 after reconciliation could not tell): then the hold stays
     * {@code CONFIRMING}, never released (that could remove the booking); a repeat with the same key settles it.
     */
    private static boolean outcomeUnknown(RuntimeException failure) {
        return failure instanceof ProblemException problem && problem.type() == ProblemType.SCHEDULER_TIMEOUT;
    }

    /** Ends an expired hold, once: the sweeper's part. */
    void expire(Council council, HoldRecord hold) {
        if (store.end(hold, HoldState.EXPIRED, clock.instant().plus(RELEASE_RETRY))) {
            metrics.expired(council.id());
            releaseAtScheduler(council, hold);
        }
    }

    /**
     * Releases an ended hold at the scheduler: once it succeeds nothing more is due; when it fails (the scheduler is
     * down, or this replica dies first) the store has it due again after {@link #RELEASE_RETRY}, and a sweeper tries
     * again — releasing is safe to repeat. Holds Slotbridge keeps itself have nothing to release.
     */
    void releaseAtScheduler(Council council, HoldRecord hold) {
        if (!hold.heldByScheduler()) {
            return;
        }
        try {
            council.provider().releaseHold(new HoldKey(hold.holdKey()));
        } catch (RuntimeException e) {
            LOG.warn("Council '{}': the scheduler did not release an ended hold ({}); tried again in {}s", council.id(),
                    e.getClass().getSimpleName(), RELEASE_RETRY.toSeconds());
            return;
        }
        store.releasedAtScheduler(hold);
    }

    /** The caller's hold at the council; 404 {@code hold-not-found} for anyone else's. */
    private HoldRecord find(ApiClient client, Council council, String holdId) {
        String id = refs.holdStoreId(council, holdId);
        return store.find(id).filter(hold -> hold.council().equals(council.id()) && hold.client().equals(client.name()))
                .orElseThrow(() -> new ProblemException(ProblemType.HOLD_NOT_FOUND, "No such hold at this council"));
    }

    /** What a hold keeps of its job: the fingerprint of slot and job, as an idempotent hold request's. */
    private static String heldJob(SlotKey slot, Job job) {
        return RequestFingerprint.of(new BookingRequest(slot, job, null, null));
    }

    private static ProblemException holdExpired() {
        return new ProblemException(ProblemType.HOLD_EXPIRED, "The hold has ended (expired, released or already "
                + "booked): search again");
    }

    private double activeCount() {
        try {
            return store.activeCount();
        } catch (StoreUnavailableException e) {
            return Double.NaN;
        }
    }
}
