package dev.slotbridge.engine.events;

import java.time.Instant;

/**
 * One event for one endpoint, as the outbox keeps it.
 *
 * @param id            the delivery's id (shown to the client; redeliver names it)
 * @param client        the client whose endpoint receives it
 * @param endpoint      the endpoint's index in the client's list
 * @param eventId       the CloudEvents {@code id}, also the {@code webhook-id}: the same on every attempt
 * @param type          the event type
 * @param council       the council the booking is at
 * @param subject       the bookingRef
 * @param body          the CloudEvent, as sent
 * @param createdAt     when the change was recorded
 * @param attempts      attempts made so far
 * @param nextAttemptAt when it is due (pending only)
 * @param status        where it is
 * @param lastError     why the last attempt failed ({@code HTTP 500}, {@code timeout}, ...), or null
 */
public record Delivery(String id, String client, int endpoint, String eventId, EventType type, String council,
                       String subject, String body, Instant createdAt, int attempts, Instant nextAttemptAt,
                       DeliveryStatus status, String lastError) {

    public Delivery failedAttempt(String error, Instant next, boolean dead) {
        return new Delivery(id, client, endpoint, eventId, type, council, subject, body, createdAt, attempts + 1,
                next, dead ? DeliveryStatus.FAILED : DeliveryStatus.PENDING, error);
    }

    public Delivery delivered() {
        return new Delivery(id, client, endpoint, eventId, type, council, subject, body, createdAt, attempts + 1,
                nextAttemptAt, DeliveryStatus.DELIVERED, null);
    }

    public Delivery redelivered(Instant now) {
        return new Delivery(id, client, endpoint, eventId, type, council, subject, body, createdAt, 0, now,
                DeliveryStatus.PENDING, lastError);
    }
}
