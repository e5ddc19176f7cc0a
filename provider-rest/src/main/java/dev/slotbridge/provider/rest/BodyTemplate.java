package dev.slotbridge.provider.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A request body written in the configuration as the JSON it stands for, with {@code {name}} placeholders in string
 * values. Rendering builds a JSON tree and never concatenates text into JSON, so every value is escaped:
 * <ul>
 *   <li>a string that is one placeholder ({@code "{jobCodes}"}) becomes the value with its own type (text, number,
 *       list); when the value is absent, the member (or list element) is left out;</li>
 *   <li>a string mixing text and placeholders ({@code "Repair {externalRef}"}) becomes text; an absent value leaves
 *       the member out;</li>
 *   <li>an object whose only member is {@value #EACH_JOB_CODE} becomes a list with one copy of that member's template
 *       per job code, where {@code {code}} and {@code {quantity}} are the line's.</li>
 * </ul>
 */
final class BodyTemplate {
    static final String EACH_JOB_CODE = "$each-job-code";
    static final Set<String> JOB_CODE_VALUES = Set.of("code", "quantity");

    private final JsonNode template;
    private final Map<JsonNode, TextTemplate> texts;

    private BodyTemplate(JsonNode template, Map<JsonNode, TextTemplate> texts) {
        this.template = template;
        this.texts = texts;
    }

    /** @throws IllegalArgumentException naming the placeholder an operation does not have */
    static BodyTemplate compile(JsonNode template, Set<String> known) {
        Map<JsonNode, TextTemplate> texts = new IdentityHashMap<>();
        compile(template, known, texts);
        return new BodyTemplate(template, texts);
    }

    private static void compile(JsonNode node, Set<String> known, Map<JsonNode, TextTemplate> texts) {
        if (node.isTextual()) {
            texts.put(node, TextTemplate.compile(node.asText(), known));
        } else if (isEachJobCode(node)) {
            Set<String> inLine = new HashSet<>(known);
            inLine.addAll(JOB_CODE_VALUES);
            compile(node.get(EACH_JOB_CODE), inLine, texts);
        } else {
            node.forEach(child -> compile(child, known, texts));
        }
    }

    /** The names of the placeholders the body sends; {@code jobCodes} too when it sends each job code's line. */
    Set<String> placeholders() {
        Set<String> names = new HashSet<>();
        texts.values().forEach(text -> names.addAll(text.placeholders()));
        if (names.stream().anyMatch(JOB_CODE_VALUES::contains)) {
            names.add("jobCodes");
        }
        return names;
    }

    /** The body for these values. */
    JsonNode render(Map<String, Object> values) {
        return render(template, values);
    }

    private JsonNode render(JsonNode node, Map<String, Object> values) {
        if (node.isTextual()) {
            return text(texts.get(node), values);
        }
        if (isEachJobCode(node)) {
            ArrayNode lines = JsonNodeFactory.instance.arrayNode();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> codes = (List<Map<String, Object>>) values.getOrDefault(Variables.JOB_CODE_LINES, List.of());
            for (Map<String, Object> line : codes) {
                Map<String, Object> inLine = new LinkedHashMap<>(values);
                inLine.putAll(line);
                JsonNode rendered = render(node.get(EACH_JOB_CODE), inLine);
                if (rendered != null) {
                    lines.add(rendered);
                }
            }
            return lines;
        }
        if (node.isObject()) {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            node.properties().forEach(member -> {
                JsonNode rendered = render(member.getValue(), values);
                if (rendered != null) {
                    object.set(member.getKey(), rendered);
                }
            });
            return object;
        }
        if (node.isArray()) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            for (JsonNode element : node) {
                JsonNode rendered = render(element, values);
                if (rendered != null) {
                    array.add(rendered);
                }
            }
            return array;
        }
        return node.deepCopy();
    }

    /** The text's value, or null when a value it needs is absent. */
    private static JsonNode text(TextTemplate text, Map<String, Object> values) {
        String sole = text.soleName();
        if (sole != null) {
            return typed(values.get(sole));
        }
        try {
            return JsonNodeFactory.instance.textNode(text.render(values, UnaryOperator.identity()));
        } catch (TextTemplate.MissingValueException e) {
            return null;
        }
    }

    private static JsonNode typed(Object value) {
        return switch (value) {
            case null -> null;
            case Integer number -> JsonNodeFactory.instance.numberNode(number);
            case List<?> list -> {
                ArrayNode array = JsonNodeFactory.instance.arrayNode();
                List<Object> elements = new ArrayList<>(list);
                elements.forEach(element -> array.add(typed(element)));
                yield array;
            }
            default -> JsonNodeFactory.instance.textNode(String.valueOf(value));
        };
    }

    private static boolean isEachJobCode(JsonNode node) {
        return node.isObject() && node.size() == 1 && node.has(EACH_JOB_CODE);
    }
}
