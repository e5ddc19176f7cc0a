package dev.slotbridge.door.hro;

import dev.slotbridge.config.ConfigSection;
import dev.slotbridge.server.testing.OperatorYaml;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without front ends the HRO routes do not exist; a front end configured wrongly stops start-up, every problem named;
 * managing every booking of the council is an explicit setting.
 */
final class HroConfigurationTest {
    @Test
    void withoutFrontEndsTheRoutesDoNotExist() throws Exception {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of(), "test")) {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    server.getURI().resolve("/authentication?identifier=anything")).POST(HttpRequest.BodyPublishers.noBody())
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).isEqualTo(404);
        }
    }

    @Test
    void aShortSecretABadDigestOrAnUnknownKeyStopStartUp() {
        assertThat(OperatorYaml.problems("""
                slotbridge:
                  signing-key: a-signing-key-of-at-least-32-characters
                  hro:
                    jwt-secret: too-short
                    front-ends:
                      portal:
                        identifier-sha256: not-a-digest
                        council: lincoln
                        max-day: 3
                        manage-all: always
                  councils:
                    lincoln: {provider: sandbox}
                """)).containsExactlyInAnyOrder(
                "slotbridge.hro.jwt-secret: is not a text of at least 32 characters (the value is secret, so not shown)",
                "slotbridge.hro.front-ends.portal.identifier-sha256: 'not-a-digest' is not a SHA-256 hex digest "
                        + "(64 hex digits: printf '%s' \"$KEY\" | sha256sum)",
                "slotbridge.hro.front-ends.portal.max-day: unknown key — did you mean 'max-days'?",
                "slotbridge.hro.front-ends.portal.manage-all: 'always' is not true or false");
    }

    @Test
    void manageAllIsOffUnlessSetInTheFileOrTheEnvironment() {
        String yaml = """
                slotbridge:
                  signing-key: a-signing-key-of-at-least-32-characters
                  hro:
                    jwt-secret: an-hro-secret-of-at-least-32-characters
                    front-ends:
                      portal:
                        identifier-sha256: ddf8b9269584c82033b58a6641cb7c6a0df44c85e78bbb9ea54a32a7d82ccd1c
                        council: lincoln
                      contact-centre:
                        identifier-sha256: 0f8b9269584c82033b58a6641cb7c6a0df44c85e78bbb9ea54a32a7d82ccd1cd
                        council: lincoln
                        manage-all: true
                  councils:
                    lincoln: {provider: sandbox}
                """;
        Map<String, ConfigSection> frontEnds = OperatorYaml.load(yaml).root().section("hro").entries("front-ends");
        assertThat(frontEnds.get("portal").flag("manage-all")).isFalse();
        assertThat(frontEnds.get("contact-centre").flag("manage-all")).isTrue();
        assertThat(OperatorYaml.load(yaml, Map.of("SLOTBRIDGE_HRO_FRONT_ENDS_PORTAL_MANAGE_ALL", "TRUE")).root()
                .section("hro").entries("front-ends").get("portal").flag("manage-all")).isTrue();
    }

    @Test
    void aFrontEndOfAnUnknownCouncilOrWithoutASecretStopsStartUp() {
        assertThat(OperatorYaml.problems("""
                slotbridge:
                  signing-key: a-signing-key-of-at-least-32-characters
                  hro:
                    front-ends:
                      portal:
                        identifier-sha256: ddf8b9269584c82033b58a6641cb7c6a0df44c85e78bbb9ea54a32a7d82ccd1c
                        council: atlantis
                """)).containsExactlyInAnyOrder(
                "slotbridge.hro.front-ends.portal.council: 'atlantis' is not a configured council; configured: []",
                "slotbridge.hro.jwt-secret: is required to serve HRO front ends");
    }
}
