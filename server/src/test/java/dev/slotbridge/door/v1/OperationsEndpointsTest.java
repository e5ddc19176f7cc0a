package dev.slotbridge.door.v1;

import dev.slotbridge.server.testing.Api.Reply;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.slotbridge.server.testing.Api.OPS_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/** Health, metrics and the API description need no key. */
@MicronautTest
final class OperationsEndpointsTest extends ApiTestBase {

    @Test
    void healthLivenessAndReadinessAreUp() {
        for (String path : new String[]{"/health", "/health/liveness", "/health/readiness"}) {
            Reply reply = api.get(null, path);
            assertThat(reply.status()).as(path).isEqualTo(200);
            assertThat(reply.body()).as(path).containsEntry("status", "UP");
        }
    }

    @Test
    void healthDetailsAreForCallersWithAKeyAndNeverShowTheDisk() {
        Reply stranger = api.get(null, "/health/readiness");
        Reply operator = api.get(OPS_KEY, "/health");

        assertThat(stranger.body()).containsEntry("status", "UP").containsEntry("details", null);
        assertThat(api.get("wrong-key", "/health").body()).containsEntry("details", null);
        assertThat(operator.map("details")).containsKey("councils").doesNotContainKey("diskSpace");
    }

    @Test
    void aKeyAmongTwoAuthorizationHeadersShowsNoHealthDetails() {
        Reply twice = api.send(null, java.net.http.HttpRequest.newBuilder(api.uri("/health"))
                .header("Authorization", "Bearer " + OPS_KEY).header("Authorization", "Bearer wrong-key"), Map.of());

        assertThat(twice.status()).isEqualTo(200);
        assertThat(twice.body()).containsEntry("status", "UP").containsEntry("details", null);
    }

    @Test
    void prometheusServesTextFormat() {
        api.get(null, "/health");

        Reply reply = api.get(null, "/prometheus");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("text/plain");
        assertThat(reply.text()).contains("# TYPE jvm_memory_used_bytes gauge");
    }

    @Test
    void theOpenApiDocumentDescribesTheContract() throws java.io.IOException {
        Reply reply = api.get(null, "/openapi.yml");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text()).as("what the tests validate every exchange against")
                .isEqualTo(new String(getClass().getResourceAsStream("/META-INF/slotbridge/openapi.yml").readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8));
        assertThat(reply.text()).startsWith("openapi: 3")
                .contains("/v1/councils/{council}/appointment-search:")
                .contains("/v1/councils/{council}/bookings/{bookingRef}/reschedule:")
                .contains("/v1/councils/{council}/bookings/{bookingRef}/cancel:")
                .contains("Idempotency-Key")
                .contains("scheme: bearer");
    }

    @Test
    void docsLeadToTheBrowsableView() {
        Reply docs = api.get(null, "/docs");
        assertThat(docs.status()).isEqualTo(303);

        Reply page = api.get(null, docs.header("Location"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("swagger-ui").contains("openapi.yml");
    }
}
