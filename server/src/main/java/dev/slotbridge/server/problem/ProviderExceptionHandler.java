package dev.slotbridge.server.problem;

import dev.slotbridge.spi.error.BookingNotActiveException;
import dev.slotbridge.spi.error.BookingNotFoundException;
import dev.slotbridge.spi.error.CapabilityNotSupportedException;
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
 * ({@link RejectedBySchedulerException}) reaches the caller; failures get a fixed detail, never the backend's payload.
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
            case SchedulerTimeoutException e -> ProblemResponses.of(request, ProblemType.SCHEDULER_TIMEOUT,
                    "The scheduler did not answer in time");
            case SchedulerUnavailableException e -> ProblemResponses.of(request, ProblemType.SCHEDULER_ERROR,
                    "The scheduler failed to answer");
            case WriteOutcomeUnknownException e -> ProblemResponses.of(request, ProblemType.SCHEDULER_TIMEOUT,
                    "The scheduler may have made the change but did not confirm it; view the booking before trying again");
            case SchedulerResponseException e -> ProblemResponses.of(request, ProblemType.SCHEDULER_ERROR,
                    "The scheduler answered something unreadable");
            case InvalidRequestException e -> ProblemResponses.of(request, ProblemType.VALIDATION,
                    e.field() + " " + e.getMessage(), List.of(new FieldError(e.field(), e.getMessage())), Map.of());
            case SchedulerCredentialsRejectedException e -> ProblemResponses.of(request, ProblemType.SCHEDULER_ERROR,
                    "The scheduler rejected the credentials configured for this council (access token rejected); "
                            + "an operator must correct the council's settings");
        };
    }
}
