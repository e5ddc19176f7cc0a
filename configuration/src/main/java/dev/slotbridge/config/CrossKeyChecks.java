package dev.slotbridge.config;

import java.util.Set;
import java.util.TreeSet;

/**
 * What the schema cannot say because it relates keys: a client's councils and a front end's council must be
 * configured, every client must have a permission somewhere, front ends need the HRO secret, and outside the demo a
 * signing key must be set. Read through {@link ConfigSection}, which takes a value of the wrong shape as absent, so
 * they run on a configuration with schema problems too and are reported with them.
 */
final class CrossKeyChecks {
    private CrossKeyChecks() {
    }

    static void check(ConfigSection root, boolean demo, Problems problems) {
        Set<String> councils = root.entries("councils").keySet();
        root.entries("clients").values().forEach(client -> {
            client.list("councils").forEach(council -> requireCouncil(client.path() + ".councils", council, councils, problems));
            client.lists("council-permissions").keySet().stream().filter(council -> !client.list("councils").contains(council))
                    .forEach(council -> problems.add(client.path() + ".council-permissions." + council,
                            "not among the client's councils " + client.list("councils")));
            boolean anyPermission = !client.list("permissions").isEmpty()
                    || client.lists("council-permissions").values().stream().anyMatch(list -> !list.isEmpty());
            if (!anyPermission) {
                problems.add(client.path(), "has no permission at any council; give it 'permissions' (a portal: "
                        + "[search, book, manage-own]; everything: all)");
            }
        });
        ConfigSection hro = root.section("hro");
        hro.entries("front-ends").values().forEach(frontEnd -> frontEnd.text("council")
                .ifPresent(council -> requireCouncil(frontEnd.path() + ".council", council, councils, problems)));
        if (!hro.entries("front-ends").isEmpty() && !hro.has("jwt-secret")) {
            problems.add(hro.path() + ".jwt-secret", "is required to serve HRO front ends");
        }
        if (!demo && !root.has("signing-key")) {
            problems.add(root.path() + ".signing-key", "is required outside the demo environment (set "
                    + "SLOTBRIDGE_SIGNING_KEY, 32+ characters, the same on every replica): without it slot ids and "
                    + "booking refs would not survive a restart nor be shared by replicas");
        }
    }

    private static void requireCouncil(String key, String council, Set<String> councils, Problems problems) {
        if (!councils.contains(council)) {
            problems.add(key, "'" + council + "' is not a configured council"
                    + Suggestions.nearest(council, councils).map(near -> " — did you mean '" + near + "'?")
                    .orElse("; configured: " + new TreeSet<>(councils)));
        }
    }
}
