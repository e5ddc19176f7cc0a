package dev.slotbridge.config;

import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.value.PropertyResolver;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Slotbridge's configuration, validated as a whole before anything reads it: the schema, the code checks of values and
 * the checks between keys, every problem listed at once. Components read their typed settings through
 * {@link #root()}.
 */
public final class SlotbridgeConfiguration {
    private final ConfigurationDescription description;
    private final Map<String, Object> tree;

    private SlotbridgeConfiguration(ConfigurationDescription description, Map<String, Object> tree) {
        this.description = description;
        this.tree = tree;
    }

    /**
     * Reads and validates the configuration Micronaut resolved.
     *
     * @param demo whether the demo environment is on (it alone may run without a signing key)
     * @throws ConfigurationException one line per problem
     */
    public static SlotbridgeConfiguration load(ConfigurationDescription description, PropertyResolver resolved,
                                               Map<String, String> environment, boolean demo) {
        Map<String, Object> tree = ConfigurationTree.read(resolved, environment, description);
        Problems problems = new Problems();
        new ConfigurationValidator(description).check(tree, problems);
        SlotbridgeConfiguration configuration = new SlotbridgeConfiguration(description, tree);
        CrossKeyChecks.check(configuration.root(), demo, problems);
        if (!problems.isEmpty()) {
            throw new ConfigurationException(String.join("\n", problems.lines()));
        }
        return configuration;
    }

    /** The {@code slotbridge} section. */
    public ConfigSection root() {
        return new ConfigSection("slotbridge", description.root(), tree);
    }

    public ConfigurationDescription description() {
        return description;
    }

    /**
     * Every secret value given outside councils' provider settings (whose secrets their providers name), so that
     * logs can mask them.
     */
    public Set<String> secretValues() {
        Set<String> secrets = new TreeSet<>();
        collectSecrets(description.root(), tree, secrets);
        return secrets;
    }

    private static void collectSecrets(ConfigNode node, Object given, Set<String> secrets) {
        switch (node) {
            case ConfigNode.Section section when given instanceof Map<?, ?> map -> section.members().forEach((name, member) -> {
                if (map.containsKey(name)) {
                    collectSecrets(member.node(), map.get(name), secrets);
                }
            });
            case ConfigNode.Entries entries when given instanceof Map<?, ?> map ->
                    map.forEach((name, entry) -> collectSecrets(entries.each(), entry, secrets));
            case ConfigNode.Items items when given instanceof List<?> list ->
                    list.forEach(item -> collectSecrets(items.each(), item, secrets));
            case ConfigNode.Items items -> collectSecrets(items.each(), given, secrets);
            case Value value when value.secret() && given != null -> secrets.add(String.valueOf(given));
            default -> {
            }
        }
    }
}
