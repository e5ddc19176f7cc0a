package dev.slotbridge.door.v1.body;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

@Serdeable
public record DeliveryListBody(List<DeliveryBody> deliveries) {
}
