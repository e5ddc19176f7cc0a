package dev.slotbridge.config;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a resolved configuration tree against the {@link ConfigurationSchema} (with networknt's JSON Schema
 * validator), then checks in code what a schema cannot say (ranges of durations, time zones, URLs), and names every
 * problem: the full key path and what is wrong — for an unknown key, the nearest known one. Secret values are never
 * shown. Checks between keys (a client's councils must exist) are {@link CrossKeyChecks}'.
 */
public final class ConfigurationValidator {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConfigurationDescription description;
    private final Schema schema;

    public ConfigurationValidator(ConfigurationDescription description) {
        this.description = description;
        this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(new ConfigurationSchema(description).tree());
    }

    /** Adds every problem of the tree under {@code slotbridge} against the schema and the values' code checks. */
    void check(Map<String, Object> tree, Problems problems) {
        List<Error> errors = schema.validate(JSON.valueToTree(Map.of("slotbridge", tree)));
        for (Error error : errors) {
            List<Object> path = segments(error.getInstanceLocation());
            switch (error.getKeyword()) {
                case "additionalProperties" -> {
                    List<Object> key = ConfigurationPaths.append(path, error.getProperty());
                    problems.add(name(key), "unknown key" + suggestion(path, error.getProperty(), tree));
                }
                case "required" -> problems.add(name(ConfigurationPaths.append(path, error.getProperty())), "is required");
                default -> problems.add(name(path), notAccepted(path, tree));
            }
        }
        walk(description.root(), tree, new ArrayList<>(List.of("slotbridge")), problems);
    }

    /** The code checks of every value given ({@link Value#codeProblem}). */
    private static void walk(ConfigNode node, Object given, List<Object> path, Problems problems) {
        switch (node) {
            case ConfigNode.Section section when given instanceof Map<?, ?> map -> section.members().forEach((name, member) -> {
                if (map.containsKey(name)) {
                    walk(member.node(), map.get(name), ConfigurationPaths.append(path, name), problems);
                }
            });
            case ConfigNode.Entries entries when given instanceof Map<?, ?> map ->
                    map.forEach((name, entry) -> walk(entries.each(), entry, ConfigurationPaths.append(path, name), problems));
            case ConfigNode.Items items when given instanceof List<?> list -> {
                for (int i = 0; i < list.size(); i++) {
                    walk(items.each(), list.get(i), ConfigurationPaths.append(path, i), problems);
                }
            }
            case ConfigNode.Items items when items.single() -> walk(items.each(), given, path, problems);
            case Value value -> value.codeProblem(given).ifPresent(expected ->
                    problems.add(name(path), shown(value, given) + "is not " + expected));
            default -> {
            }
        }
    }

    private String notAccepted(List<Object> path, Map<String, Object> tree) {
        Object given = ConfigurationPaths.valueAt(tree, path.subList(1, path.size())).orElse(null);
        Optional<ConfigNode> node = ConfigurationPaths.nodeAt(description, tree, path.subList(1, path.size()));
        if (node.isEmpty()) {
            return "is not accepted by the provider's settings schema";
        }
        boolean secret = node.get() instanceof Value value && value.secret();
        return (secret || !(given instanceof String || given instanceof Number) ? "" : "'" + given + "' ")
                + "is not " + node.get().expected() + (secret ? " (the value is secret, so not shown)" : "");
    }

    private static String shown(Value value, Object given) {
        return value.secret() ? "the secret value " : "'" + given + "' ";
    }

    /** "— did you mean 'x'?" for the nearest known key at that place, else the known keys. */
    private String suggestion(List<Object> parent, String unknown, Map<String, Object> tree) {
        Set<String> known = ConfigurationPaths.nodeAt(description, tree, parent.subList(1, parent.size()))
                .map(node -> ConfigurationPaths.keysOf(description, tree, parent.subList(1, parent.size()), node))
                .orElse(Set.of());
        return Suggestions.nearest(unknown, known).map(near -> " — did you mean '" + near + "'?")
                .orElseGet(() -> known.isEmpty() ? "" : "; known: " + new java.util.TreeSet<>(known));
    }

    /** A path as written in configuration: {@code slotbridge.clients.portal.webhooks[0].events}. */
    static String name(List<Object> path) {
        StringBuilder name = new StringBuilder();
        for (Object segment : path) {
            if (segment instanceof Integer index) {
                name.append('[').append(index).append(']');
            } else {
                name.append(name.isEmpty() ? "" : ".").append(segment);
            }
        }
        return name.toString();
    }

    private static List<Object> segments(NodePath location) {
        List<Object> segments = new ArrayList<>();
        for (int i = 0; i < location.getNameCount(); i++) {
            segments.add(location.getElement(i));
        }
        return segments;
    }

}
