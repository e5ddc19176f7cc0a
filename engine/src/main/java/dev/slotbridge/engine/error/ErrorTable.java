package dev.slotbridge.engine.error;

import dev.slotbridge.engine.store.StoreUnavailableException;
import dev.slotbridge.spi.error.BookingNotActiveException;
import dev.slotbridge.spi.error.BookingNotFoundException;
import dev.slotbridge.spi.error.CapabilityNotSupportedException;
import dev.slotbridge.spi.error.InvalidRequestException;
import dev.slotbridge.spi.error.ProviderException;
import dev.slotbridge.spi.error.RejectedBySchedulerException;
import dev.slotbridge.spi.error.SchedulerCredentialsRejectedException;
import dev.slotbridge.spi.error.SchedulerResponseException;
import dev.slotbridge.spi.error.SchedulerTimeoutException;
import dev.slotbridge.spi.error.SchedulerUnavailableException;
import dev.slotbridge.spi.error.SlotUnavailableException;
import dev.slotbridge.spi.error.WriteOutcomeUnknownException;

import static dev.slotbridge.engine.error.Fault.CLIENT;
import static dev.slotbridge.engine.error.Fault.SCHEDULER;
import static dev.slotbridge.engine.error.Fault.SLOTBRIDGE;

/**
 * What every failure means, in one place: each {@link ProblemType}'s HTTP status, whose {@link Fault} it is (the
 * metrics' {@code fault} tag), its audit outcome, whether the same request may simply be sent again, and whether the
 * scheduler may have made the booking; and each provider failure's problem, detail and {@link CallOutcome} tag. The
 * doors, the metrics, the audit log and the booking logic all read this table. Every switch is exhaustive: a new
 * problem type or provider failure does not compile until it has its row.
 */
public final class ErrorTable {
    private ErrorTable() {
    }

    /**
     * How a problem is answered and counted.
     *
     * @param status        the HTTP status every door answers it with
     * @param fault         whose fault it is
     * @param retryable     whether sending the same request again later may succeed and is safe
     * @param mayHaveBooked whether the scheduler may have made the change although the answer is a failure
     */
    public record Row(int status, Fault fault, boolean retryable, boolean mayHaveBooked) {
    }

    /**
     * How a provider's failure is answered.
     *
     * @param problem the problem answered
     * @param detail  the words answered: what the failure establishes, never the vendor's own message, except a
     *                scheduler's business refusal (cleaned by the provider)
     * @param outcome the scheduler call's {@code outcome} tag
     */
    public record ProviderRow(ProblemType problem, String detail, CallOutcome outcome) {
    }

    /** The row of {@code type}. */
    public static Row of(ProblemType type) {
        return switch (type) {
            case VALIDATION, INVALID_SLOT_ID, MALFORMED_JSON, MALFORMED_REQUEST -> client(400);
            case UNAUTHENTICATED -> client(401);
            case FORBIDDEN -> client(403);
            case COUNCIL_NOT_FOUND, BOOKING_NOT_FOUND, NOT_FOUND, HOLD_NOT_FOUND, DELIVERY_NOT_FOUND -> client(404);
            case METHOD_NOT_ALLOWED -> client(405);
            case NOT_ACCEPTABLE -> client(406);
            case SLOT_UNAVAILABLE, BOOKING_NOT_ACTIVE, BOOKING_EXISTS, HOLD_EXPIRED -> client(409);
            case IDEMPOTENCY_KEY_IN_USE, BOOKING_IN_PROGRESS -> new Row(409, CLIENT, true, false);
            case REQUEST_TIMEOUT -> new Row(408, CLIENT, true, false);
            case PAYLOAD_TOO_LARGE -> client(413);
            case URI_TOO_LONG -> client(414);
            case UNSUPPORTED_MEDIA_TYPE -> client(415);
            case HEADERS_TOO_LARGE -> client(431);
            case IDEMPOTENCY_KEY_REUSED, REJECTED_BY_SCHEDULER -> client(422);
            case RATE_LIMITED, HOLD_QUOTA_EXCEEDED -> new Row(429, CLIENT, true, false);
            case INTERNAL_ERROR -> new Row(500, SLOTBRIDGE, false, false);
            case CAPABILITY_NOT_SUPPORTED -> client(501);
            case SCHEDULER_ERROR -> new Row(502, SCHEDULER, false, false);
            // council-busy: the council's calls in flight held every permit for max-wait, which a scheduler answering
            // in time does not do
            case SCHEDULER_UNAVAILABLE, COUNCIL_BUSY -> new Row(503, SCHEDULER, true, false);
            // a client holding too many live keys: its own doing
            case IDEMPOTENCY_CAPACITY -> new Row(503, CLIENT, true, false);
            case SHUTTING_DOWN, STORE_UNAVAILABLE -> new Row(503, SLOTBRIDGE, true, false);
            case SCHEDULER_TIMEOUT -> new Row(504, SCHEDULER, false, true);
        };
    }

