package dev.slotbridge.http.security;

import dev.slotbridge.engine.error.FieldError;
import dev.slotbridge.engine.error.ProblemException;
import dev.slotbridge.engine.error.ProblemType;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;

import java.util.List;

/** A request's one {@code Authorization} header, on every door: two are 400 {@code malformed-request}, never "the first wins". */
public final class AuthorizationHeader {
    private static final String BEARER = "Bearer ";

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

    /**
     * The header's value where an answer is never refused for it (health details): null when it is absent, and when
     * it is sent twice — the same one-header rule, read as no credential rather than answered 400.
     */
    public static String ofOrNone(HttpRequest<?> request) {
        List<String> headers = request.getHeaders().getAll(HttpHeaders.AUTHORIZATION);
        return headers.size() == 1 ? headers.getFirst() : null;
    }

    /**
     * The credential of a {@code Bearer} header value (the scheme in any case), stripped; null when the value is
     * absent, of another scheme, or has nothing after the scheme.
     */
    public static String bearerCredential(String header) {
        if (header == null || header.length() == BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return header.substring(BEARER.length()).strip();
    }
}
