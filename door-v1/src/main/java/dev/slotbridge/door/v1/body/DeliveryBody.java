package dev.slotbridge.door.v1.body;

import io.micronaut.serde.annotation.Serdeable;

/** A webhook delivery as {@code /v1/webhook-deliveries} shows it to the client it belongs to. */
@Serdeable
public record DeliveryBody(String deliveryId, String eventId, String type, String council, String subject, String url,
                    String status, int attempts, String lastError, String createdAt, String nextAttemptAt) {
}
