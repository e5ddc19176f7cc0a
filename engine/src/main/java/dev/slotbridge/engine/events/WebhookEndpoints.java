package dev.slotbridge.engine.events;

import dev.slotbridge.config.ConfigSection;
import dev.slotbridge.config.SlotbridgeConfiguration;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;

import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every client's webhook endpoints, from {@code slotbridge.clients.<client>.webhooks}: a list of
 * {@code {url, secret, events, timeout, max-concurrent}}, validated with the rest of the configuration. Read at
 * start-up; a {@code whsec_} secret that is not base64 stops the server, naming the entry — never the secret.
 */
@Context
public final class WebhookEndpoints {
    private final List<WebhookEndpoint> endpoints = new ArrayList<>();

    WebhookEndpoints(SlotbridgeConfiguration configuration) {
        configuration.root().entries("clients").forEach((client, section) -> {
            List<ConfigSection> webhooks = section.sections("webhooks");
            for (int index = 0; index < webhooks.size(); index++) {
                endpoints.add(endpoint(client, index, webhooks.get(index)));
            }
        });
    }

    private static WebhookEndpoint endpoint(String client, int index, ConfigSection webhook) {
        String secret = webhook.text("secret").orElseThrow();
        byte[] key;
        try {
            key = WebhookSignature.key(secret);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(webhook.path() + ".secret: " + e.getMessage());
        }
        Set<EventType> events = EnumSet.noneOf(EventType.class);
        webhook.list("events").forEach(name -> events.add(EventType.ofSubscription(name).orElseThrow()));
        return new WebhookEndpoint(client, index, URI.create(webhook.text("url").orElseThrow()), key, events,
                webhook.duration("timeout").orElseThrow(), Math.toIntExact(webhook.wholeNumber("max-concurrent")));
    }

    /** The client's endpoints subscribed to the event type. */
    public List<WebhookEndpoint> of(String client, EventType type) {
        return endpoints.stream().filter(endpoint -> endpoint.client().equals(client) && endpoint.wants(type)).toList();
    }

    public Optional<WebhookEndpoint> find(String client, int index) {
        return endpoints.stream().filter(endpoint -> endpoint.client().equals(client) && endpoint.index() == index).findFirst();
    }

    public boolean isEmpty() {
        return endpoints.isEmpty();
    }

    /** The clients with at least one endpoint. */
    public Set<String> clients() {
        Set<String> clients = new TreeSet<>();
        endpoints.forEach(endpoint -> clients.add(endpoint.client()));
        return clients;
    }
}
