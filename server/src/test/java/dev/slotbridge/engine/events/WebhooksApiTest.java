package dev.slotbridge.engine.events;

import dev.slotbridge.server.testing.Api.Reply;
import dev.slotbridge.server.testing.Api;
import dev.slotbridge.server.testing.Requests;
import dev.slotbridge.server.testing.WebhookReceiver.Received;
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

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static dev.slotbridge.door.v1.ProblemAssertions.assertProblem;
import static dev.slotbridge.server.testing.Api.OPS_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks from Slotbridge's own writes, to real HTTP receivers: "ops" receives its bookings' events (signed with a
 * {@code whsec_} secret), "other" ({@code manage-all}) receives {@code booking.changed} for the same council (signed
 * with a plain string), without personal data; "tenant-portal" ({@code manage-own}) only its own bookings' events. Deliveries are sent when the test dispatches, on the test's clock. Configured by
 * {@code operator/webhooks-api.yml}; {@link #OPS_SECRET} and {@link #OTHER_SECRET} are the secrets it gives.
 */
@MicronautTest(propertySources = "classpath:operator/webhooks-api.yml")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhooksApiTest implements TestPropertyProvider {
    static final String SANDBOX = "/v1/councils/sandbox";
    static final String OTHER_KEY = "portal-key";
    static final byte[] OPS_SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    static final String OTHER_SECRET = "other's plain secret";
    /** The key of "tenant-portal", which may manage only the bookings it made. */
    static final String TENANT_PORTAL_KEY = "tenant-portal-key";

    final WebhookReceiver opsReceiver = WebhookReceiver.start();
    final WebhookReceiver otherReceiver = WebhookReceiver.start();
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

    /** The receivers' URLs, for the placeholders of {@code operator/webhooks-api.yml}. */
    @Override
    public Map<String, String> getProperties() {
        return Map.of("receivers.ops", opsReceiver.uri().toString(), "receivers.other", otherReceiver.uri().toString(),
                "receivers.tenant-portal", tenantPortalReceiver.uri().toString());
    }

    @BeforeEach
    void connect() {
        api = new Api(server.getURI(), json);
        dispatcher.dispatch().join();
        opsReceiver.reset();
        otherReceiver.reset();
        tenantPortalReceiver.reset();
    }

    @AfterAll
    void stop() {
        opsReceiver.close();
        otherReceiver.close();
        tenantPortalReceiver.close();
    }

    private Reply book(String day, String externalRef) {
        return book(OPS_KEY, day, externalRef);
    }

    private Reply book(String key, String day, String externalRef) {
        String slotId = (String) api.post(key, SANDBOX + "/appointment-search", Requests.search(day, day))
                .list("slots").getFirst().get("slotId");
        Reply booked = api.post(key, SANDBOX + "/bookings", Requests.book(slotId, externalRef));
        assertThat(booked.status()).as(booked.text()).isEqualTo(201);
        return booked;
    }

    private Reply redeliver(String key, Object deliveryId) {
        return api.send(key, HttpRequest.newBuilder(api.uri("/v1/webhook-deliveries/" + deliveryId + "/redeliver"))
                .POST(HttpRequest.BodyPublishers.noBody()), Map.of());
    }

    private Map<String, Object> event(Received received) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> event = json.readValue(received.body(), Map.class);
        return event;
    }

    /** Verifies a signature exactly as the Standard Webhooks specification says a receiver should. */
    private static boolean verifies(Received received, byte[] key) throws Exception {
        String signed = received.header("webhook-id") + "." + received.header("webhook-timestamp") + "." + received.body();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        for (String signature : received.header("webhook-signature").split(" ")) {
            if (signature.equals("v1," + expected)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aBookingIsToldToItsMakerAsASignedCloudEventAndToOtherClientsWithoutPersonalData() throws Exception {
        Reply booked = book("2026-03-03", "HMS-EVENT-1");

        dispatcher.dispatch().join();

        assertThat(opsReceiver.all()).hasSize(1);
        Received received = opsReceiver.all().getFirst();
        assertThat(received.header("content-type")).startsWith("application/cloudevents+json");
        assertThat(verifies(received, OPS_SECRET)).as("signature").isTrue();
        assertThat(received.header("webhook-timestamp")).isEqualTo(Long.toString(clock.instant().getEpochSecond()));
        Map<String, Object> event = event(received);
        assertThat(event).containsEntry("specversion", "1.0").containsEntry("type", "dev.slotbridge.booking.created")
                .containsEntry("source", "/councils/sandbox").containsEntry("subject", booked.string("bookingRef"))
                .containsEntry("id", received.header("webhook-id")).containsEntry("datacontenttype", "application/json");
        assertThat(event.get("data")).isEqualTo(json.readValue(booked.text(), Map.class));
        assertThat(((Map<?, ?>) event.get("data")).get("contact")).as("the maker's event has the contact").isNotNull();

        assertThat(otherReceiver.all()).hasSize(1);
        Received changed = otherReceiver.all().getFirst();
        assertThat(verifies(changed, OTHER_SECRET.getBytes(StandardCharsets.UTF_8))).isTrue();
        Map<String, Object> other = event(changed);
        assertThat(other).containsEntry("type", "dev.slotbridge.booking.changed").containsEntry("subject", booked.string("bookingRef"));
        assertThat(((Map<?, ?>) other.get("data")).get("contact")).as("no personal data for other clients").isNull();
        assertThat(((Map<?, ?>) other.get("data")).get("accessNotes")).isNull();
    }

    @Test
    void aClientIsToldOfTheBookingsItMaySeeOnlyAsGetShowsThem() throws Exception {
        Reply opsBooking = book("2026-03-11", "HMS-EVENT-6");
        Reply tenantBooking = book(TENANT_PORTAL_KEY, "2026-03-12", "HMS-EVENT-7");

        dispatcher.dispatch().join();

        assertThat(tenantPortalReceiver.events(json)).as("manage-own: its own booking only").singleElement()
                .satisfies(event -> assertThat(event).containsEntry("type", "dev.slotbridge.booking.created")
                        .containsEntry("subject", tenantBooking.string("bookingRef")));
        assertProblem(api.get(TENANT_PORTAL_KEY, SANDBOX + "/bookings/" + opsBooking.string("bookingRef")), 404,
                "booking-not-found");
        assertThat(otherReceiver.events(json)).as("manage-all: both, as booking.changed")
                .extracting(event -> event.get("subject"))
                .containsExactlyInAnyOrder(opsBooking.string("bookingRef"), tenantBooking.string("bookingRef"));
        assertThat(api.get(OTHER_KEY, SANDBOX + "/bookings/" + tenantBooking.string("bookingRef")).status()).isEqualTo(200);
    }

    @Test
    void aRescheduleAndACancelAreToldOnceEach() throws Exception {
        Reply booked = book("2026-03-04", "HMS-EVENT-2");
        String ref = booked.string("bookingRef");
        String newSlot = (String) api.post(OPS_KEY, SANDBOX + "/appointment-search", Requests.search("2026-03-05", "2026-03-05"))
                .list("slots").getFirst().get("slotId");
        assertThat(api.post(OPS_KEY, SANDBOX + "/bookings/" + ref + "/reschedule", Map.of("slotId", newSlot)).status()).isEqualTo(200);
        assertThat(api.post(OPS_KEY, SANDBOX + "/bookings/" + ref + "/cancel", Map.of("reason", "tenant away")).status()).isEqualTo(200);
        assertThat(api.post(OPS_KEY, SANDBOX + "/bookings/" + ref + "/cancel", Map.of("reason", "again")).status()).isEqualTo(200);

        dispatcher.dispatch().join();

        List<String> types = opsReceiver.events(json).stream().map(event -> (String) event.get("type")).sorted().toList();
        assertThat(types).containsExactly("dev.slotbridge.booking.cancelled", "dev.slotbridge.booking.created",
                "dev.slotbridge.booking.rescheduled");
    }

    @Test
    void everyChangeIsOneEventWithItsOwnIdAtEverySubscriberAndAChangeToldAgainIsNone() throws Exception {
        String slotA = firstSlot(TENANT_PORTAL_KEY, "2026-03-16");
        Reply booked = api.post(TENANT_PORTAL_KEY, SANDBOX + "/bookings", Requests.book(slotA, "HMS-EVENT-8"));
        assertThat(booked.status()).as(booked.text()).isEqualTo(201);
        String ref = booked.string("bookingRef");
        String slotB = firstSlot(TENANT_PORTAL_KEY, "2026-03-17");
        String moves = SANDBOX + "/bookings/" + ref + "/reschedule";
        assertThat(api.post(TENANT_PORTAL_KEY, moves, Map.of("slotId", slotB)).status()).isEqualTo(200);
        assertThat(api.post(TENANT_PORTAL_KEY, moves, Map.of("slotId", slotA)).status()).as("back to A").isEqualTo(200);
        assertThat(api.post(TENANT_PORTAL_KEY, moves, Map.of("slotId", slotA)).status()).as("A again").isEqualTo(200);
        String cancels = SANDBOX + "/bookings/" + ref + "/cancel";
        assertThat(api.post(TENANT_PORTAL_KEY, cancels, Map.of("reason", "tenant away")).status()).isEqualTo(200);
        assertThat(api.post(TENANT_PORTAL_KEY, cancels, Map.of("reason", "again")).status()).isEqualTo(200);

        dispatcher.dispatch().join();
        dispatcher.dispatch().join();

        List<Map<String, Object>> maker = tenantPortalReceiver.events(json);
        assertThat(maker).as("the maker (manage-own): each change once, as its own type")
                .allSatisfy(event -> assertThat(event).containsEntry("subject", ref))
                .extracting(event -> event.get("type")).containsExactlyInAnyOrder("dev.slotbridge.booking.created",
                        "dev.slotbridge.booking.rescheduled", "dev.slotbridge.booking.rescheduled",
                        "dev.slotbridge.booking.cancelled");
        List<Map<String, Object>> other = otherReceiver.events(json);
        assertThat(other).as("manage-all: the same four changes, cancel included, as booking.changed")
                .allSatisfy(event -> assertThat(event).containsEntry("subject", ref)
                        .containsEntry("type", "dev.slotbridge.booking.changed")).hasSize(4);
        assertThat(other).extracting(event -> (Object) ((Map<?, ?>) event.get("data")).get("status"))
                .containsExactlyInAnyOrder("BOOKED", "BOOKED", "BOOKED", "CANCELLED");
        List<Object> ids = maker.stream().map(event -> event.get("id")).toList();
        assertThat(ids).as("every change its own id, a move back to A too").doesNotHaveDuplicates();
        assertThat(other).extracting(event -> event.get("id")).as("one id per change for every recipient")
                .containsExactlyInAnyOrderElementsOf(ids);
        assertThat(tenantPortalReceiver.all()).allSatisfy(received ->
                assertThat(ids).contains(received.header("webhook-id")));
        assertThat(api.get(OTHER_KEY, "/v1/webhook-deliveries?status=delivered").list("deliveries"))
                .filteredOn(delivery -> ref.equals(delivery.get("subject")))
                .extracting(delivery -> delivery.get("eventId")).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(opsReceiver.all()).as("ops did not make it and takes no booking.changed").isEmpty();
    }

    private String firstSlot(String key, String day) {
        return (String) api.post(key, SANDBOX + "/appointment-search", Requests.search(day, day))
                .list("slots").getFirst().get("slotId");
    }

    @Test
    void aReceiverThatFailsTwiceGetsTheSameEventAgainAfterEachFailureOnTheRetrySchedule() throws Exception {
        opsReceiver.answer(500, 503);
        book("2026-03-06", "HMS-EVENT-3");

        dispatcher.dispatch().join();
        assertThat(opsReceiver.all()).hasSize(1);
        dispatcher.dispatch().join();
        assertThat(opsReceiver.all()).as("not due again yet").hasSize(1);

        clock.advance(Duration.ofMillis(5_500));
        dispatcher.dispatch().join();
        assertThat(opsReceiver.all()).as("the first retry within seconds").hasSize(2);
        clock.advance(Duration.ofSeconds(25));
        dispatcher.dispatch().join();
        assertThat(opsReceiver.all()).as("the second retry comes 30 s after the second failure").hasSize(2);
        clock.advance(Duration.ofSeconds(8));
        dispatcher.dispatch().join();
        assertThat(opsReceiver.all()).hasSize(3);
        clock.advance(Duration.ofHours(7));
        dispatcher.dispatch().join();

        assertThat(opsReceiver.all()).as("delivered: no more attempts").hasSize(3);
        assertThat(opsReceiver.all()).extracting(received -> received.header("webhook-id")).containsOnly(
                opsReceiver.all().getFirst().header("webhook-id"));
        Reply delivered = api.get(OPS_KEY, "/v1/webhook-deliveries?status=delivered");
        assertThat(delivered.list("deliveries")).anySatisfy(delivery -> assertThat(delivery)
                .containsEntry("eventId", opsReceiver.all().getFirst().header("webhook-id")).containsEntry("attempts", 3));
    }

    @Test
    void aDeliveryFailingEveryAttemptIsDeadLetteredListedAndCanBeRedelivered() throws Exception {
        opsReceiver.answer(500, 500, 500, 500, 500, 500, 500);
        book("2026-03-09", "HMS-EVENT-4");
        dispatcher.dispatch().join();
        for (Duration delay : RetrySchedule.DELAYS) {
            clock.advance(delay.plus(delay.dividedBy(9)));
            dispatcher.dispatch().join();
        }
        assertThat(opsReceiver.all()).as("the first attempt and six retries").hasSize(7);
        clock.advance(Duration.ofDays(1));
        dispatcher.dispatch().join();
        assertThat(opsReceiver.all()).as("then no more").hasSize(7);
        assertThat(api.get(null, "/prometheus").text())
                .contains("slotbridge_webhook_deliveries_total{client=\"ops\",outcome=\"dead-lettered\"} 1.0")
                .contains("slotbridge_webhook_oldest_pending_seconds{client=\"ops\"} 0.0");

        Reply failed = api.get(OPS_KEY, "/v1/webhook-deliveries?status=failed");
        assertThat(failed.status()).isEqualTo(200);
        Map<String, Object> delivery = failed.list("deliveries").getFirst();
        assertThat(delivery).containsEntry("status", "failed").containsEntry("attempts", 7)
                .containsEntry("lastError", "HTTP 500").containsEntry("type", "booking.created")
                .containsEntry("url", opsReceiver.uri().toString());
        assertThat(api.get(OTHER_KEY, "/v1/webhook-deliveries?status=failed").list("deliveries"))
                .as("another client's deliveries are not shown").isEmpty();
        assertProblem(redeliver(OTHER_KEY, delivery.get("deliveryId")),
                404, "delivery-not-found");

        Reply again = redeliver(OPS_KEY, delivery.get("deliveryId"));
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.string("status")).isEqualTo("pending");
        dispatcher.dispatch().join();

        assertThat(opsReceiver.all()).hasSize(8);
        assertThat(api.get(OPS_KEY, "/v1/webhook-deliveries?status=failed").list("deliveries")).isEmpty();
        assertProblem(api.get(OPS_KEY, "/v1/webhook-deliveries?status=lost"), 400, "validation");
    }

    @Test
    void aReceiverThatHangsDoesNotDelayAnotherClientsEvents() throws Exception {
        opsReceiver.hold();
        book("2026-03-10", "HMS-EVENT-5");

        var attempts = dispatcher.dispatch();

        assertThat(opsReceiver.next(Duration.ofSeconds(10))).as("the maker's receiver got the event").isNotNull();
        assertThat(otherReceiver.next(Duration.ofSeconds(10))).as("the other client's event arrived").isNotNull();
        assertThat(attempts).as("while the maker's receiver still hangs").isNotDone();
        opsReceiver.release();
        attempts.join();
    }
}
