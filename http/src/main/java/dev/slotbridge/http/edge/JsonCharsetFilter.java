package dev.slotbridge.http.edge;

import dev.slotbridge.engine.error.ProblemException;
import dev.slotbridge.engine.error.ProblemType;
import dev.slotbridge.http.FilterPatterns;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;

import java.nio.charset.StandardCharsets;

/**
 * A JSON body declared in a charset other than UTF-8 is 415: JSON exchanged between systems is UTF-8 (RFC 8259). Only
 * the methods whose bodies the API reads are checked, so a GET never pays for it.
 */
@ServerFilter(value = FilterPatterns.V1, patternStyle = FilterPatternStyle.REGEX,
        methods = {HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH})
final class JsonCharsetFilter {

    @RequestFilter
    void requireUtf8(HttpRequest<?> request) {
        request.getContentType().flatMap(MediaType::getCharset)
                .filter(charset -> !charset.equals(StandardCharsets.UTF_8))
                .ifPresent(charset -> {
                    throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                            "Send the body as application/json in UTF-8, not " + charset.name());
                });
    }
}
