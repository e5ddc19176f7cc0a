package dev.slotbridge.door.v1;

import dev.slotbridge.server.testing.Api.Reply;
import dev.slotbridge.server.testing.Requests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.Map;

import static dev.slotbridge.door.v1.ProblemAssertions.assertProblem;
import static dev.slotbridge.server.testing.Api.DEMO_KEY;
import static dev.slotbridge.server.testing.Api.OPS_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/** Keys, councils and capabilities: 401, 403, 404 and 501, and what /v1/councils shows each client. */
@MicronautTest
final class CouncilAccessApiTest extends ApiTestBase {

    @Test
    void theDemoKeySeesOnlyTheSandbox() {
        Reply reply = api.get(DEMO_KEY, "/v1/councils");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.list("councils")).containsExactly(Map.of("id", "sandbox", "name", "Sandbox Borough Council",
                "provider", "sandbox",
                "capabilities", java.util.List.of("SEARCH", "BOOK", "VIEW", "LIST", "RESCHEDULE", "CANCEL", "FIND_BY_REFERENCE", "HOLD"),
                "holdsKeptBy", "scheduler"));
    }

    @Test
    void anotherKeySeesItsOwnCouncilsWithTheirCapabilities() {
        Reply reply = api.get(OPS_KEY, "/v1/councils");

        assertThat(reply.list("councils")).extracting(c -> c.get("id"))
                .containsExactlyInAnyOrder("sandbox", "roomy", "scripted", "searchonly");
        assertThat(reply.list("councils")).filteredOn(c -> c.get("id").equals("searchonly"))
                .extracting(c -> c.get("capabilities")).containsExactly(java.util.List.of("SEARCH"));
        assertThat(reply.text()).doesNotContain("settings").doesNotContain("capacity");
    }

    @Test
    void noKeyAWrongKeyOrAnotherSchemeIsUnauthenticated() {
        assertProblem(api.get(null, "/v1/councils"), 401, "unauthenticated");
        assertProblem(api.get("wrong-key", "/v1/councils"), 401, "unauthenticated");
        Reply basic = api.send(null, HttpRequest.newBuilder(server.getURI().resolve("/v1/councils"))
                .header("Authorization", "Basic c2FuZGJveC1kZW1vLWtleQ=="), Map.of());
        assertProblem(basic, 401, "unauthenticated");
        assertThat(basic.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertProblem(api.post(null, "/v1/councils/sandbox/appointment-search",
                Requests.search("2026-03-02", "2026-03-06")), 401, "unauthenticated");
    }

    @Test
    void theKeyIsRequiredOnV1AndEveryPathUnderItOnly() {
        assertProblem(api.get(null, "/v1"), 401, "unauthenticated");
        assertProblem(api.get(null, "/v1/no-such-thing"), 401, "unauthenticated");
        assertProblem(api.get(null, "/v1x/councils"), 404, "not-found");
        assertThat(api.get(null, "/health").status()).isEqualTo(200);
    }

    @Test
    void anUnknownCouncilIsNotFoundWhateverTheKey() {
        assertProblem(api.get(DEMO_KEY, "/v1/councils/atlantis/bookings?propertyRef=1"), 404, "council-not-found");
        assertProblem(api.post(OPS_KEY, "/v1/councils/atlantis/appointment-search",
                Requests.search("2026-03-02", "2026-03-06")), 404, "council-not-found");
    }

    @Test
    void aCouncilTheKeyMayNotUseIsForbidden() {
        assertProblem(api.post(DEMO_KEY, "/v1/councils/roomy/appointment-search",
                Requests.search("2026-03-02", "2026-03-06")), 403, "forbidden");
        assertProblem(api.get(DEMO_KEY, "/v1/councils/roomy/bookings?propertyRef=1"), 403, "forbidden");
    }

    @Test
    void anOperationTheProviderLacksIsNotSupported() {
        assertThat(api.post(OPS_KEY, "/v1/councils/searchonly/appointment-search",
                Requests.search("2026-03-02", "2026-03-06")).status()).isEqualTo(200);

        assertProblem(api.post(OPS_KEY, "/v1/councils/searchonly/bookings", Requests.book("x", "HMS-1")),
                501, "capability-not-supported");
        assertProblem(api.get(OPS_KEY, "/v1/councils/searchonly/bookings/x"), 501, "capability-not-supported");
        assertProblem(api.get(OPS_KEY, "/v1/councils/searchonly/bookings?propertyRef=1"), 501, "capability-not-supported");
        assertProblem(api.post(OPS_KEY, "/v1/councils/searchonly/bookings/x/reschedule", Map.of("slotId", "x")),
                501, "capability-not-supported");
        assertProblem(api.post(OPS_KEY, "/v1/councils/searchonly/bookings/x/cancel", Map.of("reason", "x")),
                501, "capability-not-supported");
    }
}
