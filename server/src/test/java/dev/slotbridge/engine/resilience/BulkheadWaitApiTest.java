package dev.slotbridge.engine.resilience;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.slotbridge.server.testing.Api.Reply;
import dev.slotbridge.server.testing.Api;
import dev.slotbridge.server.testing.Requests;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.slotbridge.door.v1.ProblemAssertions.assertProblem;
import static dev.slotbridge.server.testing.Api.OPS_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A burst is a queue, not an outage: through the real server, a provider making one scheduler exchange per search,
 * behind a bulkhead of two calls with {@code max-wait: 2s} ({@code operator/bulkhead-wait-api.yml}). Callers that find
 * it full wait their turn; only when no permit comes free in time are they refused, as 503 {@code council-busy},
 * never later than their deadline.
 */
@MicronautTest(propertySources = "classpath:operator/bulkhead-wait-api.yml")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class BulkheadWaitApiTest implements TestPropertyProvider {
    private static final String SLOTS = "[{\"id\":\"S1\",\"start\":\"2026-03-02T08:00:00Z\",\"end\":\"2026-03-02T12:00:00Z\","
            + "\"label\":\"AM\"}]";
    private static final Duration MAX_WAIT = Duration.ofSeconds(2);

    /** Searches that reached the scheduler of council {@code booked}, as soon as WireMock matched them. */
    private final Semaphore bookedSearchesArrived = new Semaphore(0);
    private final WireMockServer scheduler = new WireMockServer(options().dynamicPort().containerThreads(40)
            .extensions(new ServeEventListener() {
                @Override
                public void afterMatch(ServeEvent event, Parameters parameters) {
                    if (event.getRequest().getUrl().startsWith("/booked/slots")) {
                        bookedSearchesArrived.release();
                    }
                }

                @Override
                public String getName() {
                    return "arrivals";
                }
            }));

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    Api api;

    @Override
    public Map<String, String> getProperties() {
        scheduler.start();
        return Map.of("fakes.scheduler-url", scheduler.baseUrl());
    }

    /**
     * One search first, answered at once: the timings below are of a server (and a checker of the exchanges against
     * the OpenAPI document) already loaded, not of the first request's class loading.
     */
    @BeforeAll
    void warmUp() {
        api = new Api(server.getURI(), json);
        scheduler.stubFor(WireMock.get(urlPathEqualTo("/burst/slots")).willReturn(okJson(SLOTS)));
        assertThat(search("burst", 0).status()).isEqualTo(200);
    }

    @AfterAll
    void stopScheduler() {
        scheduler.stop();
    }

    /** A search for a property of its own: identical searches in flight would share one scheduler call. */
    private Reply search(String council, int property) {
        Map<String, Object> body = Requests.search("2026-03-02", "2026-03-02");
        body.put("propertyRef", "P-" + property);
        return api.post(OPS_KEY, "/v1/councils/" + council + "/appointment-search", body);
    }

    /** An answer, and how long after the request was sent it came. */
    private record Timed(Reply reply, Duration took) {
    }

    private static Callable<Timed> timed(CountDownLatch go, Callable<Reply> request) {
        return () -> {
            go.await();
            long started = System.nanoTime();
            Reply reply = request.call();
            return new Timed(reply, Duration.ofNanos(System.nanoTime() - started));
        };
    }

    /** The waits counted; none while the timer is absent (it exists from the council's first wait). */
    private double waits(String council, String outcome) {
        String line = "slotbridge_bulkhead_wait_seconds_count{council=\"" + council + "\",outcome=\"" + outcome + "\"} ";
        return api.get(null, "/prometheus").text().lines().filter(text -> text.startsWith(line))
                .mapToDouble(text -> Double.parseDouble(text.substring(line.length()))).findFirst().orElse(0);
    }

    @Test
    @Timeout(30)
    void tenConcurrentSearchesThroughTwoPermitsAllAnswer200() throws Exception {
        scheduler.stubFor(WireMock.get(urlPathEqualTo("/burst/slots")).willReturn(okJson(SLOTS).withFixedDelay(200)));
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Timed>> answers = new ArrayList<>();

        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 10; i++) {
                int property = i;
                answers.add(callers.submit(timed(go, () -> search("burst", property))));
            }
            go.countDown();
        }

        for (Future<Timed> answer : answers) {
            Reply reply = answer.get().reply();
            assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        }
        assertThat(scheduler.findAll(getRequestedFor(urlPathEqualTo("/burst/slots")))).as("one exchange each, and the "
                + "warm-up's").hasSize(11);
        assertThat(waits("burst", "acquired")).as("ten calls through two permits: most waited their turn")
                .isGreaterThanOrEqualTo(4);
        assertThat(waits("burst", "refused")).isZero();
    }

    @Test
    @Timeout(30)
    void withTheSchedulerHungTheThirdCallerIsCouncilBusyAfterTheWaitBeforeItsDeadline() throws Exception {
        // not answered within the council's 3 s time limit (and deadline), one attempt
        scheduler.stubFor(WireMock.get(urlPathEqualTo("/hung/slots")).willReturn(okJson(SLOTS).withFixedDelay(4_000)));
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Timed>> answers = new ArrayList<>();

        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 3; i++) {
                int property = i;
                answers.add(callers.submit(timed(go, () -> search("hung", property))));
            }
            go.countDown();
        }

        List<Timed> timed = new ArrayList<>();
        for (Future<Timed> answer : answers) {
            timed.add(answer.get());
        }
        timed.sort(Comparator.comparing(answer -> answer.reply().status()));
        Timed busy = timed.getFirst();
        assertProblem(busy.reply(), 503, "council-busy");
        assertThat(busy.reply().header("Retry-After")).isEqualTo("1");
        assertThat(busy.took()).as("after the configured wait, before its 3 s deadline")
                .isGreaterThanOrEqualTo(MAX_WAIT).isLessThan(Duration.ofSeconds(3));
        assertProblem(timed.get(1).reply(), 504, "scheduler-timeout");
        assertProblem(timed.get(2).reply(), 504, "scheduler-timeout");
        assertThat(scheduler.findAll(getRequestedFor(urlPathEqualTo("/hung/slots")))).as("the refused call sent nothing")
                .hasSize(2);
        assertThat(waits("hung", "refused")).isEqualTo(1);
    }

    @Test
    @Timeout(30)
    void aBookingWaitsOnlyWhileItsDeadlineStillLeavesItsWholeTimeLimit() throws Exception {
        scheduler.stubFor(WireMock.get(urlPathEqualTo("/booked/slots")).willReturn(okJson(SLOTS)));
        String slotId = (String) search("booked", 0).list("slots").getFirst().get("slotId");
        bookedSearchesArrived.drainPermits();
        scheduler.stubFor(WireMock.get(urlPathEqualTo("/booked/slots")).willReturn(okJson(SLOTS).withFixedDelay(3_000)));

        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Reply> first = callers.submit(() -> search("booked", 1));
            Future<Reply> second = callers.submit(() -> search("booked", 2));
            bookedSearchesArrived.acquire(2);

            long started = System.nanoTime();
            Reply booking = api.post(OPS_KEY, "/v1/councils/booked/bookings", Requests.book(slotId, "HMS-BUSY"));
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertProblem(booking, 503, "council-busy");
            // deadline 2.5 s, timeout 2 s: a booking may start no later than 0.5 s after its first call
            assertThat(took).as("cut short by the deadline, not the 2 s max-wait")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(500)).isLessThan(MAX_WAIT);
            assertThat(first.get().status()).isEqualTo(504);
            assertThat(second.get().status()).isEqualTo(504);
        }
    }
}
