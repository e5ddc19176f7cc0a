package dev.slotbridge.server.events;

import dev.slotbridge.server.logging.ConfiguredSecrets;
import dev.slotbridge.server.security.ApiClient;
import dev.slotbridge.server.security.ApiClients;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.type.Argument;
import io.micronaut.core.value.PropertyResolver;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every client's webhook endpoints, from {@code slotbridge.clients.<client>.webhooks}: a list of
 * {@code {url, secret, events, timeout, max-concurrent}} ({@code timeout} 10 s and {@code max-concurrent} 4 unless
 * set). Read at start-up: a malformed entry stops the server, naming the entry and the key — never the secret.
 */
@Context
public final class WebhookEndpoints {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    static final int DEFAULT_MAX_CONCURRENT = 4;
    private static final Set<String> KEYS = Set.of("url", "secret", "events", "timeout", "max-concurrent");

    private final List<WebhookEndpoint> endpoints = new ArrayList<>();

    WebhookEndpoints(ApiClients clients, PropertyResolver configuration) {
        for (ApiClient client : clients.all()) {
            for (int index = 0; ; index++) {
                String prefix = "slotbridge.clients." + client.name() + ".webhooks[" + index + "]";
                Map<String, Object> entry = configuration.getProperties(prefix);
                if (entry.isEmpty()) {
                    break;
                }
                endpoints.add(endpoint(client.name(), index, prefix, entry, configuration));
            }
        }
    }

    private static WebhookEndpoint endpoint(String client, int index, String prefix, Map<String, Object> entry,
                                            PropertyResolver configuration) {
        for (String key : entry.keySet()) {
            if (!KEYS.contains(key)) {
                throw new ConfigurationException(prefix + "." + key + ": unknown key; known: " + new TreeSet<>(KEYS));
            }
        }
        URI url = configuration.getProperty(prefix + ".url", String.class).map(text -> {
            try {
                return URI.create(text);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }).filter(uri -> ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null)
                .orElseThrow(() -> new ConfigurationException(prefix + ".url: must be an absolute http(s) URL"));
        String secret = configuration.getProperty(prefix + ".secret", String.class).filter(text -> !text.isBlank())
                .orElseThrow(() -> new ConfigurationException(prefix + ".secret: is required"));
        ConfiguredSecrets.register(List.of(secret));
        byte[] key;
        try {
            key = WebhookSignature.key(secret);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(prefix + ".secret: " + e.getMessage());
        }
        Set<EventType> events = EnumSet.noneOf(EventType.class);
        for (String name : configuration.getProperty(prefix + ".events", Argument.listOf(String.class))
                .orElse(List.of())) {
            events.add(EventType.ofSubscription(name).orElseThrow(() -> new ConfigurationException(prefix + ".events: '"
                    + name + "' is not an event; known: " + Arrays.stream(EventType.values()).map(EventType::subscription).toList())));
        }
        if (events.isEmpty()) {
            throw new ConfigurationException(prefix + ".events: name at least one event");
        }
        Duration timeout = configuration.getProperty(prefix + ".timeout", Duration.class).orElse(DEFAULT_TIMEOUT);
        int maxConcurrent = configuration.getProperty(prefix + ".max-concurrent", Integer.class).orElse(DEFAULT_MAX_CONCURRENT);
        if (timeout.isNegative() || timeout.isZero() || maxConcurrent < 1) {
            throw new ConfigurationException(prefix + ": timeout must be positive and max-concurrent at least 1");
        }
        return new WebhookEndpoint(client, index, url, key, events, timeout, maxConcurrent);
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
