package dev.slotbridge.provider.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration reference of docs/providers/rest.md is written from the schema the provider publishes, so it
 * cannot drift from what start-up checks. Run with {@code -Ddocs.write=true} to write it after changing the schema.
 */
class RestDocsTest {
    private static final String START = "<!-- reference: written by RestDocsTest from the provider's settings schema -->\n";
    private static final String END = "<!-- /reference -->";

    @Test
    void theReferenceIsWrittenFromTheSchema() throws IOException {
        JsonNode schema;
        try (InputStream in = RestProviderFactory.class.getResourceAsStream(RestProviderFactory.SCHEMA)) {
            schema = new ObjectMapper().readTree(in);
        }
        List<String> rows = new ArrayList<>(List.of("| key | value | default | meaning |", "|---|---|---|---|"));
        rows(schema, "", rows);
        String table = String.join("\n", rows) + "\n";
        Path document = RestExamples.document();
        String page = Files.readString(document);
        int start = page.indexOf(START);
        int end = page.indexOf(END);
        assertThat(start).as("the reference's start marker").isNotNegative();
        assertThat(end).as("the reference's end marker").isGreaterThan(start);
        String written = page.substring(0, start + START.length()) + table + page.substring(end);
        if (Boolean.getBoolean("docs.write")) {
            Files.writeString(document, written);
            page = written;
        }
        assertThat(page).as("docs/providers/rest.md (write it with -Ddocs.write=true)").isEqualTo(written);
    }

    /** One row per key, nested keys after their section; every operation has the same keys, shown once. */
    private static void rows(JsonNode node, String path, List<String> rows) {
        JsonNode properties = node.path("properties");
        boolean operations = path.equals("operations.");
        for (var member : properties.properties()) {
            String key = path + member.getKey();
            JsonNode value = member.getValue();
            boolean required = StreamSupport.stream(node.path("required").spliterator(), false)
                    .anyMatch(name -> name.asText().equals(member.getKey()));
            assertThat(value.path("description").asText()).as("the description of " + key).isNotBlank();
            rows.add("| `" + key + "` | " + describe(value) + (required ? " (required)" : "") + " | "
                    + (value.has("default") ? "`" + text(value.path("default")) + "`" : "—") + " | "
                    + value.path("description").asText().replace("|", "/") + " |");
            if (operations) {
                continue;
            }
            rows(value.path("items").isObject() ? value.path("items") : value, key + (value.has("items") ? "[]." : "."), rows);
            JsonNode each = value.path("additionalProperties");
            if (each.isObject() && each.has("description")) {
                rows.add("| `" + key + ".<name>` | " + describe(each) + " | — | " + each.path("description").asText() + " |");
            }
        }
        if (operations) {
            JsonNode operation = properties.elements().next();
            rows(operation, "operations.<name>.", rows);
        }
    }

    private static String describe(JsonNode value) {
        if (value.has("enum")) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            return "one of " + StreamSupport.stream(value.path("enum").spliterator(), false).map(JsonNode::asText)
                    .filter(text -> seen.add(text.toLowerCase(java.util.Locale.ROOT))).collect(Collectors.joining(", "));
        }
        if (value.has("anyOf")) {
            return "a status or a list of statuses";
        }
        if (value.path("pattern").asText().startsWith("^\\s*\\$")) {
            return "a JSONPath expression";
        }
        return switch (value.path("type").asText("any")) {
            case "string" -> value.path("pattern").asText().equals("^P") ? "a duration (ISO 8601)" : "text";
            case "integer" -> "a whole number" + (value.has("minimum") ? " from " + value.path("minimum").asText() : "")
                    + (value.has("maximum") ? " to " + value.path("maximum").asText() : "");
            case "array" -> "a list";
            case "object" -> "a section";
            default -> "JSON";
        };
    }

    private static String text(JsonNode value) {
        return value.isArray() ? StreamSupport.stream(value.spliterator(), false).map(JsonNode::asText)
                .collect(Collectors.joining(", ")) : value.asText();
    }
}
