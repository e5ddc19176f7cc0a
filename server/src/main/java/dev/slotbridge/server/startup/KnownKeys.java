package dev.slotbridge.server.startup;

import dev.slotbridge.server.resilience.ResilienceSettings;
import io.micronaut.core.naming.conventions.StringConvention;
import io.micronaut.core.value.PropertyResolver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Refuses keys Slotbridge does not know under {@code slotbridge.resilience}, each council's {@code resilience}, each
 * client's {@code rate-limit}, {@code slotbridge.idempotency}, {@code slotbridge.store}, each HRO front end (and a store type other
 * than {@code memory} or {@code redis}), as provider settings are refused: a typo
 * ({@code time-out}, {@code failure-rate-treshold}) must stop start-up, not silently leave a default in force.
 * The {@link dev.slotbridge.server.council.CouncilRegistry} reports them with every other configuration problem.
 */
public final class KnownKeys {
    private static final Set<String> RESILIENCE = ResilienceSettings.Key.configNames();
    private static final Set<String> RATE_LIMIT = Set.of("requests", "period");
    private static final Set<String> IDEMPOTENCY = Set.of("ttl", "max-entries", "wait-for-in-flight");
    private static final Set<String> STORE = Set.of("type", "claim-lease", "owner-ttl", "redis.uri", "redis.timeout",
            "redis.reconnect-delay");
    private static final Set<String> STORE_TYPES = Set.of("memory", "redis");
    private static final Set<String> HRO_FRONT_END = Set.of("identifier-sha256", "council", "lead-time-days",
            "max-days", "search-days");

    private KnownKeys() {
    }

    /** One line per unknown key, naming it and the keys known there. */
    public static List<String> problems(PropertyResolver properties) {
        List<String> problems = new ArrayList<>();
        check(properties, "slotbridge.resilience", RESILIENCE, problems);
        check(properties, "slotbridge.idempotency", IDEMPOTENCY, problems);
        check(properties, "slotbridge.store", STORE, problems);
        properties.getProperty("slotbridge.store.type", String.class).filter(type -> !STORE_TYPES.contains(type))
                .ifPresent(type -> problems.add("slotbridge.store.type: '" + type + "' is not a store; use one of "
                        + new TreeSet<>(STORE_TYPES)));
        for (String council : names(properties, "slotbridge.councils")) {
            check(properties, "slotbridge.councils." + council + ".resilience", RESILIENCE, problems);
        }
        for (String frontEnd : names(properties, "slotbridge.hro.front-ends")) {
            check(properties, "slotbridge.hro.front-ends." + frontEnd, HRO_FRONT_END, problems);
        }
        for (String client : names(properties, "slotbridge.clients")) {
            check(properties, "slotbridge.clients." + client + ".rate-limit", RATE_LIMIT, problems);
        }
        return problems;
    }

    private static void check(PropertyResolver properties, String prefix, Set<String> known, List<String> problems) {
        for (String key : new TreeSet<>(properties.getProperties(prefix, StringConvention.RAW).keySet())) {
            if (!known.contains(key)) {
                problems.add(prefix + "." + key + ": unknown key; known: " + new TreeSet<>(known));
            }
        }
    }

    /** The names of the entries under a prefix ({@code lincoln} for {@code slotbridge.councils.lincoln.*}). */
    private static Set<String> names(PropertyResolver properties, String prefix) {
        Set<String> names = new TreeSet<>();
        Map<String, Object> entries = properties.getProperties(prefix, StringConvention.RAW);
        entries.keySet().forEach(key -> names.add(key.split("\\.", 2)[0]));
        return names;
    }
}
