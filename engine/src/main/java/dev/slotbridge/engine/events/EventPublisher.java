package dev.slotbridge.engine.events;

import dev.slotbridge.engine.council.Council;
import dev.slotbridge.engine.metrics.WebhookMetrics;
import dev.slotbridge.engine.security.ApiClient;
import dev.slotbridge.engine.security.ApiClients;
import dev.slotbridge.engine.security.BookingVisibility;
import dev.slotbridge.engine.store.StoreUnavailableException;
import dev.slotbridge.engine.tracing.Tracing;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns a booking change into webhook deliveries in the outbox, one per endpoint that wants it: the event's type to
 * the booking's maker (with personal data when the maker may read it), {@code booking.changed} without personal data
 * to every other subscribed client that may see the booking ({@link BookingVisibility}: {@code manage-all} at the
 * council), so events show a client exactly the bookings {@code GET .../bookings/{ref}} shows it. Each event is a
 * CloudEvents 1.0 document (structured mode) whose id is the change's own ({@link ToldBookings}): the same for every
 * recipient of one change, a new one for each change, so recording the same change again (a replayed booking, a
 * repeated cancel, a callback told twice) adds nothing. Called in the step that answers the change, before the caller
 * gets its answer. An event made while serving a request carries that request's {@code traceparent} (the CloudEvents
 * Distributed Tracing extension).
 */
@Singleton
public final class EventPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);
    /** The CloudEvents Distributed Tracing extension's attribute; the dispatcher sends it on as a header. */
    static final String TRACEPARENT = "traceparent";

    private final WebhookEndpoints endpoints;
    private final DeliveryStore outbox;
    private final ApiClients clients;
    private final BookingVisibility visibility;
    private final EventData data;
    private final JsonMapper json;
    private final WebhookMetrics metrics;
    private final ToldBookings told;
    private final DroppedDeliveries dropped;
    private final Clock clock;
    private final Tracing tracing;

    EventPublisher(WebhookEndpoints endpoints, DeliveryStore outbox, ApiClients clients, BookingVisibility visibility,
                   EventData data, JsonMapper json, WebhookMetrics metrics, ToldBookings told, DroppedDeliveries dropped,
                   Clock clock, Tracing tracing) {
        this.dropped = dropped;
        this.told = told;
        this.tracing = tracing;
        this.endpoints = endpoints;
        this.outbox = outbox;
        this.clients = clients;
        this.visibility = visibility;
        this.data = data;
        this.json = json;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * Records the booking as clients are told it, then the change's deliveries (again for the same change told again:
     * the outbox keeps each delivery once, and stores what an earlier attempt could not). Never fails the change it
     * reports: the change has happened, so a store that cannot take the event is logged (and the event is lost), not
     * answered as a failure.
     */
    public void publish(Council council, BookingChange change) {
        try {
            ToldBookings.Told told = this.told.tell(council, change.bookingRef(), change.booking());
            List<Delivery> deliveries = deliveries(council, change, told.changeId());
            if (!deliveries.isEmpty()) {
                dropped.report(outbox.enqueue(deliveries));
            }
            if (told.first()) {
                metrics.event(council.id(), change.type().subscription());
            }
        } catch (StoreUnavailableException e) {
            LOG.error("Council '{}': the store is unavailable, so the {} event of a booking could not be recorded for "
                    + "webhooks", council.id(), change.type().subscription());
        }
    }

    private List<Delivery> deliveries(Council council, BookingChange change, String eventId) {
        if (endpoints.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        String traceparent = tracing.traceparent();
        List<Delivery> deliveries = new ArrayList<>();
        for (ApiClient client : clients.all()) {
            boolean maker = change.maker().filter(client.name()::equals).isPresent();
            EventType type = maker ? change.type() : EventType.CHANGED;
            if (!client.mayUse(council.id()) || endpoints.of(client.name(), type).isEmpty()
                    || !visibility.maySee(client, council.id(), change.maker())) {
                continue;
            }
            boolean personal = maker && visibility.mayReadPersonalData(client, council.id(), change.bookingRef());
            String body = cloudEvent(eventId, type, council, change, personal, now, traceparent);
            for (WebhookEndpoint endpoint : endpoints.of(client.name(), type)) {
                deliveries.add(new Delivery(uuid(eventId + "|" + client.name() + "|" + endpoint.index()), client.name(),
                        endpoint.index(), eventId, type, council.id(), change.bookingRef(), body, now, 0, now,
                        DeliveryStatus.PENDING, null));
            }
        }
        return deliveries;
    }

    private String cloudEvent(String id, EventType type, Council council, BookingChange change, boolean personal,
                              Instant now, String traceparent) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", id);
        event.put("source", "/councils/" + council.id());
        event.put("type", type.cloudEventType());
        event.put("subject", change.bookingRef());
        event.put("time", now.toString());
        event.put("datacontenttype", "application/json");
        if (traceparent != null) {
            // the CloudEvents Distributed Tracing extension: the trace of the request that made the change
            event.put(TRACEPARENT, traceparent);
        }
        event.put("data", data.booking(council, change.bookingRef(), change.booking(), personal));
        try {
            return new String(json.writeValueAsBytes(event), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write an event", e);
        }
    }

    private static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
