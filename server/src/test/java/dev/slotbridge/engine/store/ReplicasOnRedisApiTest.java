package dev.slotbridge.engine.store;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.slotbridge.engine.booking.HoldSweeper;
import dev.slotbridge.engine.events.WebhookDispatcher;
import dev.slotbridge.provider.drs.FakeDrs;
import dev.slotbridge.server.testing.Api.Reply;
import dev.slotbridge.server.testing.Api;
import dev.slotbridge.server.testing.AtOnce;
import dev.slotbridge.server.testing.OperatorYaml;
import dev.slotbridge.server.testing.Requests;
import dev.slotbridge.server.testing.WebhookReceiver;
import dev.slotbridge.store.redis.RedisServer;
import dev.slotbridge.tck.TestClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingXPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.slotbridge.door.v1.ProblemAssertions.assertProblem;
import static dev.slotbridge.server.testing.Api.OPS_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas — two separate servers sharing nothing but a real Redis — in front of one stateful DRS fake. Configured
 * by {@code operator/replicas-on-redis.yml}, which gives {@link #PACED_KEY}'s and {@link #OTHER_KEY}'s digests. The
 * first writes the values it stores in the earlier format, the second as JSON, as while {@code write-format} is
 * changed replica by replica: each reads what the other wrote.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class ReplicasOnRedisApiTest {
    private static final String COUNCIL = "/v1/councils/lincoln";
    private static final String PACED_KEY = "paced-key";
    private static final String OTHER_KEY = "other-key";
    private final FakeDrs drs = new FakeDrs();
    private final WireMockServer gateway = FakeDrs.server(drs);
    private final RedisServer redis = RedisServer.start();
    private final WebhookReceiver receiver = WebhookReceiver.start();
    private final List<EmbeddedServer> replicas = new ArrayList<>();
    private final List<Api> apis = new ArrayList<>();

    @BeforeAll
    void start() {
        gateway.start();
        for (String writeFormat : List.of("legacy", "json")) {
            Map<String, Object> properties = Map.of("redis.uri", redis.uri(), "redis.write-format", writeFormat,
                    "fakes.drs-endpoint", gateway.baseUrl() + FakeDrs.PATH,
                    "receivers.ops", receiver.uri().toString());
            EmbeddedServer replica = ApplicationContext.builder().environments("test").properties(properties)
                    .propertySources(OperatorYaml.propertySource("classpath:operator/replicas-on-redis.yml"))
                    .run(EmbeddedServer.class);
            replicas.add(replica);
            apis.add(new Api(replica.getURI(), replica.getApplicationContext().getBean(JsonMapper.class)));
        }
    }

    @BeforeEach
    void emptyDiary() {
        drs.reset();
        gateway.resetRequests();
        receiver.reset();
    }

    @AfterAll
    void stop() {
        replicas.forEach(EmbeddedServer::close);
        gateway.stop();
        receiver.close();
        redis.close();
    }

    private Api replica(int i) {
        return apis.get(i % 2);
    }

    private String slotId(String day) {
        return (String) replica(0).post(OPS_KEY, COUNCIL + "/appointment-search", Requests.search(day, day))
                .list("slots").getFirst().get("slotId");
    }

    @Test
    void aSearchCachedByOneReplicaIsAnsweredByTheOtherAndABookingOnEitherDropsIt() {
        Map<String, Object> search = Requests.search("2026-03-16", "2026-03-16");
        List<Map<String, Object>> first = replica(0).post(OPS_KEY, "/v1/councils/cached/appointment-search", search).list("slots");
        List<Map<String, Object>> second = replica(1).post(OPS_KEY, "/v1/councils/cached/appointment-search", search).list("slots");

        assertThat(second).isEqualTo(first);
        assertThat(availabilityCalls()).isEqualTo(1);

        String slotId = (String) first.getFirst().get("slotId");
        assertThat(replica(1).post(OPS_KEY, "/v1/councils/cached/bookings", Requests.book(slotId, "HMS-REPLICA-CACHE"))
                .status()).isEqualTo(201);
        List<Map<String, Object>> after = replica(0).post(OPS_KEY, "/v1/councils/cached/appointment-search", search).list("slots");
        assertThat(availabilityCalls()).isEqualTo(2);
        assertThat(after).extracting(slot -> slot.get("slotId")).doesNotContain(slotId);
    }

    private int availabilityCalls() {
        return gateway.findAll(postRequestedFor(urlPathEqualTo(FakeDrs.PATH))
                .withRequestBody(matchingXPath("//*[local-name()='checkAvailability']/checkAvailability"))).size();
    }

    @Test
    void bothReplicasDispatchingAtOnceSendEachEventOnce() {
        List<WebhookDispatcher> dispatchers = replicas.stream()
                .map(replica -> replica.getApplicationContext().getBean(WebhookDispatcher.class)).toList();
        dispatchers.forEach(dispatcher -> dispatcher.dispatch().join());
        receiver.reset();
        for (int i = 0; i < 3; i++) {
            String day = "2026-03-1" + (7 + i);
            Reply booked = replica(i).post(OPS_KEY, COUNCIL + "/bookings", Requests.book(slotId(day), "HMS-REPLICA-EVENT-" + i));
            assertThat(booked.status()).as(booked.text()).isEqualTo(201);
        }
        for (int round = 0; round < 5; round++) {
            CompletableFuture.allOf(dispatchers.stream().map(WebhookDispatcher::dispatch)
                    .toArray(CompletableFuture[]::new)).join();
        }

        List<String> ids = receiver.all().stream().map(received -> received.header("webhook-id")).toList();
        assertThat(ids).as("three events, each sent by one replica once").hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void oneKeyTwentyTimesInParallelOnBothReplicasBooksOnce() throws Exception {
        Map<String, Object> body = Requests.book(slotId("2026-03-03"), "HMS-REPLICA-1");
        Map<String, String> key = Map.of("Idempotency-Key", "replicas-1");
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Reply>> callers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Api api = replica(i);
            callers.add(() -> {
                start.await();
                return api.post(OPS_KEY, COUNCIL + "/bookings", body, key);
            });
        }

        List<Reply> replies = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(20)) {
            List<Future<Reply>> results = callers.stream().map(threads::submit).toList();
            start.countDown();
            for (Future<Reply> result : results) {
                replies.add(result.get(60, TimeUnit.SECONDS));
            }
        }

        assertThat(drs.orderCount()).as(drs.orders().toString()).isEqualTo(1);
        List<Reply> booked = replies.stream().filter(reply -> reply.status() == 201).toList();
        assertThat(booked).isNotEmpty();
        assertThat(booked).extracting(reply -> reply.string("bookingRef")).containsOnly(booked.getFirst().string("bookingRef"));
        replies.stream().filter(reply -> reply.status() != 201)
                .forEach(reply -> assertProblem(reply, 409, "idempotency-key-in-use"));
    }

    @Test
    void aHoldMadeOnOneReplicaIsBookedOnTheOtherAndExpiryIsSweptOnce() {
        Map<String, Object> slot = replica(0).post(OPS_KEY, COUNCIL + "/appointment-search",
                Requests.search("2026-03-05", "2026-03-05")).list("slots").getFirst();
        String slotId = (String) slot.get("slotId");
        Reply held = replica(0).post(OPS_KEY, COUNCIL + "/holds", Map.of("slotId", slotId,
                "job", Requests.book(slotId, "HMS-REPLICA-HOLD").get("job")));
        assertThat(held.status()).as(held.text()).isEqualTo(201);
        Map<String, Object> booking = new HashMap<>(Requests.book(slotId, "HMS-REPLICA-HOLD"));
        booking.remove("slotId");
        booking.put("holdId", held.string("holdId"));

        assertProblem(replica(1).post(OTHER_KEY, COUNCIL + "/bookings", Requests.book(slotId, "HMS-REPLICA-OTHER")), 409,
                "slot-unavailable");
        Reply booked = replica(1).post(OPS_KEY, COUNCIL + "/bookings", booking);
        assertThat(booked.status()).as(booked.text()).isEqualTo(201);

        String slotToLapse = (String) replica(0).post(OPS_KEY, COUNCIL + "/appointment-search",
                Requests.search("2026-03-06", "2026-03-06")).list("slots").getFirst().get("slotId");
        replica(1).post(OPS_KEY, COUNCIL + "/holds", Map.of("slotId", slotToLapse,
                "job", Requests.book(slotToLapse, "HMS-REPLICA-LAPSE").get("job")));
        for (EmbeddedServer replica : replicas) {
            replica.getApplicationContext().getBean(TestClock.class).advance(Duration.ofMinutes(6));
        }
        replicas.forEach(replica -> replica.getApplicationContext().getBean(HoldSweeper.class).sweep());
        double expired = replicas.stream().mapToDouble(replica -> replica.getApplicationContext()
                .getBean(MeterRegistry.class).find("slotbridge.holds").tags("event", "expired").counters().stream()
                .mapToDouble(Counter::count).sum()).sum();
        assertThat(expired).as("swept once, by one replica").isEqualTo(1.0);
    }

    @Test
    void aClientsHoldLimitsHoldAcrossReplicas() throws Exception {
        List<Map<String, Object>> day = replica(0).post(OPS_KEY, COUNCIL + "/appointment-search",
                Requests.search("2026-03-10", "2026-03-10")).list("slots");

        List<Reply> replies = AtOnce.results(day.size(), i -> {
            Map<String, Object> job = Requests.job("HMS-REPLICA-QUOTA-" + i);
            job.put("propertyRef", "REPLICA-QUOTA-" + i);
            return replica(i).post(OPS_KEY, COUNCIL + "/holds", Map.of("slotId", day.get(i).get("slotId"), "job", job));
        });

        List<Reply> held = replies.stream().filter(reply -> reply.status() == 201).toList();
        assertThat(held).as("every slot of the day at once, from both replicas: half of them").hasSize(day.size() / 2);
        replies.stream().filter(reply -> reply.status() != 201).forEach(reply -> assertProblem(reply, 429,
                "hold-quota-exceeded"));
        assertThat(replica(1).post(OTHER_KEY, COUNCIL + "/appointment-search", Requests.search("2026-03-10", "2026-03-10"))
                .list("slots")).hasSize(day.size() - day.size() / 2);
        held.forEach(hold -> replica(1).send(OPS_KEY, HttpRequest.newBuilder(replica(1).uri(COUNCIL + "/holds/"
                + hold.string("holdId"))).DELETE(), Map.of()));
    }

    @Test
    void aClientsRateLimitHoldsAcrossReplicas() {
        int allowed = 0;
        for (int i = 0; i < 30; i++) {
            if (replica(i).get(PACED_KEY, "/v1/councils").status() != 429) {
                allowed++;
            }
        }

        assertThat(allowed).as("5 a minute in all, not 5 on each replica").isEqualTo(5);
    }

    @Test
    void whileRedisIsDownBookingsAreRefusedSafelyAndSearchesGoOn() {
        String slotId = slotId("2026-03-04");
        redis.stop();
        try {
            Reply refused = replica(0).post(OPS_KEY, COUNCIL + "/bookings", Requests.book(slotId, "HMS-REPLICA-2"),
                    Map.of("Idempotency-Key", "replicas-2"));
            assertProblem(refused, 503, "store-unavailable");
            assertThat(refused.header("Retry-After")).isNotBlank();
            Reply unkeyed = replica(1).post(OPS_KEY, COUNCIL + "/bookings", Requests.book(slotId, "HMS-REPLICA-2"));
            assertProblem(unkeyed, 503, "store-unavailable");
            assertThat(drs.orderCount()).isZero();

            assertThat(replica(1).post(OPS_KEY, COUNCIL + "/appointment-search",
                    Requests.search("2026-03-04", "2026-03-04")).status()).isEqualTo(200);
            Reply readiness = replica(0).get(OPS_KEY, "/health/readiness");
            assertThat(readiness.status()).as("the instance stays in the load balancer").isEqualTo(200);
            assertThat(storeStatus(replica(0))).isEqualTo("DOWN");
            assertThat(replica(0).get(null, "/prometheus").text()).containsPattern(
                    "slotbridge_store_errors_total\\{operation=\"[a-z-]+\"} [1-9]");
        } finally {
            redis.restart();
        }

        Reply booked = bookWhenRedisAnswersAgain(slotId);
        assertThat(booked.status()).as(booked.text()).isEqualTo(201);
        assertThat(drs.orderCount()).isEqualTo(1);
    }

    /**
     * Lettuce reconnects within its reconnect delay (100 ms here): once both replicas' readiness shows the store UP,
     * the booking goes through, with no restart (both, so that the next test does not meet a replica still
     * reconnecting).
     */
    private Reply bookWhenRedisAnswersAgain(String slotId) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!storeStatus(replica(0)).equals("UP") || !storeStatus(replica(1)).equals("UP")) {
            assertThat(System.nanoTime()).as("the store is UP again within 10 s").isLessThan(deadline);
        }
        return replica(0).post(OPS_KEY, COUNCIL + "/bookings", Requests.book(slotId, "HMS-REPLICA-2"),
                Map.of("Idempotency-Key", "replicas-2"));
    }

    @SuppressWarnings("unchecked")
    private static String storeStatus(Api api) {
        Map<String, Object> details = api.get(OPS_KEY, "/health/readiness").map("details");
        return (String) ((Map<String, Object>) ((Map<String, Object>) details.get("store")).get("details")).get("status");
    }
}
