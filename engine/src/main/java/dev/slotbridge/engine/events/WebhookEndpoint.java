package dev.slotbridge.engine.events;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

/**
 * One configured receiver of a client's events ({@code slotbridge.clients.<client>.webhooks[<index>]}).
 *
 * @param client         the API client whose events it receives
 * @param index          its place in the client's list: deliveries name it so
 * @param url            where events are POSTed
 * @param key            the signing key ({@link WebhookSignature#key})
 * @param events         the event types it subscribed to
 * @param timeout        how long one attempt may take
 * @param maxConcurrent  how many attempts may be in flight to it at once
 */
public record WebhookEndpoint(String client, int index, URI url, byte[] key, Set<EventType> events, Duration timeout,
                              int maxConcurrent) {
    public WebhookEndpoint {
        events = Set.copyOf(events);
    }

    public boolean wants(EventType type) {
        return events.contains(type);
    }

    @Override
    public String toString() {
        return "WebhookEndpoint[" + client + "#" + index + " " + url + "]";
    }
}
