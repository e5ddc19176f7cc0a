package dev.slotbridge.server.problem;

import dev.slotbridge.server.resilience.CouncilUnavailableException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.util.Map;

/** Open circuit or full bulkhead: 503 {@code scheduler-unavailable} with {@code Retry-After}. */
@Produces
@Singleton
final class CouncilUnavailableExceptionHandler
        implements ExceptionHandler<CouncilUnavailableException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, CouncilUnavailableException exception) {
        return ProblemResponses.of(request, ProblemType.SCHEDULER_UNAVAILABLE,
                "The council's scheduler is failing or busy; try again later", null,
                Map.of(HttpHeaders.RETRY_AFTER, Long.toString(exception.retryAfterSeconds())));
    }
}
