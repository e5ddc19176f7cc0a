package dev.slotbridge.http.problem;

import dev.slotbridge.engine.error.CouncilUnavailableException;
import dev.slotbridge.engine.error.ProblemType;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * Nothing sent to the council's scheduler: 503 {@code council-busy} when its bulkhead stayed full for as long as the
 * call could wait, else 503 {@code scheduler-unavailable} (open circuit, or no time left); with {@code Retry-After}.
 */
@Produces
@Singleton
final class CouncilUnavailableExceptionHandler
        implements ExceptionHandler<CouncilUnavailableException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, CouncilUnavailableException exception) {
        Map<String, String> retryAfter = Map.of(HttpHeaders.RETRY_AFTER, Long.toString(exception.retryAfterSeconds()));
        if (exception.councilBusy()) {
            return ProblemResponses.of(request, ProblemType.COUNCIL_BUSY, "The council's scheduler has as many requests "
                    + "in flight as it is given, and no place came free for this one while it waited its turn; nothing "
                    + "was sent. Try again shortly", null, retryAfter);
        }
        return ProblemResponses.of(request, ProblemType.SCHEDULER_UNAVAILABLE,
                "The council's scheduler is failing, or the request's time ran out before it could be called; nothing "
                        + "was sent. Try again later", null, retryAfter);
    }
}
