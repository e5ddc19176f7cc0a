package dev.slotbridge.config;

import dev.slotbridge.spi.ProviderFactory;
import dev.slotbridge.spi.SettingDescriptor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schema (draft 2020-12) of a whole Slotbridge YAML file, written from the {@link ConfigurationDescription}:
 * unknown keys under {@code slotbridge:} are refused, other top-level keys ({@code micronaut}, {@code endpoints}) are
 * Micronaut's and left alone. Each council's {@code settings} are checked against the schema of the provider it
 * names. A value written as a {@code ${…}} placeholder is accepted wherever a value is, since an editor cannot know
 * what it will be; the server validates the resolved configuration, where none is left.
 */
public final class ConfigurationSchema {
    static final String ID = "https://slotbridge.dev/config-schema.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PLACEHOLDER = "\\$\\{[^}]+\\}";

    private final ConfigurationDescription description;

    public ConfigurationSchema(ConfigurationDescription description) {
        this.description = description;
    }

    /** The schema as a tree. */
    public JsonNode tree() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        document.put("$id", ID);
        document.put("title", "Slotbridge configuration");
        document.put("description", "A YAML file given to Slotbridge through MICRONAUT_CONFIG_FILES. Keys under "
                + "slotbridge are Slotbridge's, checked here; other top-level keys are Micronaut's.");
        document.put("type", "object");
        document.put("properties", object("slotbridge", node(description.root())));
        return JSON.valueToTree(document);
    }

    /** The schema as indented JSON, ending with a newline: what {@code /config-schema.json} serves. */
    public String json() {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree()) + "\n";
    }

    private Map<String, Object> node(ConfigNode node) {
        return switch (node) {
            case ConfigNode.Section section -> section(section);
            case ConfigNode.Entries entries -> described(entries.meaning(), object("type", "object",
                    "additionalProperties", node(entries.each())));
            case ConfigNode.Items items -> items(items);
            case ConfigNode.ProviderSettings settings -> described(settings.meaning(), object("type", "object"));
            case Value value -> value(value);
        };
    }

    private Map<String, Object> section(ConfigNode.Section section) {
        Map<String, Object> schema = described(section.meaning(), object("type", "object"));
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        section.members().forEach((name, member) -> {
            properties.put(name, node(member.node()));
            if (member.required()) {
                required.add(name);
            }
        });
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        schema.put("additionalProperties", false);
        section.members().entrySet().stream().filter(entry -> entry.getValue().node() instanceof ConfigNode.ProviderSettings)
                .findFirst().ifPresent(entry -> schema.put("allOf", perProvider(entry.getKey())));
        return schema;
    }

    /** For each provider: if the section names it, its {@code settings} follow the provider's schema. */
    private List<Object> perProvider(String settingsKey) {
        List<Object> rules = new ArrayList<>();
        description.providers().forEach((name, factory) -> rules.add(object(
                "if", object("properties", object("provider", object("const", name)), "required", List.of("provider")),
                "then", object("properties", object(settingsKey, settings(factory))))));
        return rules;
    }

    /** A provider's own schema part when it gives one, else one built from its setting descriptors. */
    private static Object settings(ProviderFactory factory) {
        return factory.settingsSchema().<Object>map(text -> JSON.readTree(text)).orElseGet(() -> {
            Map<String, Object> properties = new LinkedHashMap<>();
            List<String> required = new ArrayList<>();
            for (SettingDescriptor setting : factory.settings()) {
                Map<String, Object> schema = new LinkedHashMap<>();
                schema.put("description", setting.description());
                schema.put("type", List.of("string", "number", "boolean"));
                if (setting.required()) {
                    schema.put("minLength", 1);
                    required.add(setting.key());
                }
                setting.defaultIfAbsent().ifPresent(value -> schema.put("default", value));
                if (setting.secret()) {
                    schema.put("writeOnly", true);
                }
                properties.put(setting.key(), schema);
            }
            Map<String, Object> schema = new LinkedHashMap<>();
            schema.put("type", "object");
            schema.put("properties", properties);
            if (!required.isEmpty()) {
                schema.put("required", required);
            }
            schema.put("additionalProperties", false);
            return schema;
        });
    }

    private Map<String, Object> items(ConfigNode.Items items) {
        Map<String, Object> list = object("type", "array", "items", node(items.each()));
        if (items.minItems() > 0) {
            list.put("minItems", items.minItems());
        }
        return described(items.meaning(), items.single() ? object("anyOf", List.of(node(items.each()), list)) : list);
    }

    private static Map<String, Object> value(Value value) {
        Map<String, Object> schema = new LinkedHashMap<>();
        switch (value.kind()) {
            case TEXT -> {
                schema.put("type", "string");
                if (value.minLength() > 0) {
                    schema.put("minLength", value.minLength());
                }
                if (value.pattern() != null) {
                    schema.put("pattern", value.pattern());
                }
            }
            case WHOLE_NUMBER -> {
                schema.put("type", "integer");
                if (value.min() != null) {
                    schema.put("minimum", Long.parseLong(value.min()));
                }
                if (value.max() != null) {
                    schema.put("maximum", Long.parseLong(value.max()));
                }
            }
            case DURATION -> {
                schema.put("type", "string");
                schema.put("pattern", Value.DURATION_PATTERN);
            }
            case CHOICE -> schema.put("enum", value.choices());
            case BOOLEAN -> schema.put("type", "boolean");
        }
        Map<String, Object> described = described(value.meaning(), object("anyOf", List.of(schema,
                object("type", "string", "pattern", PLACEHOLDER))));
        if (value.defaultValue() != null) {
            described.put("default", switch (value.kind()) {
                case WHOLE_NUMBER -> Long.parseLong(value.defaultValue());
                case BOOLEAN -> Boolean.parseBoolean(value.defaultValue());
                case TEXT, DURATION, CHOICE -> value.defaultValue();
            });
        }
        if (value.secret()) {
            described.put("writeOnly", true);
        }
        return described;
    }

    private static Map<String, Object> described(String meaning, Map<String, Object> schema) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("description", meaning);
        described.putAll(schema);
        return described;
    }

    /** A JSON object of key-value pairs in the order given, so the written schema is the same at every run. */
    private static Map<String, Object> object(Object... pairs) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            object.put((String) pairs[i], pairs[i + 1]);
        }
        return object;
    }
}
