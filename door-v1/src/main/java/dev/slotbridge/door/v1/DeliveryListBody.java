package dev.slotbridge.door.v1;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

@Serdeable
record DeliveryListBody(List<DeliveryBody> deliveries) {
}
