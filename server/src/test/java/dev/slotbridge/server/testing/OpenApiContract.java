package dev.slotbridge.server.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Checks an exchange against the OpenAPI document the server serves at {@code /openapi.yml}, so the document cannot
 * drift from the code: every answer must be one the document describes, and every request the server accepted (a 2xx
 * or 3xx answer) must be one the document allows. A request the server refused may break the document: the tests
 * send bad input on purpose. The pages that show the document to people ({@code /docs}, {@code /swagger/**},
 * {@code /swagger-ui/**}) are not part of the API and are not in it.
 */
final class OpenApiContract {
    private static final String DOCUMENT = "/META-INF/slotbridge/openapi.yml";
    private static final AtomicReference<OpenApiInteractionValidator> VALIDATOR = new AtomicReference<>();

    private OpenApiContract() {
    }

    /** The exchange's problems with the document, one a line; empty when it conforms. */
    static String problems(HttpRequest request, String requestBody, HttpResponse<String> response) {
        String path = request.uri().getRawPath();
        if (path.equals("/docs") || path.startsWith("/swagger/") || path.startsWith("/swagger-ui/")) {
            return "";
        }
        Request.Method method = Request.Method.valueOf(request.method());
        SimpleRequest.Builder asked = new SimpleRequest.Builder(method, path);
        if (request.uri().getRawQuery() != null) {
            for (String pair : request.uri().getRawQuery().split("&")) {
                String[] nameAndValue = pair.split("=", 2);
                asked.withQueryParam(decode(nameAndValue[0]), nameAndValue.length > 1 ? decode(nameAndValue[1]) : "");
            }
        }
        request.headers().map().forEach(asked::withHeader);
        if (requestBody != null) {
            asked.withBody(requestBody);
        }
        SimpleResponse.Builder answered = SimpleResponse.Builder.status(response.statusCode());
        response.headers().map().forEach(answered::withHeader);
        if (response.body() != null && !response.body().isEmpty()) {
            answered.withBody(response.body());
        }
        ValidationReport report = validator().validate(asked.build(), answered.build());
        boolean accepted = response.statusCode() < 400;
        return report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .filter(message -> accepted || !message.getKey().startsWith("validation.request"))
                .map(message -> request.method() + " " + path + " → " + response.statusCode()
                        + ": " + message.getKey() + ": " + message.getMessage())
                .reduce((first, second) -> first + "\n" + second).orElse("");
    }

    private static OpenApiInteractionValidator validator() {
        return VALIDATOR.updateAndGet(existing -> existing != null ? existing : OpenApiInteractionValidator
                .createForInlineApiSpecification(document())
                // the contract: unknown fields in a request are ignored (answers stay strict: no undocumented field)
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request.body.schema.additionalProperties", ValidationReport.Level.IGNORE)
                        .build())
                .build());
    }

    /** The document {@code /openapi.yml} serves (the tests of that endpoint check it serves exactly these bytes). */
    private static String document() {
        try (InputStream in = OpenApiContract.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
