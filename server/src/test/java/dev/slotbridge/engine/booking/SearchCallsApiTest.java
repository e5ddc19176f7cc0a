package dev.slotbridge.engine.booking;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.slotbridge.provider.drs.FakeDrs;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingXPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.slotbridge.server.testing.Api.OPS_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fewer scheduler calls for the tenant to wait on, counted at a DRS fake: identical searches in flight share one
 * {@code checkAvailability} per 7-day chunk ("lincoln", no cache); with {@code cache.ttl} ("cached") a repeated search
 * makes none until the time is up or a write at the property drops it. Configured by
 * {@code operator/search-calls-api.yml}.
 */
@MicronautTest(propertySources = "classpath:operator/search-calls-api.yml")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchCallsApiTest implements TestPropertyProvider {
    private final FakeDrs drs = new FakeDrs();
    private final WireMockServer gateway = FakeDrs.server(drs);

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    TestClock clock;
    Api api;

    /** The DRS fake's endpoint, for the placeholders of {@code operator/search-calls-api.yml}. */
    @Override
    public Map<String, String> getProperties() {
        gateway.start();
        return Map.of("fakes.drs-endpoint", gateway.baseUrl() + FakeDrs.PATH);
    }

    @BeforeEach
    void connect() {
        api = new Api(server.getURI(), json);
        drs.reset();
        gateway.resetRequests();
    }

    @AfterAll
    void stop() {
        gateway.stop();
    }

    private int availabilityCalls() {
        return gateway.findAll(postRequestedFor(urlPathEqualTo(FakeDrs.PATH))
                .withRequestBody(matchingXPath("//*[local-name()='checkAvailability']/checkAvailability"))).size();
    }

    private Reply search(String council, String from, String to) {
        return api.post(OPS_KEY, "/v1/councils/" + council + "/appointment-search", Requests.search(from, to));
    }

    @Test
    void sixtyFourIdenticalSearchesInFlightShareOneCallPerWeek() throws Exception {
        drs.delay("checkAvailability", Duration.ofMillis(1500));
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Reply>> callers = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            callers.add(() -> {
                start.await();
                return search("lincoln", "2026-03-02", "2026-03-15");
            });
        }
        List<Reply> replies = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(64)) {
            List<Future<Reply>> results = callers.stream().map(threads::submit).toList();
            start.countDown();
            for (Future<Reply> result : results) {
                replies.add(result.get());
            }
        }

        assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).isEqualTo(200));
        assertThat(replies).extracting(reply -> reply.list("slots")).containsOnly(replies.getFirst().list("slots"));
        assertThat(availabilityCalls()).as("one per 7-day chunk of the 14 days").isEqualTo(2);
        assertThat(api.get(null, "/prometheus").text()).contains("slotbridge_search_calls_saved_total{council=\"lincoln\",reason=\"coalesced\"} 63.0");
    }

    @Test
    void searchesOneAfterAnotherEachAskWithoutACache() {
        search("lincoln", "2026-03-03", "2026-03-03");
        search("lincoln", "2026-03-03", "2026-03-03");

        assertThat(availabilityCalls()).isEqualTo(2);
    }

    @Test
    void aCachedSearchAsksNothingUntilItsTimeIsUp() {
        List<Map<String, Object>> first = search("cached", "2026-03-04", "2026-03-04").list("slots");
        List<Map<String, Object>> again = search("cached", "2026-03-04", "2026-03-04").list("slots");

        assertThat(again).isEqualTo(first);
        assertThat(availabilityCalls()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(31));
        search("cached", "2026-03-04", "2026-03-04");
        assertThat(availabilityCalls()).as("expired").isEqualTo(2);
    }

    @Test
    void aBookingAtThePropertyDropsItsCachedSlotsAndAStaleSlotIsNeverDoubleBooked() {
        String slotId = (String) search("cached", "2026-03-05", "2026-03-05").list("slots").getFirst().get("slotId");
        assertThat(api.post(OPS_KEY, "/v1/councils/cached/bookings", Requests.book(slotId, "HMS-CACHE-1")).status()).isEqualTo(201);

        List<Map<String, Object>> after = search("cached", "2026-03-05", "2026-03-05").list("slots");

        assertThat(availabilityCalls()).as("the booking dropped the cache").isGreaterThanOrEqualTo(2);
        assertThat(after).extracting(slot -> slot.get("slotId")).doesNotContain(slotId);
        Reply again = api.post(OPS_KEY, "/v1/councils/cached/bookings", Requests.book(slotId, "HMS-CACHE-2"));
        assertThat(again.status()).as("the scheduler is asked at booking").isEqualTo(409);
    }
}
