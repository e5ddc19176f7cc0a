package dev.slotbridge.config;

import dev.slotbridge.spi.ProviderFactory;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.slotbridge.config.ConfigNode.value;
import static dev.slotbridge.config.Value.Kind.BOOLEAN;
import static dev.slotbridge.config.Value.Kind.CHOICE;
import static dev.slotbridge.config.Value.Kind.DURATION;
import static dev.slotbridge.config.Value.Kind.TEXT;
import static dev.slotbridge.config.Value.Kind.WHOLE_NUMBER;

/**
 * Every key Slotbridge reads under {@code slotbridge:}, described once: type, default, accepted values, whether it
 * is secret, one line of meaning. Councils' {@code settings} are described by their providers' factories (plugins
 * included). The server validates its configuration against it, publishes it as JSON Schema
 * ({@code /config-schema.json}), reads values and defaults through it, and {@code docs/configuration.md}'s table is
 * checked against it.
 *
 * @param root      the {@code slotbridge} section
 * @param providers every provider factory the server loaded, by name
 */
public record ConfigurationDescription(ConfigNode.Section root, Map<String, ProviderFactory> providers) {
    /** The SHA-256 hex digest of a key or identifier. */
    static final String SHA256_HEX = "^[0-9a-fA-F]{64}$";
    private static final String SHA256_MEANING = "a SHA-256 hex digest (64 hex digits: printf '%s' \"$KEY\" | sha256sum)";
    /** What grants every permission, written instead of a list. */
    public static final String ALL_PERMISSIONS = "all";

    public ConfigurationDescription {
        providers = Collections.unmodifiableSortedMap(new TreeMap<>(providers));
    }

    /**
     * @param providers   the loaded provider factories
     * @param permissions the permissions a client may be given, as written ({@code manage-own})
     * @param events      the webhook events a client may subscribe to ({@code booking.created})
     */
    public static ConfigurationDescription of(List<ProviderFactory> providers, List<String> permissions,
                                              List<String> events) {
        Map<String, ProviderFactory> byName = new TreeMap<>();
        providers.forEach(factory -> byName.put(factory.name(), factory));
        return new ConfigurationDescription(slotbridge(List.copyOf(byName.keySet()), permissions, events), byName);
    }

