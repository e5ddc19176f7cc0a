package dev.slotbridge.server.problem;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Answers an {@link ApiProblemException} with its problem document. */
@Produces
@Singleton
@Requires(classes = {ApiProblemException.class, ExceptionHandler.class})
final class ApiProblemExceptionHandler implements ExceptionHandler<ApiProblemException, HttpResponse<Problem>> {
    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ApiProblemException exception) {
        return ProblemResponses.of(request, exception);
    }
}