    /** The audit log's outcome of a request ended by {@code type}: its status and type, e.g. {@code 409 slot-unavailable}. */
    public static String auditOutcome(ProblemType type) {
        return of(type).status() + " " + type.suffix();
    }

    /**
     * The problem a request ends with when it fails with {@code failure}: the engine's own, a provider's, the council
     * being unavailable or the store; anything else is a bug, {@code internal-error}.
     */
    public static ProblemType problemOf(RuntimeException failure) {
        return switch (failure) {
            case ProblemException problem -> problem.type();
            case ProviderException provider -> of(provider).problem();
            case CouncilUnavailableException unavailable ->
                    unavailable.councilBusy() ? ProblemType.COUNCIL_BUSY : ProblemType.SCHEDULER_UNAVAILABLE;
            case StoreUnavailableException unavailable -> ProblemType.STORE_UNAVAILABLE;
            default -> ProblemType.INTERNAL_ERROR;
        };
    }

    /** The row of a provider's failure. */
    public static ProviderRow of(ProviderException failure) {
        return switch (failure) {
            case SlotUnavailableException e -> new ProviderRow(ProblemType.SLOT_UNAVAILABLE,
                    "The slot has been taken or is no longer offered; search again", CallOutcome.SLOT_UNAVAILABLE);
            case BookingNotActiveException e -> new ProviderRow(ProblemType.BOOKING_NOT_ACTIVE,
                    "The booking is no longer active: " + e.getMessage(), CallOutcome.NOT_ACTIVE);
            case BookingNotFoundException e -> new ProviderRow(ProblemType.BOOKING_NOT_FOUND,
                    "The scheduler holds no such booking", CallOutcome.NOT_FOUND);
            case RejectedBySchedulerException e -> new ProviderRow(ProblemType.REJECTED_BY_SCHEDULER, e.getMessage(),
                    CallOutcome.REJECTED);
            case CapabilityNotSupportedException e -> new ProviderRow(ProblemType.CAPABILITY_NOT_SUPPORTED,
                    "This council's scheduler does not support " + e.capability(), CallOutcome.NOT_SUPPORTED);
            case InvalidRequestException e -> new ProviderRow(ProblemType.VALIDATION, e.field() + " " + e.getMessage(),
                    CallOutcome.INVALID_REQUEST);
            case SchedulerTimeoutException e -> schedulerFailure(e, CallOutcome.TIMEOUT);
            case SchedulerResponseException e -> schedulerFailure(e, CallOutcome.UNREADABLE);
            case SchedulerCredentialsRejectedException e -> schedulerFailure(e, CallOutcome.CREDENTIALS_REJECTED);
            case SchedulerUnavailableException e -> schedulerFailure(e, CallOutcome.ERROR);
            case WriteOutcomeUnknownException e -> schedulerFailure(e, CallOutcome.ERROR);
        };
    }

    private static Row client(int status) {
        return new Row(status, CLIENT, false, false);
    }

    /**
     * A scheduler failing, by its kind, in the same words whatever the provider; within {@code OUTCOME_UNKNOWN}, a
     * call that got no answer in time, or a write not confirmed, is {@code scheduler-timeout} and any other
     * {@code scheduler-error}.
     */
    private static ProviderRow schedulerFailure(ProviderException failure, CallOutcome outcome) {
        return switch (failure.kind()) {
            case CREDENTIALS_REJECTED -> new ProviderRow(ProblemType.SCHEDULER_ERROR, "The scheduler refused the "
                    + "credentials configured for this council: an operator must correct the council's settings", outcome);
            case NOT_SENT -> new ProviderRow(ProblemType.SCHEDULER_ERROR, "The scheduler could not be reached: nothing "
                    + "was sent, and sending the request again is safe", outcome);
            case UNREADABLE -> new ProviderRow(ProblemType.SCHEDULER_ERROR,
                    "The scheduler answered something unreadable", outcome);
            case OUTCOME_UNKNOWN -> switch (failure) {
                case SchedulerTimeoutException e -> new ProviderRow(ProblemType.SCHEDULER_TIMEOUT,
                        "The scheduler did not answer in time", outcome);
                case WriteOutcomeUnknownException e -> new ProviderRow(ProblemType.SCHEDULER_TIMEOUT,
                        "The scheduler may have made the change but did not confirm it; view the booking before "
                                + "trying again", outcome);
                default -> new ProviderRow(ProblemType.SCHEDULER_ERROR, "The scheduler failed to answer", outcome);
            };
            case CALLER_ERROR, REFUSED -> throw new IllegalArgumentException("not a scheduler failure: " + failure.kind());
        };
    }
}
