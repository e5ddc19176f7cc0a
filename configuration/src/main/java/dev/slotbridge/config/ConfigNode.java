package dev.slotbridge.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One node of the description of Slotbridge's configuration ({@link ConfigurationDescription}): a section of named
 * keys, a map of entries named by the operator (councils, clients), a list, a value, or a council's provider settings.
 * The JSON Schema, the validation messages, the reference table and the defaults the typed readers apply all come
 * from these nodes.
 */
public sealed interface ConfigNode permits ConfigNode.Section, ConfigNode.Entries, ConfigNode.Items,
        ConfigNode.ProviderSettings, Value {

    /** One line of meaning, for the reference table and the schema's {@code description}. */
    String meaning();

    /** What a value of this node looks like, for messages ("a duration, e.g. 5s"). */
    String expected();

    /** A fixed set of keys, each described. */
    record Section(String meaning, Map<String, Member> members) implements ConfigNode {
        public Section {
            members = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(members));
        }

        public Optional<Member> member(String name) {
            return Optional.ofNullable(members.get(name));
        }

        @Override
        public String expected() {
            return "a section of keys (" + String.join(", ", members.keySet()) + ")";
        }
    }

    /** A key of a section: its node and whether it must be given. */
    record Member(ConfigNode node, boolean required) {
    }

    /**
     * Entries whose names the operator chooses ({@code councils.<id>}), each described by {@code each}.
     *
     * @param placeholder how the name is shown in key paths, e.g. {@code <id>}
     */
    record Entries(String meaning, String placeholder, ConfigNode each) implements ConfigNode {
        @Override
        public String expected() {
            return "a section of named entries";
        }
    }

    /**
     * A list of {@code each}; with {@code single} one item may also be given alone ({@code permissions: all}).
     *
     * @param minItems the fewest items accepted
     */
    record Items(String meaning, ConfigNode each, boolean single, int minItems) implements ConfigNode {
        @Override
        public String expected() {
            return (single ? "one value or a YAML list" : "a YAML list") + ", each " + each.expected()
                    + (minItems > 0 ? " (at least " + minItems + ")" : "");
        }
    }

    /** A council's {@code settings}: described by the provider the council names. */
    record ProviderSettings(String meaning) implements ConfigNode {
        @Override
        public String expected() {
            return "the settings of the council's provider";
        }
    }

    /** A single value. See {@link Value}. */
    static Value.Builder value(Value.Kind kind, String meaning) {
        return new Value.Builder(kind, meaning);
    }

    /** Helper for building sections in declaration order. */
    final class Keys {
        private final Map<String, Member> members = new LinkedHashMap<>();

        public Keys optional(String name, ConfigNode node) {
            return add(name, new Member(node, false));
        }

        public Keys required(String name, ConfigNode node) {
            return add(name, new Member(node, true));
        }

        private Keys add(String name, Member member) {
            if (members.put(name, member) != null) {
                throw new IllegalArgumentException("key '" + name + "' is described twice");
            }
            return this;
        }

        public Section section(String meaning) {
            return new Section(meaning, members);
        }
    }
}