    private static ConfigNode.Section slotbridge(List<String> providers, List<String> permissions, List<String> events) {
        return new ConfigNode.Keys()
                .optional("signing-key", new ConfigNode.Items("the HMAC key of slot ids, hold ids and booking refs; "
                        + "a list rotates keys: the first signs, every one verifies", value(TEXT,
                        "a signing key, 32+ characters").secret().minLength(32).build(), true, 1))
                .optional("plugins-dir", value(TEXT, "the folder of provider plugin jars loaded at start-up; a missing "
                        + "folder is fine").byDefault("plugins").build())
                .optional("trusted-proxies", new ConfigNode.Items("the load balancers and reverse proxies in front "
                        + "of the server: only from these is the client's address read from forwarded-header; none "
                        + "when absent", value(TEXT, "an address or CIDR block").check(Value.Check.ADDRESS_BLOCK).build(),
                        true, 0))
                .optional("forwarded-header", value(CHOICE, "the header the trusted proxies add the client's address "
                        + "to").choices(List.of("x-forwarded-for", "forwarded")).byDefault("x-forwarded-for").build())
                .optional("connections", new ConfigNode.Keys()
                        .optional("max-per-address", value(WHOLE_NUMBER, "open connections from one address (IPv6: one "
                                + "/64) to one of the server's ports, trusted proxies excepted; more are reset at once")
                                .byDefault(256).range(1, 1_000_000).build())
                        .section("connections to the server"))
                .optional("authentication", new ConfigNode.Keys()
                        .optional("max-failures", value(WHOLE_NUMBER, "failed authentications a minute per client "
                                + "address, and per credential sent; past it further failures are 429 (a valid "
                                + "credential never is)").byDefault(20).range(1, 100_000).build())
                        .section("how API keys, HRO identifiers and tokens, and callback secrets are checked"))
                .optional("edge", new ConfigNode.Keys()
                        .optional("request-read-timeout", value(DURATION, "how long a request's head and body may take "
                                + "to arrive from its first byte; past it 408 request-timeout and the connection is "
                                + "closed").byDefault("10s").range("100ms", "10m").build())
                        .section("the HTTP edge"))
                .optional("shutdown", new ConfigNode.Keys()
                        .optional("grace-period", value(DURATION, "on SIGTERM, how long requests in flight may take to "
                                + "finish").byDefault("20s").range("0s", "10m").build())
                        .section("how the server stops"))
                .optional("idempotency", new ConfigNode.Keys()
                        .optional("ttl", value(DURATION, "how long booking answers are kept for Idempotency-Key "
                                + "replays").byDefault("24h").range("1m", "30d").build())
                        .optional("max-entries", value(WHOLE_NUMBER, "live Idempotency-Keys per API client; past it a "
                                + "new key is 503 idempotency-capacity").byDefault(10000).range(1, 10_000_000).build())
                        .optional("max-size-mb", value(WHOLE_NUMBER, "megabytes of kept answers per API client; past "
                                + "it a new key is 503 idempotency-capacity").byDefault(32).range(1, 100_000).build())
                        .optional("wait-for-in-flight", value(DURATION, "how long a repeat waits for the first request "
                                + "with its key before 409").byDefault("60s").range("0s", "10m").build())
                        .section("Idempotency-Key records"))
                .optional("store", new ConfigNode.Keys()
                        .optional("type", value(CHOICE, "where idempotency records, leases, booking makers, rate limits "
                                + "and provider memory live").choices(List.of("memory", "redis")).byDefault("memory").build())
                        .optional("claim-lease", value(DURATION, "how fast a dead replica's claims lapse")
                                .byDefault("5s").range("1s", "10m").build())
                        .optional("owner-ttl", value(DURATION, "how long the maker of a booking is remembered")
                                .byDefault("400d").range("1d", "3650d").build())
                        .optional("redis", new ConfigNode.Keys()
                                .optional("uri", value(TEXT, "the Redis every replica shares (rediss:// for TLS; "
                                        + "credentials in the URI)").byDefault("redis://127.0.0.1:6379/0").secret().build())
                                .optional("timeout", value(DURATION, "a command's time limit, and the connect timeout")
                                        .byDefault("2s").range("1ms", "1m").build())
                                .optional("reconnect-delay", value(DURATION, "the wait between reconnection attempts")
                                        .byDefault("500ms").range("1ms", "1m").build())
                                .optional("write-format", value(CHOICE, "how holds and cached searches are written: "
                                        + "legacy (as the previous version writes them, so it can read them during a "
                                        + "rolling upgrade) or json; this version reads both")
                                        .choices(List.of("legacy", "json")).byDefault("legacy").build())
                                .section("the Redis store"))
                        .section("the store shared by replicas"))
                .optional("webhooks", new ConfigNode.Keys()
                        .optional("dispatch-interval", value(DURATION, "how often each replica sends due webhook "
                                + "deliveries").byDefault("1s").range("10ms", "1h").build())
                        .optional("max-undelivered-per-endpoint", value(WHOLE_NUMBER, "pending and dead-lettered "
                                + "deliveries kept per webhook endpoint; past it the oldest dead-lettered, then the "
                                + "oldest pending, are dropped (counted in slotbridge_webhook_deliveries_dropped_total)")
                                .byDefault(1000).range(1, 100_000).build())
                        .section("webhook delivery"))
                .optional("holds", new ConfigNode.Keys()
                        .optional("sweep-interval", value(DURATION, "how often each replica ends expired holds")
                                .byDefault("1s").range("10ms", "1h").build())
                        .section("slot holds, server-wide"))
                .optional("resilience", resilience("server-wide limits of scheduler calls; each council may override any"))
                .optional("hro", hro())
                .optional("clients", new ConfigNode.Entries("the API clients, by name", "<name>", client(permissions, events)))
                .optional("councils", new ConfigNode.Entries("the councils served, by id", "<id>", council(providers)))
                .section("Slotbridge's configuration");
    }

