package dev.slotbridge.server.compat.hro;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Without front ends the HRO routes do not exist; a front end configured wrongly stops start-up, every problem named. */
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
    void aShortSecretAnUnknownCouncilAndABadDigestStopStartUp() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("slotbridge.hro.jwt-secret", "too-short",
                "slotbridge.hro.front-ends.portal.identifier-sha256", "not-a-digest",
                "slotbridge.hro.front-ends.portal.council", "atlantis"), "test"))
                .hasStackTraceContaining("slotbridge.hro.jwt-secret: at least 32 characters")
                .hasStackTraceContaining("slotbridge.hro.front-ends.portal.identifier-sha256: must be the SHA-256")
                .hasStackTraceContaining("slotbridge.hro.front-ends.portal.council: must name a configured council");
    }

    @Test
    void anUnknownFrontEndKeyStopsStartUp() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("slotbridge.councils.lincoln.provider", "sandbox",
                "slotbridge.hro.front-ends.portal.max-day", "3"), "test"))
                .hasStackTraceContaining("slotbridge.hro.front-ends.portal.max-day: unknown key");
    }
}
