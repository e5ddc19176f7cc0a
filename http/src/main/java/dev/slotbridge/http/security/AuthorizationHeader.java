package dev.slotbridge.http.security;

import dev.slotbridge.engine.error.FieldError;
import dev.slotbridge.engine.error.ProblemException;
import dev.slotbridge.engine.error.ProblemType;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;

import java.util.List;

/** A request's one {@code Authorization} header, on every door: two are 400 {@code malformed-request}, never "the first wins". */
public final class AuthorizationHeader {
    private AuthorizationHeader() {
    }

    /** The header's value, or null when it is absent. */
    public static String of(HttpRequest<?> request) {
        List<String> headers = request.getHeaders().getAll(HttpHeaders.AUTHORIZATION);
        if (headers.size() > 1) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "Send exactly one Authorization header",
                    List.of(new FieldError(HttpHeaders.AUTHORIZATION, "must be sent once")));
        }
        return headers.isEmpty() ? null : headers.getFirst();
    }
}
