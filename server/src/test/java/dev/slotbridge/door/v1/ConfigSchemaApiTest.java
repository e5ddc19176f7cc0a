package dev.slotbridge.door.v1;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /config-schema.json} is served without a key and is what an editor checks a file against: each misspelling
 * an operator might make is refused by it, before the server ever sees the file.
 */
@MicronautTest
final class ConfigSchemaApiTest {
    private static final String VALID = """
            slotbridge:
              signing-key: ${SLOTBRIDGE_SIGNING_KEY}
              clients:
                portal:
                  key-sha256: db482aa18f04a0081fa4be0edf7f071924519d5e5f4f1ec8b9307c91d2824f74
                  councils: [lincoln]
                  permissions: [search, book, manage-own]
              councils:
                lincoln:
                  provider: drs
                  settings: {endpoint: "${DRS_URL}", username: slotbridge, password: "${DRS_PASSWORD}", contract: "0"}
                  holds: {ttl: 10m}
                  cache: {ttl: 5m}
            """;

    @Inject
    EmbeddedServer server;

    private Schema served() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                server.getURI().resolve("/config-schema.json")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/schema+json"));
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(answer.body(), InputFormat.JSON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"permissions: [search|permisions: [search", "\n  councils:|\n  stroe: {type: redis}\n  councils:",
            "holds: {ttl|hold: {ttl", "cache: {ttl|cahce: {ttl", "holds: {ttl: 10m}|holds: {tll: 10m}",
            "provider: drs|provder: drs", "password: \"${DRS_PASSWORD}\"|passwrd: \"${DRS_PASSWORD}\"",
            "permissions: [search, book|permissions: [search, bok"})
    void aMisspellingIsRefusedAndTheValidFileAccepted(String misspelling) throws Exception {
        Schema schema = served();
        String[] change = misspelling.split("\\|");
        YAMLMapper yaml = YAMLMapper.builder().build();
        assertThat(schema.validate(yaml.readTree(VALID))).isEmpty();
        assertThat(VALID).contains(change[0]);
        assertThat(schema.validate(yaml.readTree(VALID.replace(change[0], change[1])))).as(change[1]).isNotEmpty();
    }
}
