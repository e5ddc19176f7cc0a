package dev.slotbridge.server.api;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

@Serdeable
record DeliveryListBody(List<DeliveryBody> deliveries) {
}
