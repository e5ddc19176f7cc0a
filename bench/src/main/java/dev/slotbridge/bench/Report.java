package dev.slotbridge.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Collects figures as they are measured, then writes the Markdown report and the raw numbers as JSON. */
final class Report {
    /** A target: what was measured against what was required. */
    record Target(String what, String measured, String required, boolean met) {
    }

    private final Map<String, Object> raw = new LinkedHashMap<>();
    private final List<String> sections = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();

    void raw(String key, Object value) {
        raw.put(key, value);
    }

    void section(String markdown) {
        sections.add(markdown);
    }

    void target(String what, double measured, String unit, String comparison, double limit) {
        boolean met = comparison.equals("<=") ? measured <= limit : measured >= limit;
        targets.add(new Target(what, format(measured) + " " + unit, comparison + " " + format(limit) + " " + unit, met));
    }

    void target(String what, String measured, String required, boolean met) {
        targets.add(new Target(what, measured, required, met));
    }

    static String format(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    void write(Path markdown, Path json, String title) throws IOException {
        StringBuilder text = new StringBuilder("# " + title + "\n\n## Targets\n\n| target | measured | required | met |\n|---|---|---|---|\n");
        for (Target target : targets) {
            text.append("| ").append(target.what()).append(" | ").append(target.measured()).append(" | ")
                    .append(target.required()).append(" | ").append(target.met() ? "yes" : "**no**").append(" |\n");
        }
        sections.forEach(section -> text.append("\n").append(section).append("\n"));
        Files.writeString(markdown, text);
        raw.put("targets", targets);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), raw);
    }
}
