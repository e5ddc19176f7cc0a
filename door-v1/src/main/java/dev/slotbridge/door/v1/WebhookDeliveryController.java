package dev.slotbridge.door.v1;

import dev.slotbridge.door.v1.body.DeliveryBody;
import dev.slotbridge.door.v1.body.DeliveryListBody;
import dev.slotbridge.door.v1.body.IsoTime;
import dev.slotbridge.engine.error.FieldError;
import dev.slotbridge.engine.error.ProblemException;
import dev.slotbridge.engine.events.Delivery;
import dev.slotbridge.engine.events.DeliveryStatus;
import dev.slotbridge.engine.events.WebhookDeliveries;
import dev.slotbridge.engine.security.ApiClient;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/** The calling client's own webhook deliveries: list them by status, send one again. */
@Controller("/v1/webhook-deliveries")
@ExecuteOn(TaskExecutors.BLOCKING)
final class WebhookDeliveryController {
    private static final int MAX_LIMIT = 100;

    private final WebhookDeliveries deliveries;

    WebhookDeliveryController(WebhookDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @Get
    DeliveryListBody list(@RequestAttribute(ApiClient.ATTRIBUTE) ApiClient client, @QueryValue @Nullable String status,
                          @QueryValue @Nullable String limit) {
        DeliveryStatus wanted = status(status);
        int max = limit(limit);
        return new DeliveryListBody(deliveries.list(client.name(), wanted, max).stream().map(this::body).toList());
    }

    @Post("/{deliveryId}/redeliver")
    HttpResponse<DeliveryBody> redeliver(@RequestAttribute(ApiClient.ATTRIBUTE) ApiClient client, String deliveryId) {
        return HttpResponse.accepted().body(body(deliveries.redeliver(client.name(), deliveryId)));
    }

    private DeliveryBody body(Delivery delivery) {
        return new DeliveryBody(delivery.id(), delivery.eventId(), delivery.type().subscription(), delivery.council(),
                delivery.subject(), deliveries.url(delivery), delivery.status().name().toLowerCase(Locale.ROOT),
                delivery.attempts(), delivery.lastError(), IsoTime.format(delivery.createdAt().atOffset(ZoneOffset.UTC)),
                delivery.status() == DeliveryStatus.PENDING
                        ? IsoTime.format(delivery.nextAttemptAt().atOffset(ZoneOffset.UTC)) : null);
    }

    private static DeliveryStatus status(String status) {
        if (status == null) {
            return DeliveryStatus.FAILED;
        }
        for (DeliveryStatus candidate : DeliveryStatus.values()) {
            if (candidate.name().equalsIgnoreCase(status)) {
                return candidate;
            }
        }
        throw ProblemException.invalid(List.of(new FieldError("status", "must be failed, pending or delivered")));
    }

    private static int limit(String limit) {
        if (limit == null) {
            return 50;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalid(List.of(new FieldError("limit", "must be a whole number from 1 to " + MAX_LIMIT)));
    }
}