    static ConfigNode.Section resilience(String meaning) {
        return new ConfigNode.Keys()
                .optional("timeout", value(DURATION, "bounds one attempt at the scheduler; past it 504 scheduler-timeout")
                        .byDefault("5s").range("1ms", "10m").build())
                .optional("deadline", value(DURATION, "bounds a request's scheduler calls together, every attempt and "
                        + "wait, from its first call; past it 504 scheduler-timeout. Finding out the outcome of a write "
                        + "already sent gets as long again; at least timeout").byDefault("8s").range("1ms", "10m").build())
                .optional("retry", new ConfigNode.Keys()
                        .optional("max-attempts", value(WHOLE_NUMBER, "attempts in all for calls that may be retried")
                                .byDefault(3).range(1, 10).build())
                        .optional("wait", value(DURATION, "the first backoff; it doubles with each retry, ±50 % jitter")
                                .byDefault("200ms").range("1ms", "1m").build())
                        .section("retries of reads, and of writes certainly never sent"))
                .optional("circuit-breaker", new ConfigNode.Keys()
                        .optional("failure-rate-threshold", value(WHOLE_NUMBER, "percentage of failed calls in the "
                                + "window that opens the circuit").byDefault(50).range(1, 100).build())
                        .optional("wait-in-open-state", value(DURATION, "how long an open circuit refuses calls "
                                + "(503 scheduler-unavailable)").byDefault("30s").range("1ms", "1h").build())
                        .optional("sliding-window-size", value(WHOLE_NUMBER, "calls the circuit breaker looks back over")
                                .byDefault(20).range(1, 10_000).build())
                        .optional("minimum-number-of-calls", value(WHOLE_NUMBER, "calls needed before the failure rate "
                                + "counts; at most sliding-window-size").byDefault(10).range(1, 10_000).build())
                        .section("the circuit breaker"))
                .optional("bulkhead", new ConfigNode.Keys()
                        .optional("max-concurrent-calls", value(WHOLE_NUMBER, "calls in flight per council to a "
                                + "remote scheduler; a provider in this process (sandbox) is unlimited unless its council "
                                + "sets this").byDefault(25).range(1, 10_000).build())
                        .optional("max-wait", value(DURATION, "how long a call that finds them all in use waits "
                                + "for one, in arrival order, never past its request's deadline; then 503 council-busy")
                                .byDefault("2s").range("0s", "1m").build())
                        .section("the bulkhead"))
                .section(meaning);
    }

    private static ConfigNode.Section hro() {
        ConfigNode.Section frontEnd = new ConfigNode.Keys()
                .required("identifier-sha256", value(TEXT, "SHA-256 hex digest of the front end's identifier")
                        .pattern(SHA256_HEX, SHA256_MEANING).build())
                .required("council", value(TEXT, "the council it books into (any provider)").build())
                .optional("lead-time-days", value(WHOLE_NUMBER, "a search without fromDate starts this many days after "
                        + "today").byDefault(0).range(0, 366).build())
                .optional("max-days", value(WHOLE_NUMBER, "a search answers the slots of at most this many days")
                        .byDefault(5).range(1, 62).build())
                .optional("search-days", value(WHOLE_NUMBER, "... found within this many days").byDefault(28)
                        .range(1, 62).build())
                .optional("manage-all", value(BOOLEAN, "cancel and move every booking of the council by its order "
                        + "number, whoever made it; when false, only those made through this front end")
                        .byDefault(false).build())
                .section("one HRO front end");
        return new ConfigNode.Keys()
                .optional("jwt-secret", value(TEXT, "the HS256 secret of the tokens given to front ends; needed to "
                        + "serve any").secret().minLength(32).build())
                .optional("path-prefix", value(TEXT, "an extra path to serve the HRO routes under").byDefault("").build())
                .optional("front-ends", new ConfigNode.Entries("the HRO front ends, by name", "<name>", frontEnd))
                .section("the Housing Repairs Online front door");
    }

