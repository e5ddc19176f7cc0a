package dev.slotbridge.server.problem;

import dev.slotbridge.spi.error.BookingNotActiveException;
import dev.slotbridge.spi.error.BookingNotFoundException;
import dev.slotbridge.spi.error.CapabilityNotSupportedException;
import dev.slotbridge.spi.error.ErrorKind;
import dev.slotbridge.spi.error.InvalidRequestException;
import dev.slotbridge.spi.error.ProviderException;
import dev.slotbridge.spi.error.SchedulerCredentialsRejectedException;
import dev.slotbridge.spi.error.RejectedBySchedulerException;
import dev.slotbridge.spi.error.SchedulerResponseException;
import dev.slotbridge.spi.error.SchedulerTimeoutException;
import dev.slotbridge.spi.error.SchedulerUnavailableException;
import dev.slotbridge.spi.error.SlotUnavailableException;
import dev.slotbridge.spi.error.WriteOutcomeUnknownException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * Maps a provider's outcome to the contract's problem. Only the scheduler's business message
 * ({@link RejectedBySchedulerException}, cleaned by the provider through {@code SchedulerMessages}) reaches the caller.
 * A scheduler failing ({@link ErrorKind#isSchedulerFailure()}) is answered by what the failure establishes alone, in
 * the same words whatever the provider; the provider's own message — the vendor's detail — goes only to the log line
 * of the call ({@code CouncilCallGuard}).
 */
@Produces
@Singleton
final class ProviderExceptionHandler implements ExceptionHandler<ProviderException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ProviderException exception) {
        return switch (exception) {
            case SlotUnavailableException e -> ProblemResponses.of(request, ProblemType.SLOT_UNAVAILABLE,
                    "The slot has been taken or is no longer offered; search again");
            case BookingNotActiveException e -> ProblemResponses.of(request, ProblemType.BOOKING_NOT_ACTIVE,
                    "The booking is no longer active: " + e.getMessage());
            case BookingNotFoundException e -> ProblemResponses.of(request, ProblemType.BOOKING_NOT_FOUND,
                    "The scheduler holds no such booking");
            case RejectedBySchedulerException e -> ProblemResponses.of(request, ProblemType.REJECTED_BY_SCHEDULER,
                    e.getMessage());
            case CapabilityNotSupportedException e -> ProblemResponses.of(request,
                    ProblemType.CAPABILITY_NOT_SUPPORTED, "This council's scheduler does not support " + e.capability());
            case InvalidRequestException e -> ProblemResponses.of(request, ProblemType.VALIDATION,
                    e.field() + " " + e.getMessage(), List.of(new FieldError(e.field(), e.getMessage())), Map.of());
            case SchedulerTimeoutException e -> failure(request, e);
            case SchedulerUnavailableException e -> failure(request, e);
            case WriteOutcomeUnknownException e -> failure(request, e);
            case SchedulerResponseException e -> failure(request, e);
            case SchedulerCredentialsRejectedException e -> failure(request, e);
        };
    }

    /**
     * A scheduler failing, by its kind; within {@code OUTCOME_UNKNOWN}, a call that got no answer in time, or a write
     * not confirmed, is 504 (the contract's timeout) and any other 502. Never the exception's message.
     */
    private static HttpResponse<Problem> failure(HttpRequest<?> request, ProviderException failure) {
        return switch (failure.kind()) {
            case CREDENTIALS_REJECTED -> ProblemResponses.of(request, ProblemType.SCHEDULER_ERROR, "The scheduler "
                    + "refused the credentials configured for this council: an operator must correct the council's "
                    + "settings");
            case NOT_SENT -> ProblemResponses.of(request, ProblemType.SCHEDULER_ERROR, "The scheduler could not be "
                    + "reached: nothing was sent, and sending the request again is safe");
            case UNREADABLE -> ProblemResponses.of(request, ProblemType.SCHEDULER_ERROR,
                    "The scheduler answered something unreadable");
            case OUTCOME_UNKNOWN -> switch (failure) {
                case SchedulerTimeoutException e -> ProblemResponses.of(request, ProblemType.SCHEDULER_TIMEOUT,
                        "The scheduler did not answer in time");
                case WriteOutcomeUnknownException e -> ProblemResponses.of(request, ProblemType.SCHEDULER_TIMEOUT,
                        "The scheduler may have made the change but did not confirm it; view the booking before "
                                + "trying again");
                default -> ProblemResponses.of(request, ProblemType.SCHEDULER_ERROR, "The scheduler failed to answer");
            };
            case CALLER_ERROR, REFUSED -> throw new IllegalArgumentException("not a scheduler failure: " + failure.kind());
        };
    }
}
