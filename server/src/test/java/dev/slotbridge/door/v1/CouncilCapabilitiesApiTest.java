package dev.slotbridge.door.v1;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.slotbridge.provider.connect.FakeConnect;
import dev.slotbridge.provider.drs.FakeDrs;
import dev.slotbridge.server.testing.Api.Reply;
import dev.slotbridge.server.testing.Api;
import dev.slotbridge.server.testing.Requests;
import dev.slotbridge.server.testing.ScriptedProvider;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.slotbridge.door.v1.ProblemAssertions.assertProblem;
import static dev.slotbridge.server.testing.Api.OPS_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /v1/councils} lists exactly what the API serves: at every council of the test configuration — the sandbox,
 * scripted schedulers with fewer operations, DRS and Connect on their fakes — each listed operation is carried out
 * through its route (search, hold and release, book, view, list, reschedule, cancel), and each unlisted one is 501
 * {@code capability-not-supported}. A hold is listed wherever the scheduler searches and books, kept by the scheduler
 * or, as on Connect, in Slotbridge's store ({@code holdsKeptBy}). Configured by {@code operator/council-capabilities.yml}.
 */
@MicronautTest(propertySources = "classpath:operator/council-capabilities.yml")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class CouncilCapabilitiesApiTest implements TestPropertyProvider {
    private static final String DAY = "2026-04-07";
    /** A provider page's capability line: "All capabilities: SEARCH, BOOK, ... and HOLD". */
    private static final Pattern CAPABILITIES_LINE = Pattern.compile(
            "[Cc]apabilities: ([A-Z_]+(?:(?:,\\s*|\\s+and\\s+)[A-Z_]+)*)");

    final FakeDrs drs = new FakeDrs();
    final WireMockServer gateway = FakeDrs.server(drs);
    final FakeConnect connect = new FakeConnect();
    final WireMockServer connectServer = FakeConnect.server(connect);

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @Override
    public Map<String, String> getProperties() {
        gateway.start();
        connectServer.start();
        return Map.of("fakes.drs-endpoint", gateway.baseUrl() + FakeDrs.PATH,
                "fakes.connect-base-url", connectServer.baseUrl() + FakeConnect.BASE);
    }

    @AfterAll
    void stop() {
        gateway.stop();
        connectServer.stop();
    }

    @Test
    void eachCouncilListsWhatItsRoutesServe() {
        Api api = new Api(server.getURI(), json);
        List<Map<String, Object>> councils = api.get(OPS_KEY, "/v1/councils").list("councils");

        Map<Object, Object> listed = new HashMap<>();
        councils.forEach(council -> listed.put(council.get("id"), List.of(council.get("capabilities"), String.valueOf(council.get("holdsKeptBy")))));
        List<String> all = List.of("SEARCH", "BOOK", "VIEW", "LIST", "RESCHEDULE", "CANCEL", "FIND_BY_REFERENCE", "HOLD");
        List<String> managed = List.of("SEARCH", "BOOK", "VIEW", "LIST", "RESCHEDULE", "CANCEL", "HOLD");
        assertThat(listed).containsOnly(
                Map.entry("sandbox", List.of(all, "scheduler")),
                Map.entry("roomy", List.of(all, "scheduler")),
                Map.entry("lincoln", List.of(all, "scheduler")),
                Map.entry("leeds", List.of(all, "slotbridge")),
                Map.entry("scripted", List.of(managed, "slotbridge")),
                Map.entry("searchonly", List.of(List.of("SEARCH"), "null")),
                Map.entry("bookonly", List.of(List.of("BOOK"), "null")));

        for (Map<String, Object> council : councils) {
            @SuppressWarnings("unchecked")
            List<String> capabilities = (List<String>) council.get("capabilities");
            new Routes(api, (String) council.get("id"), capabilities).check();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachBuiltInProvidersPageSaysWhatItsCouncilsList() throws IOException {
        Api api = new Api(server.getURI(), json);
        for (Map<String, Object> council : api.get(OPS_KEY, "/v1/councils").list("councils")) {
            String provider = (String) council.get("provider");
            if (provider.equals("scripted")) {
                continue;
            }
            String page = Files.readString(Path.of("../docs/providers/" + provider + ".md"));
            String head = page.substring(0, page.indexOf("## Settings"));
            Matcher said = CAPABILITIES_LINE.matcher(head);
            assertThat(said.find()).as(provider + ".md says its capabilities").isTrue();
            assertThat(List.<Object>of(said.group(1).split(",\\s*|\\s+and\\s+")))
                    .as(provider + ".md").containsExactlyInAnyOrderElementsOf((List<Object>) council.get("capabilities"));
            assertThat(head).as(provider + ".md").contains("\"holdsKeptBy\": \"" + council.get("holdsKeptBy") + "\"");
        }
    }

    /**
     * Each operation of the API at one council, carried out when listed, refused when not. The scripted scheduler keeps
     * no bookings: there a listed operation on a booking is served when it reaches the scheduler, which answers 404.
     */
    private record Routes(Api api, String council, List<String> listed) {
        void check() {
            String base = "/v1/councils/" + council;
            String externalRef = "HMS-CAP-" + council;
            Map<String, Object> search = Requests.search(DAY, DAY);
            search.put("externalRef", externalRef);
            Reply found = served("SEARCH", () -> api.post(OPS_KEY, base + "/appointment-search", search), 200);
            List<String> slots = found.status() != 200 ? List.of("unused", "unused")
                    : found.list("slots").stream().map(slot -> (String) slot.get("slotId")).toList();
            assertThat(slots).as(council + ": two slots to book and move to").hasSizeGreaterThanOrEqualTo(2);

            Reply held = served("HOLD", () -> api.post(OPS_KEY, base + "/holds",
                    Map.of("slotId", slots.get(0), "job", Requests.job(externalRef))), 201);
            String holdId = held.status() == 201 ? held.string("holdId") : "unused";
            served("HOLD", () -> api.send(OPS_KEY, HttpRequest.newBuilder(api.uri(base + "/holds/" + holdId)).DELETE(),
                    Map.of()), 204);

            // without a search no slot id is issued: a booking still passes the capability check, to the slot id's
            Reply booked = served("BOOK", () -> api.post(OPS_KEY, base + "/bookings", Requests.book(slots.get(0), externalRef)),
                    listed.contains("SEARCH") ? 201 : 400);
            String ref = booked.status() == 201 ? booked.string("bookingRef") : "unused";
            served("VIEW", () -> api.get(OPS_KEY, base + "/bookings/" + ref), 200);
            Reply list = served("LIST", () -> api.get(OPS_KEY, base + "/bookings?propertyRef=" + Requests.PROPERTY), 200);
            if (list.status() == 200 && booked.status() == 201 && ScriptedProvider.of(council) == null) {
                assertThat(list.list("bookings")).as(council).anySatisfy(b -> assertThat(b).containsEntry("bookingRef", ref));
            }
            served("RESCHEDULE", () -> api.post(OPS_KEY, base + "/bookings/" + ref + "/reschedule",
                    Map.of("slotId", slots.get(1))), 200);
            served("CANCEL", () -> api.post(OPS_KEY, base + "/bookings/" + ref + "/cancel", Map.of("reason", "done")), 200);
        }

        /** Listed: the operation answered {@code status}. Not listed: 501, and the scheduler was not asked. */
        private Reply served(String capability, Supplier<Reply> call, int status) {
            ScriptedProvider scripted = ScriptedProvider.of(council);
            int before = scripted == null ? 0 : scripted.calls();
            Reply reply = call.get();
            if (!listed.contains(capability)) {
                assertProblem(reply, 501, "capability-not-supported");
                assertThat(scripted == null ? 0 : scripted.calls()).as(council + ": not asked").isEqualTo(before);
            } else if (scripted != null && reply.status() == 404) {
                assertProblem(reply, 404, "booking-not-found");
                assertThat(scripted.calls()).as(council + " lists " + capability + ": the scheduler was asked")
                        .isGreaterThan(before);
            } else {
                assertThat(reply.status()).as(council + " lists " + capability + ": " + reply.text()).isEqualTo(status);
            }
            return reply;
        }
    }
}
