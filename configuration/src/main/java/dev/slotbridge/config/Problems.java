package dev.slotbridge.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The problems of a configuration, one per key: the first said of a key is kept, and a problem inside a value (a
 * list's item, a section's key) is named instead of the value as a whole, so each line points at what to change.
 */
final class Problems {
    private final Map<String, String> byKey = new LinkedHashMap<>();

    /** @param key the full key, as written in configuration ({@code slotbridge.clients.portal.webhooks[0].url}) */
    void add(String key, String problem) {
        byKey.putIfAbsent(key, problem);
    }

    boolean isEmpty() {
        return byKey.isEmpty();
    }

    /** One line per problem: {@code key: problem}. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        byKey.forEach((key, problem) -> {
            if (byKey.keySet().stream().noneMatch(other -> other.startsWith(key + "[") || other.startsWith(key + "."))) {
                lines.add(key + ": " + problem);
            }
        });
        return lines;
    }
}
