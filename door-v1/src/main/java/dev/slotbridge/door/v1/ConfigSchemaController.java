package dev.slotbridge.door.v1;

import dev.slotbridge.config.ConfigurationDescription;
import dev.slotbridge.config.ConfigurationSchema;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

import java.nio.charset.StandardCharsets;

/**
 * Serves the JSON Schema of the configuration at {@code /config-schema.json}, with the settings of every provider
 * this server loaded (plugins included), for editors: a YAML file starting with
 * {@code # yaml-language-server: $schema=https://<server>/config-schema.json} is completed and checked as it is typed.
 * It names keys and providers only, never a configured value.
 */
@Controller
final class ConfigSchemaController {
    private static final MediaType SCHEMA_JSON = MediaType.of("application/schema+json");

    private final byte[] schema;

    ConfigSchemaController(ConfigurationDescription description) {
        this.schema = new ConfigurationSchema(description).json().getBytes(StandardCharsets.UTF_8);
    }

    @Get(uri = "/config-schema.json", produces = "application/schema+json")
    HttpResponse<byte[]> schema() {
        return HttpResponse.ok(schema).contentType(SCHEMA_JSON);
    }
}
