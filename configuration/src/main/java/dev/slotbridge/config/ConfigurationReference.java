package dev.slotbridge.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The configuration reference table of {@code docs/configuration.md}: one row per key under {@code slotbridge},
 * written from the {@link ConfigurationDescription}, so the docs list every key once and cannot drift from what the
 * server accepts.
 */
public final class ConfigurationReference {
    private ConfigurationReference() {
    }

    /** The Markdown table: key, default, accepted values, meaning. */
    public static String table(ConfigurationDescription description) {
        List<String> rows = new ArrayList<>();
        rows.add("| key | default | accepted | meaning |");
        rows.add("|---|---|---|---|");
        rows(description.root(), "slotbridge", rows);
        return String.join("\n", rows) + "\n";
    }

    private static void rows(ConfigNode node, String path, List<String> rows) {
        switch (node) {
            case ConfigNode.Section section -> section.members().forEach((name, member) -> {
                ConfigNode child = member.node();
                if (child instanceof ConfigNode.Section || child instanceof ConfigNode.Entries
                        || child instanceof ConfigNode.Items items && items.each() instanceof ConfigNode.Section) {
                    rows(child, path + "." + name, rows);
                } else {
                    rows.add(row(path + "." + name, child, member.required()));
                }
            });
            case ConfigNode.Entries entries -> {
                if (entries.each() instanceof ConfigNode.Section) {
                    rows(entries.each(), path + "." + entries.placeholder(), rows);
                } else {
                    rows.add(row(path + "." + entries.placeholder(), entries.each(), false));
                }
            }
            case ConfigNode.Items items when items.each() instanceof ConfigNode.Section section -> {
                rows.add(row(path, items, false));
                rows(section, path + "[]", rows);
            }
            default -> rows.add(row(path, node, false));
        }
    }

    private static String row(String key, ConfigNode node, boolean required) {
        String defaultValue = required ? "— (required)" : node instanceof Value value && value.defaultValue() != null
                ? "`" + (value.defaultValue().isEmpty() ? "\"\"" : value.defaultValue()) + "`" : "—";
        boolean secret = node instanceof Value value ? value.secret()
                : node instanceof ConfigNode.Items items && items.each() instanceof Value item && item.secret();
        String accepted = node instanceof ConfigNode.Items items && items.each() instanceof ConfigNode.Section
                ? "a YAML list of the keys below" : node.expected();
        return "| `" + key + "` | " + defaultValue + " | " + escape(accepted) + (secret ? "; secret (masked in logs)" : "")
                + " | " + escape(node.meaning()) + " |";
    }

    private static String escape(String text) {
        return text.replace("|", "\\|");
    }
}
