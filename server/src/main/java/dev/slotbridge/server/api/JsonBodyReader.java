package dev.slotbridge.server.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import dev.slotbridge.server.problem.ApiProblemException;
import dev.slotbridge.server.problem.FieldError;
import dev.slotbridge.server.problem.ProblemType;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds a JSON body to a request record. The text is parsed strictly first — one JSON document, nothing after it, no
 * key twice in an object — else 400 {@code malformed-json}; then its shape is checked, so that a value of the wrong
 * JSON type is a 400 {@code validation} naming the field by its dotted path ({@code jobCodes[0].quantity must be a
 * whole number}) rather than an anonymous decoding error. Unknown fields are ignored; {@code null} counts as absent.
 */
@Singleton
final class JsonBodyReader {
    /** Duplicate keys are an error; the reader checks nothing follows the document. */
    private static final JsonFactory STRICT = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /** A record's components, read by reflection once per class. */
    private static final ClassValue<List<Component>> COMPONENTS = new ClassValue<>() {
        @Override
        protected List<Component> computeValue(Class<?> type) {
            return Arrays.stream(type.getRecordComponents())
                    .map(component -> new Component(component.getName(), component.getGenericType())).toList();
        }
    };

    private final JsonMapper json;

    private record Component(String name, Type type) {
    }

    JsonBodyReader(JsonMapper json) {
        this.json = json;
    }

    <T extends Record> T read(String text, Class<T> type) {
        if (text == null || text.isBlank()) {
            throw new ApiProblemException(ProblemType.MALFORMED_JSON, "A JSON body is required");
        }
        JsonNode body = parseOneDocumentWithoutDuplicateKeys(text);
        if (body.isNull()) {
            throw new ApiProblemException(ProblemType.MALFORMED_JSON, "A JSON body is required");
        }
        List<FieldError> errors = new ArrayList<>();
        check(body, type, "", errors);
        if (!errors.isEmpty()) {
            throw ApiProblemException.invalid(errors);
        }
        try {
            return json.readValueFromTree(body, Argument.of(type));
        } catch (IOException e) {
            throw new ApiProblemException(ProblemType.MALFORMED_JSON, "The request body does not have the expected shape");
        }
    }

    /** One pass of a strict parser: the document as a tree, else 400 {@code malformed-json} saying why. */
    private static JsonNode parseOneDocumentWithoutDuplicateKeys(String text) {
        try (JsonParser parser = STRICT.createParser(text)) {
            if (parser.nextToken() == null) {
                throw new ApiProblemException(ProblemType.MALFORMED_JSON, "A JSON body is required");
            }
            JsonNode document = tree(parser);
            if (parser.nextToken() != null) {
                throw new ApiProblemException(ProblemType.MALFORMED_JSON,
                        "The request body has content after its JSON document");
            }
            return document;
        } catch (StreamReadException e) {
            throw new ApiProblemException(ProblemType.MALFORMED_JSON, e.getOriginalMessage().startsWith("Duplicate field")
                    ? "The request body names a field twice in one object" : "The request body is not valid JSON");
        } catch (IOException e) {
            throw new ApiProblemException(ProblemType.MALFORMED_JSON, "The request body is not valid JSON");
        }
    }

    /** The value at the parser's current token, reading on to its end. */
    private static JsonNode tree(JsonParser parser) throws IOException {
        return switch (parser.currentToken()) {
            case START_OBJECT -> {
                Map<String, JsonNode> fields = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    fields.put(name, tree(parser));
                }
                yield JsonNode.createObjectNode(fields);
            }
            case START_ARRAY -> {
                List<JsonNode> elements = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    elements.add(tree(parser));
                }
                yield JsonNode.createArrayNode(elements);
            }
            case VALUE_STRING -> JsonNode.createStringNode(parser.getText());
            case VALUE_NUMBER_INT -> JsonNode.createNumberNodeImpl(parser.getNumberValue());
            case VALUE_NUMBER_FLOAT -> JsonNode.createNumberNode(parser.getDecimalValue());
            case VALUE_TRUE -> JsonNode.createBooleanNode(true);
            case VALUE_FALSE -> JsonNode.createBooleanNode(false);
            case VALUE_NULL -> JsonNode.nullNode();
            default -> throw new ApiProblemException(ProblemType.MALFORMED_JSON, "The request body is not valid JSON");
        };
    }

    private static void check(JsonNode node, Type type, String path, List<FieldError> errors) {
        if (node.isNull()) {
            return;
        }
        Class<?> raw = type instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType() : (Class<?>) type;
        if (raw == String.class) {
            require(node.isString(), path, "must be a string", errors);
        } else if (raw == Integer.class || raw == int.class) {
            require(node.isNumber() && node.getNumberValue().doubleValue() % 1 == 0, path, "must be a whole number", errors);
        } else if (List.class.isAssignableFrom(raw)) {
            if (require(node.isArray(), path, "must be an array", errors)) {
                Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
                for (int i = 0; i < node.size(); i++) {
                    check(node.get(i), element, path + "[" + i + "]", errors);
                }
            }
        } else if (raw.isRecord()) {
            if (require(node.isObject(), path.isEmpty() ? "body" : path, "must be an object", errors)) {
                for (Component component : COMPONENTS.get(raw)) {
                    JsonNode value = node.get(component.name());
                    if (value != null) {
                        String child = path.isEmpty() ? component.name() : path + "." + component.name();
                        check(value, component.type(), child, errors);
                    }
                }
            }
        }
    }

    private static boolean require(boolean condition, String path, String message, List<FieldError> errors) {
        if (!condition) {
            errors.add(new FieldError(path, message));
        }
        return condition;
    }
}
