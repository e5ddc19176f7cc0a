package dev.slotbridge.provider.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.slotbridge.spi.ProviderContext;
import dev.slotbridge.spi.SchedulerProvider;
import dev.slotbridge.tck.TestingProviderContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The worked examples of {@code docs/providers/rest.md} as provider settings, exactly as the server hands them over
 * (text, nested sections as JSON), so the tests run the configurations the documentation shows.
 */
public final class RestExamples {
    private static final Pattern FENCE = Pattern.compile("(?m)^```yaml\\n(.*?)^```", Pattern.DOTALL);
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    private RestExamples() {
    }

    /** The settings of the documented council, with some replaced (the fake's base-url, the secret). */
    public static Map<String, String> settings(String council, Map<String, String> replaced) {
        Map<String, String> settings = new LinkedHashMap<>();
        councilSettings(council).properties().forEach(member -> settings.put(member.getKey(),
                member.getValue().isContainerNode() ? write(member.getValue()) : member.getValue().asText()));
        settings.putAll(replaced);
        return settings;
    }

    /** Settings written as the YAML of a council's {@code settings} section, as the server hands them over. */
    public static Map<String, String> fromYaml(String settingsYaml) {
        try {
            Map<String, String> settings = new LinkedHashMap<>();
            YAML.readTree(settingsYaml).properties().forEach(member -> settings.put(member.getKey(),
                    member.getValue().isContainerNode() ? write(member.getValue()) : member.getValue().asText()));
            return settings;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A provider for the documented council, built as the server builds it (the TCK's testing context). */
    public static SchedulerProvider provider(String council, Map<String, String> replaced) {
        RestProviderFactory factory = new RestProviderFactory();
        ProviderContext context = TestingProviderContext.of(factory, settings(council, replaced));
        return factory.create(context);
    }

    private static JsonNode councilSettings(String council) {
        try {
            Matcher fence = FENCE.matcher(Files.readString(document()));
            while (fence.find()) {
                JsonNode settings = YAML.readTree(fence.group(1)).path("slotbridge").path("councils").path(council)
                        .path("settings");
                if (!settings.isMissingNode()) {
                    return settings;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalArgumentException("docs/providers/rest.md has no example for council " + council);
    }

    /** docs/providers/rest.md, found from the module's folder upwards. */
    public static Path document() {
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            Path document = folder.resolve("docs/providers/rest.md");
            if (Files.exists(document)) {
                return document;
            }
        }
        throw new IllegalStateException("docs/providers/rest.md not found above " + Path.of("").toAbsolutePath());
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
