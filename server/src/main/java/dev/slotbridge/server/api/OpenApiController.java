package dev.slotbridge.server.api;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;

/**
 * Serves the OpenAPI document the build generates from the code at {@code /openapi.yml}, and sends {@code /docs} to
 * the Swagger UI generated beside it.
 */
@Controller
@Hidden
final class OpenApiController {
    private static final String DOCUMENT = "classpath:META-INF/swagger/openapi.yml";

    private final byte[] document;

    OpenApiController(ResourceResolver resources) {
        try (InputStream in = resources.getResourceAsStream(DOCUMENT).orElseThrow(
                () -> new IllegalStateException(DOCUMENT + " is missing: the build generates it"))) {
            this.document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get(value = "/openapi.yml", produces = "application/yaml")
    HttpResponse<byte[]> openApi() {
        return HttpResponse.ok(document).contentType(MediaType.of("application/yaml"));
    }

    @Get("/docs")
    HttpResponse<?> docs() {
        return HttpResponse.seeOther(URI.create("/swagger/views/swagger-ui/index.html"));
    }
}
