package dev.slotbridge.config;

import dev.slotbridge.spi.SettingDescriptor;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Finds the described node and the given value at a key path under {@code slotbridge} (names and list indexes). */
final class ConfigurationPaths {
    private ConfigurationPaths() {
    }

    /** The path with one more segment. */
    static <T> List<T> append(List<T> path, T segment) {
        List<T> longer = new java.util.ArrayList<>(path);
        longer.add(segment);
        return longer;
    }

    static Optional<Object> valueAt(Map<String, Object> tree, List<Object> path) {
        Object node = tree;
        for (Object segment : path) {
            if (segment instanceof Integer index && node instanceof List<?> list && index < list.size()) {
                node = list.get(index);
            } else if (node instanceof Map<?, ?> map && map.containsKey(String.valueOf(segment))) {
                node = map.get(String.valueOf(segment));
            } else {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(node);
    }

    /** The description of the key at the path; empty inside a provider's own settings schema or an unknown key. */
    static Optional<ConfigNode> nodeAt(ConfigurationDescription description, Map<String, Object> tree, List<Object> path) {
        ConfigNode node = description.root();
        for (int i = 0; i < path.size(); i++) {
            Object segment = path.get(i);
            Optional<ConfigNode> next = switch (node) {
                case ConfigNode.Section section -> section.member(String.valueOf(segment)).map(ConfigNode.Member::node);
                case ConfigNode.Entries entries -> Optional.of(entries.each());
                case ConfigNode.Items items -> segment instanceof Integer ? Optional.of(items.each()) : Optional.empty();
                case ConfigNode.ProviderSettings settings -> setting(description, tree, path.subList(0, i), String.valueOf(segment));
                case Value value -> Optional.empty();
            };
            if (next.isEmpty()) {
                return Optional.empty();
            }
            node = next.get();
        }
        return Optional.of(node);
    }

    /** The keys known at a section, or at a council's settings (its provider's). */
    static Set<String> keysOf(ConfigurationDescription description, Map<String, Object> tree, List<Object> path,
                              ConfigNode node) {
        return switch (node) {
            case ConfigNode.Section section -> section.members().keySet();
            case ConfigNode.ProviderSettings settings -> {
                Set<String> keys = new LinkedHashSet<>();
                provider(description, tree, path).ifPresent(factory -> factory.settings()
                        .forEach(setting -> keys.add(setting.key())));
                yield keys;
            }
            default -> Set.of();
        };
    }

    /** A setting of the provider the council at {@code settingsPath} names, as a text value. */
    private static Optional<ConfigNode> setting(ConfigurationDescription description, Map<String, Object> tree,
                                                List<Object> settingsPath, String key) {
        return provider(description, tree, settingsPath).flatMap(factory -> factory.settingsSchema().isPresent()
                ? Optional.<SettingDescriptor>empty()
                : factory.settings().stream().filter(setting -> setting.key().equals(key)).findFirst())
                .map(setting -> {
                    Value.Builder value = ConfigNode.value(Value.Kind.TEXT, setting.description());
                    return setting.secret() ? value.secret().build() : value.build();
                });
    }

    private static Optional<dev.slotbridge.spi.ProviderFactory> provider(ConfigurationDescription description,
                                                                         Map<String, Object> tree, List<Object> settingsPath) {
        return valueAt(tree, settingsPath.subList(0, settingsPath.size() - 1))
                .flatMap(council -> council instanceof Map<?, ?> map ? Optional.ofNullable(map.get("provider")) : Optional.empty())
                .map(String::valueOf).map(description.providers()::get);
    }
}
