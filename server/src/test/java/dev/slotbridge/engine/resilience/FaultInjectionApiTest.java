package dev.slotbridge.engine.resilience;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.slotbridge.server.testing.Api.Reply;
import dev.slotbridge.server.testing.Api;
import dev.slotbridge.server.testing.Requests;
import dev.slotbridge.tck.TestClock;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.slotbridge.door.v1.ProblemAssertions.assertProblem;
import static dev.slotbridge.server.testing.Api.OPS_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults injected at a scheduler played by WireMock, observed through the real HTTP server. Each scenario has its own
 * council, so circuits and bulkheads do not leak between tests.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class FaultInjectionApiTest implements TestPropertyProvider {
    private static final String SLOTS = "[{\"id\":\"S1\",\"start\":\"2026-03-02T08:00:00Z\",\"end\":\"2026-03-02T12:00:00Z\","
            + "\"label\":\"AM\"},{\"id\":\"S2\",\"start\":\"2026-03-02T12:00:00Z\",\"end\":\"2026-03-02T16:00:00Z\"}]";
    private static final String BOOKED = "{\"id\":\"B-1\",\"start\":\"2026-03-02T08:00:00Z\",\"end\":\"2026-03-02T12:00:00Z\","
            + "\"propertyRef\":\"3670010\",\"externalRef\":\"%s\"}";
    private static final List<String> COUNCILS =
            List.of("slow", "hung", "steady", "broken", "reset", "garbled", "lossy", "unsure", "refused", "elsewhere");
    private static final Duration TIMEOUT = Duration.ofMillis(400);

    private final WireMockServer scheduler = new WireMockServer(options().dynamicPort().containerThreads(60));

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    TestClock clock;
    Api api;

    @Override
    public Map<String, String> getProperties() {
        scheduler.start();
        Map<String, String> properties = new HashMap<>();
        properties.put("slotbridge.clients.ops.councils", "sandbox," + String.join(",", COUNCILS));
        for (String council : COUNCILS) {
            String prefix = "slotbridge.councils." + council;
            properties.put(prefix + ".provider", "wiremock");
            properties.put(prefix + ".settings.base-url", council.equals("refused")
                    ? "http://127.0.0.1:9" : scheduler.baseUrl() + "/" + council);
            properties.put(prefix + ".resilience.timeout", TIMEOUT.toMillis() + "ms");
            properties.put(prefix + ".resilience.circuit-breaker.sliding-window-size", "4");
            properties.put(prefix + ".resilience.circuit-breaker.minimum-number-of-calls", "4");
            properties.put(prefix + ".resilience.bulkhead.max-concurrent-calls", "4");
        }
        // the lookups that fail in the unsure scenario must not open its circuit before the repeat checks again
        properties.put("slotbridge.councils.unsure.resilience.circuit-breaker.sliding-window-size", "20");
        properties.put("slotbridge.councils.unsure.resilience.circuit-breaker.minimum-number-of-calls", "20");
        return properties;
    }

    @BeforeEach
    void connect() {
        api = new Api(server.getURI(), json);
    }

    @AfterAll
    void stopScheduler() {
        scheduler.stop();
    }

    private Reply search(String council) {
        return api.post(OPS_KEY, "/v1/councils/" + council + "/appointment-search", Requests.search("2026-03-02", "2026-03-02"));
    }

    private int calls(String path) {
        return scheduler.findAll(getRequestedFor(urlPathEqualTo(path))).size()
                + scheduler.findAll(postRequestedFor(urlPathEqualTo(path))).size();
    }

    @Test
    void aSlowSchedulerIs504WithinTheTimeLimitsPlusAMargin() {
        scheduler.stubFor(WireMock.get(urlPathEqualTo("/slow/slots")).willReturn(okJson(SLOTS).withFixedDelay(3_000)));

        long started = System.nanoTime();
        Reply reply = search("slow");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertProblem(reply, 504, "scheduler-timeout");
        // three attempts of at most 400 ms, with millisecond backoff, and a margin for the machine
        assertThat(took).isGreaterThanOrEqualTo(TIMEOUT.multipliedBy(3)).isLessThan(TIMEOUT.multipliedBy(3).plusMillis(900));
        assertThat(calls("/slow/slots")).isEqualTo(3);
    }

    @Test
    void aHungCouncilDoesNotDelayAnother() throws Exception {
        scheduler.stubFor(WireMock.get(urlPathEqualTo("/hung/slots")).willReturn(okJson(SLOTS).withFixedDelay(3_000)));
        scheduler.stubFor(WireMock.get(urlPathEqualTo("/steady/slots")).willReturn(okJson(SLOTS)));
        search("steady");

        List<Duration> steady = new ArrayList<>();
        List<Integer> slowStatuses = new ArrayList<>();
        long slowStarted = System.nanoTime();
        try (ExecutorService callers = Executors.newFixedThreadPool(8)) {
            List<Future<Integer>> slow = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                slow.add(callers.submit(() -> search("hung").status()));
            }
            for (int i = 0; i < 10; i++) {
                long started = System.nanoTime();
                assertThat(search("steady").status()).isEqualTo(200);
                steady.add(Duration.ofNanos(System.nanoTime() - started));
            }
            for (Future<Integer> status : slow) {
                slowStatuses.add(status.get());
            }
        }
        Duration slowTook = Duration.ofNanos(System.nanoTime() - slowStarted);

        // the first timeouts open the hung council's circuit and fill its bulkhead: its callers get 504 or 503 fast
        assertThat(slowStatuses).allSatisfy(status -> assertThat(status).isIn(503, 504));
        assertThat(slowTook).isGreaterThanOrEqualTo(TIMEOUT);
        assertThat(steady).allSatisfy(took -> assertThat(took).isLessThan(Duration.ofMillis(300)));
    }

    @Test
    void repeated500sAre502ThenTheCircuitOpensAnd503UntilTheWaitIsOver() {
        scheduler.stubFor(WireMock.get(urlPathEqualTo("/broken/slots")).willReturn(serverError()));

        assertProblem(search("broken"), 502, "scheduler-error");
        Reply opened = search("broken");
        assertProblem(opened, 503, "scheduler-unavailable");
        assertThat(opened.header("Retry-After")).isEqualTo("30");
        int callsWhenOpen = calls("/broken/slots");
        assertProblem(search("broken"), 503, "scheduler-unavailable");
        assertThat(calls("/broken/slots")).as("an open circuit calls nobody").isEqualTo(callsWhenOpen);
        assertThat(councilHealth("broken")).containsEntry("status", "DOWN").containsEntry("circuit", "OPEN");
        assertThat(api.get(null, "/health/readiness").body()).containsEntry("status", "UP");
        assertThat(api.get(null, "/health/liveness").status()).isEqualTo(200);

        scheduler.stubFor(WireMock.get(urlPathEqualTo("/broken/slots")).willReturn(okJson(SLOTS)));
        clock.advance(Duration.ofSeconds(31));

        assertThat(search("broken").status()).isEqualTo(200);
        assertThat(councilHealth("broken")).containsEntry("status", "UP");
    }

    @Test
    void aResetConnectionIsRetriedForReadsThen502() {
        scheduler.stubFor(WireMock.get(urlPathEqualTo("/reset/slots"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertProblem(search("reset"), 502, "scheduler-error");
        assertThat(calls("/reset/slots")).isEqualTo(3);
    }

    @Test
    void aMalformedBodyIs502AndNotRetried() {
        scheduler.stubFor(WireMock.get(urlPathEqualTo("/garbled/slots"))
                .willReturn(aResponse().withStatus(200).withBody("<html>Service Temporarily Unavailable</html>")));

        Reply reply = search("garbled");

        assertProblem(reply, 502, "scheduler-error");
        assertThat(reply.text()).doesNotContain("Temporarily");
        assertThat(calls("/garbled/slots")).isEqualTo(1);
    }

    @Test
    void aBookingWhoseAnswerIsLostIsReconciledAndBookedExactlyOnce() {
        scheduler.stubFor(WireMock.get(urlPathEqualTo("/lossy/slots")).willReturn(okJson(SLOTS)));
        scheduler.stubFor(post(urlPathEqualTo("/lossy/bookings")).inScenario("lost answer")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("booked")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        scheduler.stubFor(WireMock.get(urlPathEqualTo("/lossy/bookings")).inScenario("lost answer")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(okJson("[]")));
        scheduler.stubFor(WireMock.get(urlPathEqualTo("/lossy/bookings")).inScenario("lost answer")
                .whenScenarioStateIs("booked").willReturn(okJson("[" + BOOKED.formatted("HMS-LOST") + "]")));
        String slotId = (String) search("lossy").list("slots").getFirst().get("slotId");
        Map<String, String> key = Map.of("Idempotency-Key", "lost-1");

        Reply first = api.post(OPS_KEY, "/v1/councils/lossy/bookings", Requests.book(slotId, "HMS-LOST"), key);
        Reply repeat = api.post(OPS_KEY, "/v1/councils/lossy/bookings", Requests.book(slotId, "HMS-LOST"), key);

        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(first.map("providerRefs")).containsEntry("bookingId", "B-1");
        assertThat(repeat.body()).isEqualTo(first.body());
        scheduler.verify(1, postRequestedFor(urlPathEqualTo("/lossy/bookings"))
                .withRequestBody(matchingJsonPath("$.externalRef", equalTo("HMS-LOST"))));
        assertThat(prometheus()).contains("slotbridge_bookings_reconciliations_total{council=\"lossy\",result=\"booked\"} 1.0")
                .contains("slotbridge_idempotency_replays_total{council=\"lossy\"} 1.0");
    }

    @Test
    void aLostAnswerWhoseOrderIsBookedInAnotherSlotIsNotReportedBooked() {
        scheduler.stubFor(WireMock.get(urlPathEqualTo("/elsewhere/slots")).willReturn(okJson(SLOTS)));
        scheduler.stubFor(post(urlPathEqualTo("/elsewhere/bookings"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        scheduler.stubFor(WireMock.get(urlPathEqualTo("/elsewhere/bookings"))
                .willReturn(okJson("[" + BOOKED.formatted("HMS-ELSEWHERE") + "]")));
        String secondSlot = (String) search("elsewhere").list("slots").get(1).get("slotId");
        Map<String, String> key = Map.of("Idempotency-Key", "elsewhere-1");

        Reply answer = api.post(OPS_KEY, "/v1/councils/elsewhere/bookings", Requests.book(secondSlot, "HMS-ELSEWHERE"), key);

        assertProblem(answer, 502, "scheduler-error");
        assertThat(answer.string("detail")).contains("nothing is booked").contains("safe");
        assertThat(prometheus())
                .contains("slotbridge_bookings_reconciliations_total{council=\"elsewhere\",result=\"not_booked\"} 1.0");
    }

    @Test
    void anOutcomeThatCannotBeCheckedIs504AndARepeatChecksBeforeBooking() {
        scheduler.stubFor(WireMock.get(urlPathEqualTo("/unsure/slots")).willReturn(okJson(SLOTS)));
        scheduler.stubFor(post(urlPathEqualTo("/unsure/bookings"))
                .willReturn(okJson(BOOKED.formatted("HMS-UNSURE")).withFixedDelay(3_000)));
        scheduler.stubFor(WireMock.get(urlPathEqualTo("/unsure/bookings")).willReturn(serverError()));
        String slotId = (String) search("unsure").list("slots").getFirst().get("slotId");
        Map<String, String> key = Map.of("Idempotency-Key", "unsure-1");

        Reply unknown = api.post(OPS_KEY, "/v1/councils/unsure/bookings", Requests.book(slotId, "HMS-UNSURE"), key);

        assertProblem(unknown, 504, "scheduler-timeout");
        assertThat(unknown.string("detail")).contains("may or may not have been made").contains("same Idempotency-Key");

        scheduler.stubFor(WireMock.get(urlPathEqualTo("/unsure/bookings")).willReturn(okJson("[" + BOOKED.formatted("HMS-UNSURE") + "]")));
        Reply repeat = api.post(OPS_KEY, "/v1/councils/unsure/bookings", Requests.book(slotId, "HMS-UNSURE"), key);

        assertThat(repeat.status()).as(repeat.text()).isEqualTo(201);
        scheduler.verify(1, postRequestedFor(urlPathEqualTo("/unsure/bookings")));
    }

    @Test
    void aRefusedConnectionIsRetriedEvenForABookingAndCounted() {
        // the slot id is signed by this server for this council, so it can be made without a search
        scheduler.stubFor(WireMock.get(urlPathEqualTo("/steady/slots")).willReturn(okJson(SLOTS)));

        assertProblem(search("refused"), 502, "scheduler-error");
        assertThat(prometheus())
                .contains("slotbridge_scheduler_retries_total{council=\"refused\",operation=\"search\",provider=\"wiremock\"} 2.0")
                .contains("slotbridge_scheduler_calls_seconds_count{council=\"refused\",operation=\"search\",outcome=\"error\",provider=\"wiremock\"} 3");
    }

    @Test
    void everyCallIsTimedWithAHistogramAndNoReferencesInTags() {
        scheduler.stubFor(WireMock.get(urlPathEqualTo("/steady/slots")).willReturn(okJson(SLOTS)));
        search("steady");

        String metrics = prometheus();

        assertThat(metrics).contains("slotbridge_scheduler_calls_seconds_bucket{council=\"steady\",operation=\"search\",outcome=\"success\",provider=\"wiremock\",le=")
                .contains("slotbridge_scheduler_circuit_state{council=\"steady\",state=\"closed\"} 1.0")
                .contains("http_server_requests_seconds_count{exception=\"none\",method=\"POST\",status=\"200\",uri=\"/v1/councils/{council}/appointment-search\"}")
                .doesNotContain(Requests.PROPERTY);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> councilHealth(String council) {
        Map<String, Object> readiness = api.get(OPS_KEY, "/health/readiness").body();
        Map<String, Object> councils = (Map<String, Object>) ((Map<String, Object>) readiness.get("details")).get("councils");
        return (Map<String, Object>) ((Map<String, Object>) councils.get("details")).get(council);
    }

    private String prometheus() {
        return api.get(null, "/prometheus").text();
    }
}
