package dev.slotbridge.engine.events;

import dev.slotbridge.server.testing.Api.Reply;
import dev.slotbridge.server.testing.Api;
import dev.slotbridge.server.testing.Requests;
import dev.slotbridge.server.testing.WebhookReceiver;
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

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.slotbridge.server.testing.Api.OPS_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox's bound through the real server: with a receiver that is down, each endpoint keeps at most
 * {@code max-undelivered-per-endpoint} (3 here, {@code operator/webhooks-bounded-outbox.yml}) undelivered deliveries,
 * dropping the oldest dead-lettered first, then the oldest pending, each drop counted in
 * {@code slotbridge_webhook_deliveries_dropped_total}; what is kept is still sent, and redelivered.
 */
@MicronautTest(propertySources = "classpath:operator/webhooks-bounded-outbox.yml")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookOutboxBoundTest implements TestPropertyProvider {
    static final String SANDBOX = "/v1/councils/sandbox";
    static final String TENANT_PORTAL_KEY = "tenant-portal-key";
    static final int BOUND = 3;
    /** Far more failures than any test makes attempts: the receiver is down until reset. */
    private static final int[] DOWN = filled(200, 503);

    final WebhookReceiver opsReceiver = WebhookReceiver.start();
    final WebhookReceiver tenantPortalReceiver = WebhookReceiver.start();

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    TestClock clock;
    @Inject
    WebhookDispatcher dispatcher;
    Api api;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("receivers.ops", opsReceiver.uri().toString(),
                "receivers.tenant-portal", tenantPortalReceiver.uri().toString());
    }

    @BeforeEach
    void connect() {
        api = new Api(server.getURI(), json);
    }

    @AfterAll
    void stop() {
        opsReceiver.close();
        tenantPortalReceiver.close();
    }

    @Test
    void withTheReceiverDownAnEndpointKeepsItsNewestUndeliveredEventsAndCountsTheOnesDropped() throws Exception {
        tenantPortalReceiver.answer(DOWN);
        double droppedBefore = dropped("tenant-portal");
        List<String> booked = new ArrayList<>();
        for (String day : List.of("2026-04-06", "2026-04-07", "2026-04-08", "2026-04-09", "2026-04-10")) {
            booked.add(book(TENANT_PORTAL_KEY, day));
            dispatcher.dispatch().join();
        }

        List<Map<String, Object>> pending = api.get(TENANT_PORTAL_KEY, "/v1/webhook-deliveries?status=pending")
                .list("deliveries");
        assertThat(pending).extracting(delivery -> delivery.get("subject")).as("the newest %d, newest first", BOUND)
                .containsExactly(booked.get(4), booked.get(3), booked.get(2));
        assertThat(api.get(TENANT_PORTAL_KEY, "/v1/webhook-deliveries?status=failed").list("deliveries")).isEmpty();
        assertThat(dropped("tenant-portal") - droppedBefore).as("the 2 oldest dropped").isEqualTo(2.0);

        tenantPortalReceiver.reset();
        clock.advance(Duration.ofHours(1));
        dispatcher.dispatch().join();

        assertThat(tenantPortalReceiver.events(json)).extracting(event -> event.get("subject"))
                .as("the kept events are sent when the receiver is back")
                .containsExactlyInAnyOrder(booked.get(2), booked.get(3), booked.get(4));
    }

    @Test
    void deadLetteredEventsAreDroppedFirstAndAKeptOneCanStillBeRedelivered() {
        opsReceiver.answer(DOWN);
        double droppedBefore = dropped("ops");
        String first = book(OPS_KEY, "2026-04-13");
        String second = book(OPS_KEY, "2026-04-14");
        dispatcher.dispatch().join();
        for (Duration delay : RetrySchedule.DELAYS) {
            clock.advance(delay.plus(delay.dividedBy(9)));
            dispatcher.dispatch().join();
        }
        assertThat(subjects(OPS_KEY, "failed")).containsExactly(second, first);

        String third = book(OPS_KEY, "2026-04-15");
        String fourth = book(OPS_KEY, "2026-04-16");

        assertThat(subjects(OPS_KEY, "failed")).as("the oldest dead-lettered went first").containsExactly(second);
        assertThat(subjects(OPS_KEY, "pending")).containsExactly(fourth, third);
        assertThat(dropped("ops") - droppedBefore).isEqualTo(1.0);

        opsReceiver.reset();
        Map<String, Object> kept = api.get(OPS_KEY, "/v1/webhook-deliveries?status=failed").list("deliveries").getFirst();
        Reply again = api.send(OPS_KEY, HttpRequest.newBuilder(api.uri("/v1/webhook-deliveries/"
                + kept.get("deliveryId") + "/redeliver")).POST(HttpRequest.BodyPublishers.noBody()), Map.of());
        assertThat(again.status()).as(again.text()).isEqualTo(202);
        dispatcher.dispatch().join();

        assertThat(opsReceiver.events(json)).extracting(event -> event.get("subject"))
                .containsExactlyInAnyOrder(second, third, fourth);
        assertThat(subjects(OPS_KEY, "delivered")).contains(second, third, fourth).doesNotContain(first);
    }

    private String book(String key, String day) {
        clock.advance(Duration.ofSeconds(1));
        String slotId = (String) api.post(key, SANDBOX + "/appointment-search", Requests.search(day, day))
                .list("slots").getFirst().get("slotId");
        Reply booked = api.post(key, SANDBOX + "/bookings", Requests.book(slotId, "HMS-BOUND-" + day));
        assertThat(booked.status()).as(booked.text()).isEqualTo(201);
        return booked.string("bookingRef");
    }

    private List<Object> subjects(String key, String status) {
        return api.get(key, "/v1/webhook-deliveries?status=" + status).list("deliveries").stream()
                .map(delivery -> delivery.get("subject")).toList();
    }

    private double dropped(String client) {
        Matcher matcher = Pattern.compile("^slotbridge_webhook_deliveries_dropped_total\\{client=\"" + client
                + "\"} (\\S+)$", Pattern.MULTILINE).matcher(api.get(null, "/prometheus").text());
        assertThat(matcher.find()).as("the counter is registered").isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    private static int[] filled(int length, int status) {
        int[] statuses = new int[length];
        Arrays.fill(statuses, status);
        return statuses;
    }
}
