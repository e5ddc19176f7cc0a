package dev.slotbridge.provider.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A JSONPath expression (Jayway JsonPath) reading a scheduler's JSON answer, compiled once at start-up so that one
 * that does not parse stops the council there. Reading never fails: what the answer lacks is absent.
 */
final class Expression {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Configuration READING = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(JSON))
            .mappingProvider(new JacksonMappingProvider(JSON))
            .options(Option.SUPPRESS_EXCEPTIONS)
            .build();

    private final String text;
    private final JsonPath path;

    private Expression(String text, JsonPath path) {
        this.text = text;
        this.path = path;
    }

    /** @throws IllegalArgumentException saying why, when the text is not a JSONPath expression starting at {@code $} */
    static Expression compile(String text) {
        if (text == null || !text.strip().startsWith("$")) {
            throw new IllegalArgumentException("must be a JSONPath expression starting with $");
        }
        try {
            return new Expression(text.strip(), JsonPath.compile(text.strip()));
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("is not a JSONPath expression: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("is not a JSONPath expression");
        }
    }

    /** The value found, as a JSON node; empty when the answer has none there (or null). */
    Optional<JsonNode> node(JsonNode document) {
        if (document == null) {
            return Optional.empty();
        }
        Object found = JsonPath.using(READING).parse(document).read(path);
        JsonNode node = found instanceof JsonNode json ? json : JSON.valueToTree(found);
        if (node == null || node.isNull() || node.isMissingNode() || (!path.isDefinite() && node.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(node);
    }

    /** The value found as text (a number or boolean written as text); empty when absent, blank or not a scalar. */
    Optional<String> text(JsonNode document) {
        return node(document).map(node -> !path.isDefinite() && node.isArray() && node.size() == 1 ? node.get(0) : node)
                .filter(JsonNode::isValueNode).map(JsonNode::asText).filter(value -> !value.isBlank());
    }

    /**
     * The items found: the elements of an array (an expression such as {@code $.data[*]} or {@code $.data.*[*]}
     * finds one), or the single object found.
     */
    List<JsonNode> items(JsonNode document) {
        Optional<JsonNode> found = node(document);
        if (found.isEmpty()) {
            return List.of();
        }
        List<JsonNode> items = new ArrayList<>();
        if (found.get().isArray()) {
            found.get().forEach(items::add);
        } else {
            items.add(found.get());
        }
        return items;
    }

    @Override
    public String toString() {
        return text;
    }
}
