package dev.slotbridge.config;

import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A validated section of the configuration, read through its description: each getter returns the value given, else
 * the described default, already checked, so readers never repeat a key's default, type or range.
 */
public final class ConfigSection {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final String path;
    private final ConfigNode.Section node;
    private final Map<String, Object> values;

    ConfigSection(String path, ConfigNode.Section node, Map<String, Object> values) {
        this.path = path;
        this.node = node;
        this.values = values;
    }

    /** Where the section is: {@code slotbridge.councils.lincoln}. */
    public String path() {
        return path;
    }

    /** The entry's name: the last word of the path. */
    public String name() {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    public boolean has(String key) {
        return values.containsKey(described(key));
    }

    public Optional<String> text(String key) {
        return given(key).map(String::valueOf).or(() -> Optional.ofNullable(value(key).defaultValue()));
    }

    public Optional<Duration> duration(String key) {
        return text(key).map(Value::duration);
    }

    public long wholeNumber(String key) {
        return given(key).map(value -> ((Number) value).longValue())
                .orElseGet(() -> Long.parseLong(value(key).defaultValue()));
    }

    public boolean flag(String key) {
        return given(key).map(Boolean.class::cast).orElseGet(() -> Boolean.parseBoolean(value(key).defaultValue()));
    }

    /** A list, a single value given for a list as a list of one, or an empty list when absent. */
    public List<String> list(String key) {
        return strings(given(key).orElse(null));
    }

    /** The section under this one, empty (every default) when absent. */
    public ConfigSection section(String key) {
        return new ConfigSection(path + "." + key, (ConfigNode.Section) node.member(described(key)).orElseThrow().node(),
                map(given(key).orElse(null)));
    }

    /** Named entries of sections ({@code councils}), in name order. */
    public Map<String, ConfigSection> entries(String key) {
        ConfigNode.Entries entries = (ConfigNode.Entries) node.member(described(key)).orElseThrow().node();
        Map<String, ConfigSection> sections = new TreeMap<>();
        map(given(key).orElse(null)).forEach((name, value) -> sections.put(name,
                new ConfigSection(path + "." + key + "." + name, (ConfigNode.Section) entries.each(), map(value))));
        return sections;
    }

    /** Named entries of lists ({@code council-permissions}), in name order. */
    public Map<String, List<String>> lists(String key) {
        Map<String, List<String>> lists = new TreeMap<>();
        map(given(key).orElse(null)).forEach((name, value) -> lists.put(name, strings(value)));
        return lists;
    }

    /** A list of sections ({@code webhooks}). */
    public List<ConfigSection> sections(String key) {
        ConfigNode.Items items = (ConfigNode.Items) node.member(described(key)).orElseThrow().node();
        List<ConfigSection> sections = new ArrayList<>();
        if (given(key).orElse(null) instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                sections.add(new ConfigSection(path + "." + key + "[" + i + "]", (ConfigNode.Section) items.each(),
                        map(list.get(i))));
            }
        }
        return sections;
    }

    /**
     * A provider's settings, each value as text: a nested section or a list (what a provider's own
     * {@code settingsSchema()} allows) as JSON, so the provider reads it back exactly.
     */
    public Map<String, String> settings(String key) {
        Map<String, String> settings = new LinkedHashMap<>();
        map(given(key).orElse(null)).forEach((name, value) -> settings.put(name,
                value instanceof Map<?, ?> || value instanceof List<?> ? JSON.writeValueAsString(value) : String.valueOf(value)));
        return settings;
    }

    private Optional<Object> given(String key) {
        return Optional.ofNullable(values.get(described(key)));
    }

    private Value value(String key) {
        return (Value) node.member(described(key)).orElseThrow().node();
    }

    /** The key, which must be described: reading an undescribed key is a programming error. */
    private String described(String key) {
        if (node.member(key).isEmpty()) {
            throw new IllegalArgumentException(path + "." + key + " is not described");
        }
        return key;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static List<String> strings(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }
}
