package dev.slotbridge.engine.events;

import dev.slotbridge.engine.error.ProblemException;
import dev.slotbridge.engine.error.ProblemType;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;

/** A client's own webhook deliveries, for its operators: listed by status, and sent again on request. */
@Singleton
public final class WebhookDeliveries {
    private final DeliveryStore outbox;
    private final WebhookEndpoints endpoints;
    private final Clock clock;

    WebhookDeliveries(DeliveryStore outbox, WebhookEndpoints endpoints, Clock clock) {
        this.outbox = outbox;
        this.endpoints = endpoints;
        this.clock = clock;
    }

    public List<Delivery> list(String client, DeliveryStatus status, int max) {
        return outbox.list(client, status, max);
    }

    /**
     * Makes the client's delivery pending again, due now, with a fresh retry schedule (same event, same
     * {@code webhook-id}). Another client's delivery, or one never made, is 404 {@code delivery-not-found}.
     */
    public Delivery redeliver(String client, String deliveryId) {
        Delivery delivery = outbox.find(deliveryId).filter(found -> found.client().equals(client))
                .orElseThrow(() -> new ProblemException(ProblemType.DELIVERY_NOT_FOUND, "No such delivery of this client's"));
        Delivery again = delivery.redelivered(clock.instant());
        outbox.update(again);
        return again;
    }

    /** Where the delivery's endpoint sends, or null when it is no longer configured. */
    public String url(Delivery delivery) {
        return endpoints.find(delivery.client(), delivery.endpoint()).map(endpoint -> endpoint.url().toString()).orElse(null);
    }
}
