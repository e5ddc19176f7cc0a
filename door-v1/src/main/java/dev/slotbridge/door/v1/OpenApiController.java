package dev.slotbridge.door.v1;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;

/**
 * Serves the API's OpenAPI document ({@code META-INF/slotbridge/openapi.yml}, written by hand as the contract; the
 * HTTP-level tests validate every request and answer against it, and {@code scripts/lint-openapi} lints it) at
 * {@code /openapi.yml}, and sends {@code /docs} to the Swagger UI page that shows it.
 */
@Controller
final class OpenApiController {
    private static final String DOCUMENT = "classpath:META-INF/slotbridge/openapi.yml";

    private final byte[] document;

    OpenApiController(ResourceResolver resources) {
        try (InputStream in = resources.getResourceAsStream(DOCUMENT).orElseThrow(
                () -> new IllegalStateException(DOCUMENT + " is missing from the jar"))) {
            this.document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document; also where the Swagger UI page of {@code /docs} fetches it from. */
    @Get(uris = {"/openapi.yml", "/swagger/openapi.yml"}, produces = "application/yaml")
    HttpResponse<byte[]> openApi() {
        return HttpResponse.ok(document).contentType(MediaType.of("application/yaml"));
    }

    @Get("/docs")
    HttpResponse<?> docs() {
        return HttpResponse.seeOther(URI.create("/swagger/views/swagger-ui/index.html"));
    }
}
