package dev.slotbridge.config;

import io.micronaut.core.naming.conventions.StringConvention;
import io.micronaut.core.value.PropertyResolver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The {@code slotbridge} configuration as Micronaut resolved it — every file merged, {@code ${…}} placeholders filled,
 * environment overrides applied — as a tree of sections (sorted maps), lists and scalars, with whole numbers and
 * booleans given as text ({@code ${MAX:10}}, an environment variable's {@code true}) made numbers and booleans, numbers given where text is expected made text, and a list given as
 * comma-separated text (an environment variable's value) made a list, as Micronaut converts them.
 *
 * <p>An environment variable overrides a key as Micronaut reads it ({@code SLOTBRIDGE_STORE_TYPE} is
 * {@code slotbridge.store.type}); an empty one counts as unset. One that names no described key is left alone: it may
 * feed a placeholder ({@code ${SLOTBRIDGE_REDIS_URI}}).
 */
public final class ConfigurationTree {
    private static final String ROOT = "slotbridge";
    private static final String ENV_PREFIX = "SLOTBRIDGE_";
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,18}");
    private static final Pattern BOOLEAN = Pattern.compile("(?i)true|false");

    private ConfigurationTree() {
    }

    /**
     * The tree under {@code slotbridge}.
     *
     * @param resolved    the configuration files and system properties, placeholders resolved
     * @param environment the environment variables, which override described keys
     */
    public static Map<String, Object> read(PropertyResolver resolved, Map<String, String> environment,
                                           ConfigurationDescription description) {
        Map<String, Object> tree = new TreeMap<>();
        resolved.getProperties(ROOT, StringConvention.RAW).forEach((key, value) ->
                put(tree, List.of(key.split("\\.")), copy(value)));
        environment.keySet().stream().filter(name -> name.startsWith(ENV_PREFIX) && !environment.get(name).isBlank())
                .sorted().forEach(name -> {
            List<String> words = List.of(name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).split("_"));
            match(description.root(), words, 0, tree, new ArrayList<>())
                    .ifPresent(path -> put(tree, path, environment.get(name)));
        });
        normalise(description.root(), tree);
        return tree;
    }

    /** The described key an environment variable's words name, if any: each key may span several words. */
    private static Optional<List<String>> match(ConfigNode node, List<String> words, int from, Map<String, Object> tree,
                                                List<String> path) {
        if (from == words.size()) {
            return node instanceof Value || node instanceof ConfigNode.Items ? Optional.of(List.copyOf(path)) : Optional.empty();
        }
        for (int to = from + 1; to <= words.size(); to++) {
            String name = String.join("-", words.subList(from, to));
            Optional<ConfigNode> next = switch (node) {
                case ConfigNode.Section section -> section.member(name).map(ConfigNode.Member::node);
                case ConfigNode.Entries entries -> at(tree, ConfigurationPaths.append(path, name)).isPresent()
                        ? Optional.of(entries.each()) : Optional.empty();
                case ConfigNode.ProviderSettings settings -> to == words.size()
                        ? Optional.of(ConfigNode.value(Value.Kind.TEXT, "a setting").build()) : Optional.empty();
                default -> Optional.empty();
            };
            if (next.isPresent()) {
                Optional<List<String>> found = match(next.get(), words, to, tree, ConfigurationPaths.append(path, name));
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }


    /** The value at a path of section keys. */
    static Optional<Object> at(Map<String, Object> tree, List<String> path) {
        Object node = tree;
        for (String name : path) {
            if (!(node instanceof Map<?, ?> section) || !section.containsKey(name)) {
                return Optional.empty();
            }
            node = section.get(name);
        }
        return Optional.ofNullable(node);
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> tree, List<String> path, Object value) {
        Map<String, Object> section = tree;
        for (String name : path.subList(0, path.size() - 1)) {
            Object next = section.get(name);
            if (!(next instanceof Map<?, ?>)) {
                next = new TreeMap<String, Object>();
                section.put(name, next);
            }
            section = (Map<String, Object>) next;
        }
        String last = path.getLast();
        if (value instanceof Map<?, ?> map && section.get(last) instanceof Map<?, ?> existing) {
            ((Map<String, Object>) existing).putAll((Map<String, Object>) map);
        } else {
            section.put(last, value);
        }
    }

    /** A deep copy of a list or map from a YAML file, maps sorted by key. */
    private static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new TreeMap<>();
            map.forEach((key, item) -> copy.put(String.valueOf(key), copy(item)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return new ArrayList<>(list.stream().map(ConfigurationTree::copy).toList());
        }
        return value;
    }

    /** Converts scalars to the kind the description expects, where Micronaut would convert them too. */
    @SuppressWarnings("unchecked")
    private static Object normalise(ConfigNode node, Object given) {
        switch (node) {
            case ConfigNode.Section section when given instanceof Map<?, ?> map ->
                    section.members().forEach((name, member) -> {
                        if (map.containsKey(name)) {
                            ((Map<String, Object>) map).put(name, normalise(member.node(), map.get(name)));
                        }
                    });
            case ConfigNode.Entries entries when given instanceof Map<?, ?> map ->
                    ((Map<String, Object>) map).replaceAll((name, entry) -> normalise(entries.each(), entry));
            case ConfigNode.Items items when given instanceof List<?> list ->
                    ((List<Object>) list).replaceAll(item -> normalise(items.each(), item));
            case ConfigNode.Items items when given instanceof String text -> {
                return normalise(items, new ArrayList<Object>(Arrays.stream(text.split(",")).map(String::strip).toList()));
            }
            case Value value -> {
                if (value.kind() == Value.Kind.WHOLE_NUMBER && given instanceof String text && WHOLE_NUMBER.matcher(text.strip()).matches()) {
                    return Long.parseLong(text.strip());
                }
                if (value.kind() == Value.Kind.BOOLEAN && given instanceof String text && BOOLEAN.matcher(text.strip()).matches()) {
                    return Boolean.parseBoolean(text.strip());
                }
                if (value.kind() != Value.Kind.WHOLE_NUMBER && value.kind() != Value.Kind.BOOLEAN
                        && (given instanceof Number || given instanceof Boolean)) {
                    return String.valueOf(given);
                }
            }
            default -> {
            }
        }
        return given;
    }
}
