package dev.slotbridge.http.problem;

import dev.slotbridge.engine.error.ErrorTable;
import dev.slotbridge.engine.error.FieldError;
import dev.slotbridge.spi.error.InvalidRequestException;
import dev.slotbridge.spi.error.ProviderException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * Answers a provider's failure with the {@link ErrorTable}'s problem and words. Only the scheduler's business message
 * (a refusal, cleaned by the provider through {@code SchedulerMessages}) reaches the caller; the provider's own message
 * for a scheduler failing — the vendor's detail — goes only to the log line of the call ({@code CouncilCallGuard}).
 */
@Produces
@Singleton
final class ProviderExceptionHandler implements ExceptionHandler<ProviderException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ProviderException exception) {
        ErrorTable.ProviderRow row = ErrorTable.of(exception);
        List<FieldError> errors = exception instanceof InvalidRequestException invalid
                ? List.of(new FieldError(invalid.field(), invalid.getMessage())) : null;
        return ProblemResponses.of(request, row.problem(), row.detail(), errors, Map.of());
    }
}
