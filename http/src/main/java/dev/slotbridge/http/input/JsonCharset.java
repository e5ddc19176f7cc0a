package dev.slotbridge.http.input;

import dev.slotbridge.engine.error.ProblemException;
import dev.slotbridge.engine.error.ProblemType;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;

import java.nio.charset.StandardCharsets;

/**
 * A JSON body declared in a charset other than UTF-8 is 415: JSON exchanged between systems is UTF-8 (RFC 8259). Only
 * the methods whose bodies the API reads are checked (POST, PUT, PATCH), so a GET never pays for it.
 */
public final class JsonCharset {
    private JsonCharset() {
    }

    /** Refuses a body the door would read whose declared charset is not UTF-8. */
    public static void require(HttpRequest<?> request) {
        HttpMethod method = request.getMethod();
        if (method != HttpMethod.POST && method != HttpMethod.PUT && method != HttpMethod.PATCH) {
            return;
        }
        request.getContentType().flatMap(MediaType::getCharset)
                .filter(charset -> !charset.equals(StandardCharsets.UTF_8))
                .ifPresent(charset -> {
                    throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                            "Send the body as application/json in UTF-8, not " + charset.name());
                });
    }
}
