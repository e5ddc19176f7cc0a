package dev.slotbridge.http.problem;

import dev.slotbridge.engine.error.ProblemType;
import dev.slotbridge.engine.store.StoreUnavailableException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.util.Map;

/** 503 {@code store-unavailable} with {@code Retry-After}: the request changed no booking. */
@Produces
@Singleton
final class StoreUnavailableExceptionHandler implements ExceptionHandler<StoreUnavailableException, HttpResponse<Problem>> {
    private static final String RETRY_AFTER_SECONDS = "2";

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, StoreUnavailableException exception) {
        return ProblemResponses.of(request, ProblemType.STORE_UNAVAILABLE, "Slotbridge's shared store cannot be "
                + "reached, so it cannot make sure a change happens only once: no booking was changed by this request. "
                + "Try again shortly.", null, Map.of(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS));
    }
}
