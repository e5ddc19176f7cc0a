package dev.slotbridge.door.v1;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.slotbridge.server.testing.Api.Reply;
import dev.slotbridge.server.testing.Requests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.slotbridge.door.v1.ProblemAssertions.assertProblem;
import static dev.slotbridge.server.testing.Api.OPS_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/** A council on the built-in ServiceMobility provider, through the API. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class ServiceMobilityCouncilApiTest extends ApiTestBase implements TestPropertyProvider {
    private static final String TOKEN = "eyJ.secret-jwt.value";
    private final WireMockServer backend = new WireMockServer(options().dynamicPort());

    @Override
    public Map<String, String> getProperties() {
        backend.start();
        return Map.of(
                "slotbridge.clients.ops.councils", "servicemob",
                "slotbridge.councils.servicemob.provider", "servicemobility",
                "slotbridge.councils.servicemob.settings.appointment-search-url", backend.baseUrl() + "/search",
                "slotbridge.councils.servicemob.settings.book-job-url", backend.baseUrl() + "/wo/{0}/followup",
                "slotbridge.councils.servicemob.settings.access-token", TOKEN);
    }

    @AfterAll
    void stop() {
        backend.stop();
    }

    @Test
    void itOffersSearchBookAndHoldsInSlotbridgesStoreAndTheRestIsNotSupported() {
        Reply councils = api.get(OPS_KEY, "/v1/councils");

        assertThat(councils.list("councils")).singleElement().satisfies(council -> assertThat(council)
                .containsEntry("provider", "servicemobility").containsEntry("capabilities", List.of("SEARCH", "BOOK", "HOLD"))
                .containsEntry("holdsKeptBy", "slotbridge"));
        assertThat(councils.text()).doesNotContain(TOKEN);
        assertProblem(api.get(OPS_KEY, "/v1/councils/servicemob/bookings?propertyRef=1"), 501, "capability-not-supported");
        assertProblem(api.post(OPS_KEY, "/v1/councils/servicemob/bookings/x/cancel", Map.of("reason", "r")),
                501, "capability-not-supported");
    }

    @Test
    void aRejectedAccessTokenIs502SayingTheCredentialsWereRefused() {
        backend.stubFor(post(urlPathEqualTo("/search")).willReturn(aResponse().withStatus(401).withBody("Invalid Logon")));

        Reply reply = api.post(OPS_KEY, "/v1/councils/servicemob/appointment-search", Requests.search("2026-03-02", "2026-03-06"));

        assertProblem(reply, 502, "scheduler-error");
        assertThat(reply.string("detail")).contains("refused the credentials configured for this council")
                .doesNotContain("access token");
        assertThat(reply.text()).doesNotContain(TOKEN).doesNotContain("Invalid Logon");
    }
}
