package dev.slotbridge.tck;

import dev.slotbridge.spi.SettingDescriptor;

import java.util.ArrayList;
import java.util.List;

/**
 * The Markdown table documenting a provider's settings, rendered from its {@link SettingDescriptor}s. A provider's
 * documentation holds it verbatim ({@link ProviderFactoryContract} checks), so the docs cannot drift from the code.
 */
public final class SettingsTable {
    /** The table's header row; the checker finds the table by it. */
    public static final String HEADER = "| key | required | default | meaning |";

    private SettingsTable() {
    }

    /** The table's lines, header first. */
    public static List<String> lines(List<SettingDescriptor> settings) {
        List<String> lines = new ArrayList<>(List.of(HEADER, "|---|---|---|---|"));
        for (SettingDescriptor setting : settings) {
            String required = (setting.required() ? "yes" : "no") + (setting.secret() ? ", secret" : "");
            String defaultValue = setting.defaultIfAbsent().map(value -> "`" + value + "`").orElse("—");
            lines.add("| `" + setting.key() + "` | " + required + " | " + defaultValue + " | " + setting.description() + " |");
        }
        return List.copyOf(lines);
    }

    /** The table found in a document: the line equal to {@link #HEADER} and the table lines following it. */
    public static List<String> findIn(List<String> document) {
        int start = document.indexOf(HEADER);
        if (start < 0) {
            return List.of();
        }
        int end = start;
        while (end < document.size() && document.get(end).startsWith("|")) {
            end++;
        }
        return List.copyOf(document.subList(start, end));
    }
}