    private static ConfigNode.Section client(List<String> permissions, List<String> events) {
        List<String> grantable = new java.util.ArrayList<>(permissions);
        grantable.add(ALL_PERMISSIONS);
        ConfigNode.Items granted = new ConfigNode.Items("what the client may do: " + String.join(", ", permissions)
                + ", or all; none when absent", value(CHOICE, "a permission").choices(grantable).build(), true, 0);
        ConfigNode.Section webhook = new ConfigNode.Keys()
                .required("url", value(TEXT, "where events are POSTed").check(Value.Check.HTTP_URL).build())
                .required("secret", value(TEXT, "whsec_<base64> as Standard Webhooks issues them, or any text (its "
                        + "UTF-8 bytes)").secret().build())
                .required("events", new ConfigNode.Items("the events sent", value(CHOICE, "an event").choices(events)
                        .build(), false, 1))
                .optional("timeout", value(DURATION, "one attempt").byDefault("10s").range("1ms", "5m").build())
                .optional("max-concurrent", value(WHOLE_NUMBER, "attempts in flight to this endpoint").byDefault(4)
                        .range(1, 1000).build())
                .section("one webhook endpoint");
        return new ConfigNode.Keys()
                .required("key-sha256", value(TEXT, "SHA-256 hex digest of the client's API key (never the key)")
                        .pattern(SHA256_HEX, SHA256_MEANING).build())
                .optional("councils", new ConfigNode.Items("the councils the key may use (others: 403)",
                        value(TEXT, "a council id").build(), false, 0))
                .optional("permissions", granted)
                .optional("council-permissions", new ConfigNode.Entries("permissions at one council, in place of "
                        + "permissions", "<council>", granted))
                .optional("rate-limit", new ConfigNode.Keys()
                        .optional("requests", value(WHOLE_NUMBER, "requests per period; past it 429 rate-limited")
                                .byDefault(100).range(1, 1_000_000_000).build())
                        .optional("period", value(DURATION, "the period").byDefault("1s").range("1ms", "1d").build())
                        .section("the client's rate limit"))
                .optional("webhooks", new ConfigNode.Items("the client's webhook endpoints", webhook, false, 0))
                .section("one API client");
    }

    private static ConfigNode.Section council(List<String> providers) {
        return new ConfigNode.Keys()
                .optional("name", value(TEXT, "display name in /v1/councils; the id when absent").build())
                .required("provider", value(CHOICE, "the provider of the council's scheduler").choices(providers).build())
                .optional("zone", value(TEXT, "the council's time zone: search dates and wall-clock times are in it")
                        .byDefault("Europe/London").check(Value.Check.ZONE).build())
                .optional("settings", new ConfigNode.ProviderSettings("handed to the provider; see its page in "
                        + "docs/providers/"))
                .optional("resilience", resilience("this council's overrides of slotbridge.resilience"))
                .optional("holds", new ConfigNode.Keys()
                        .optional("ttl", value(DURATION, "how long a slot hold lasts").byDefault("5m")
                                .range("10s", "30m").build())
                        .optional("max-per-property", value(WHOLE_NUMBER, "active holds one client may have for one "
                                + "property; past it 429 hold-quota-exceeded").byDefault(1).range(1, 1000).build())
                        .optional("max-per-client", value(WHOLE_NUMBER, "active holds one client may have at this "
                                + "council; past it 429 hold-quota-exceeded").byDefault(100).range(1, 100_000).build())
                        .optional("max-share", value(WHOLE_NUMBER, "the most one client may hold of the places the "
                                + "council offers it on a day, in percent (each slot offered or held counts one "
                                + "place; 100: no bound); past it 429 hold-quota-exceeded").byDefault(50)
                                .range(1, 100).build())
                        .section("slot holds at this council"))
                .optional("cache", new ConfigNode.Keys()
                        .optional("ttl", value(DURATION, "keep the slots a search found for this long; off when "
                                + "absent").range("1s", "10m").build())
                        .section("the availability cache"))
                .optional("callbacks", new ConfigNode.Keys()
                        .required("secret", value(TEXT, "the secret the scheduler sends with its callbacks")
                                .secret().minLength(16).build())
                        .section("callbacks from the council's scheduler"))
                .section("one council");
    }
}
