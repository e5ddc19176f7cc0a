package dev.slotbridge.provider.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slotbridge.spi.error.InvalidSettingsException;
import dev.slotbridge.tck.TestingProviderContext;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Start-up is strict: a problem in a council's settings stops it with a message naming the council and the key's
 * path, never a value; and the published schema describes exactly the keys the provider reads.
 */
class RestSettingsTest {
    private static final RestProviderFactory FACTORY = new RestProviderFactory();

    @Test
    void anUnknownNestedKeyIsNamedWithItsPath() {
        assertRefused(replaced("operations", "\"book\":{\"method\"", "\"book\":{\"methd\""),
                "operations.book.methd", "is not a known key");
        assertRefused(replaced("booking", "\"id\"", "\"identifier\""), "booking.identifier", "is not a known key");
    }

    @Test
    void anOperationMissingWhatItsCapabilityNeedsIsNamed() {
        assertRefused(replaced("operations", "\"path\":\"/v2/bookings/{bookingId}/cancel\",", ""),
                "operations.cancel.path", "is required");
        Map<String, String> settings = calder();
        settings.put("booking", settings.get("booking").replace(",\"job-codes\":\"$.metadata.jobCode\"", ""));
        assertRefused(settings, "booking", "must read start, end (or duration), property-ref, external-ref and job-codes");
        Map<String, String> withoutView = calder();
        withoutView.put("operations", without(withoutView.get("operations"), "view"));
        assertRefused(withoutView, "operations.reschedule", "needs operations.view");
        Map<String, String> withoutSlot = calder();
        withoutSlot.remove("slot");
        assertRefused(withoutSlot, "slot", "is required to read the search's slots");
    }

    @Test
    void anExpressionOrTemplateThatDoesNotParseIsNamed() {
        assertRefused(replaced("booking", "\"$.start\"", "\"$.start b\""), "booking.start", "is not a JSONPath expression");
        assertRefused(replaced("slot", "\"$.start\"", "\"start\""), "slot.start", "must be a JSONPath expression");
        assertRefused(replaced("operations", "{propertyRef}", "{propertyRf}"), "operations.book.body", "uses {propertyRf}");
        assertRefused(replaced("operations", "/v2/bookings/{bookingId}/cancel", "/v2/bookings/{externalRef}/cancel"),
                "operations.cancel.path", "uses {externalRef}");
    }

    @Test
    void authNeedsItsSecretAndOnlyItsOwnKeys() {
        Map<String, String> settings = calder();
        settings.remove("secret");
        assertRefused(settings, "secret", "is required by auth type bearer");
        assertRefused(replaced("auth", "\"type\":\"bearer\"", "\"type\":\"bearer\",\"username\":\"council\""),
                "auth.username", "does not belong here");
        assertRefused(replaced("headers", "\"cal-api-version\"", "\"Authorization\""), "headers.Authorization",
                "is set by Slotbridge itself");
    }

    @Test
    void aProblemNeverQuotesTheSecret() {
        Map<String, String> settings = calder();
        settings.put("secret", "s3cr3t-that-must-not-leak");
        settings.put("auth", "{\"type\":\"nonsense\"}");
        assertThatThrownBy(() -> FACTORY.create(TestingProviderContext.of(FACTORY, settings)))
                .hasMessageContaining("auth.type").hasMessageNotContaining("s3cr3t-that-must-not-leak");
    }

    @Test
    void theSchemaDescribesExactlyTheKeysTheProviderReads() throws IOException {
        JsonNode schema;
        try (InputStream in = RestProviderFactory.class.getResourceAsStream(RestProviderFactory.SCHEMA)) {
            schema = new ObjectMapper().readTree(in);
        }
        JsonNode top = schema.path("properties");
        assertThat(names(top)).isEqualTo(RestSettings.DESCRIPTORS.stream().map(setting -> setting.key())
                .collect(Collectors.toCollection(TreeSet::new)));
        assertThat(names(top.path("auth").path("properties"))).isEqualTo(components(Specs.Auth.class));
        assertThat(names(top.path("times").path("properties"))).isEqualTo(components(Specs.Times.class));
        assertThat(names(top.path("slot").path("properties"))).isEqualTo(components(Specs.Slot.class));
        assertThat(names(top.path("booking").path("properties"))).isEqualTo(components(Specs.Booking.class));
        assertThat(names(top.path("errors").path("items").path("properties"))).isEqualTo(components(Specs.Error.class));
        assertThat(names(top.path("operations").path("properties"))).isEqualTo(components(Specs.Operations.class));
        for (JsonNode operation : top.path("operations").path("properties")) {
            JsonNode properties = operation.path("properties");
            assertThat(names(properties)).isEqualTo(components(Specs.Operation.class));
            assertThat(names(properties.path("pagination").path("properties"))).isEqualTo(components(Specs.Pagination.class));
            assertThat(names(properties.path("windows").path("properties"))).isEqualTo(components(Specs.Windows.class));
            assertThat(names(properties.path("windows").path("properties").path("times").path("items").path("properties")))
                    .isEqualTo(components(Specs.Window.class));
        }
    }

    private static Set<String> names(JsonNode properties) {
        Set<String> names = new TreeSet<>();
        Iterator<String> fields = properties.fieldNames();
        fields.forEachRemaining(names::add);
        return names;
    }

    private static Set<String> components(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                .map(name -> name.replaceAll("([A-Z])", "-$1").toLowerCase()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String without(String json, String member) {
        try {
            var tree = (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper().readTree(json);
            tree.remove(member);
            return tree.toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, String> calder() {
        return new HashMap<>(RestExamples.settings("calder", Map.of("base-url", "http://127.0.0.1:1", "secret", "key")));
    }

    private static Map<String, String> replaced(String key, String text, String replacement) {
        Map<String, String> settings = calder();
        assertThat(settings.get(key)).as(key).contains(text);
        settings.put(key, settings.get(key).replace(text, replacement));
        return settings;
    }

    private static void assertRefused(Map<String, String> settings, String key, String problem) {
        assertThatThrownBy(() -> FACTORY.create(TestingProviderContext.of(FACTORY, settings)))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> {
                    assertThat(e.key()).isEqualTo(key);
                    assertThat(e.councilId()).isEqualTo(TestingProviderContext.COUNCIL);
                })
                .hasMessageStartingWith("council 'test': setting '" + key + "' ")
                .hasMessageContaining(problem);
    }
}
