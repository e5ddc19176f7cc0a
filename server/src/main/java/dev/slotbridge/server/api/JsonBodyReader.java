package dev.slotbridge.server.api;

import dev.slotbridge.server.problem.ApiProblemException;
import dev.slotbridge.server.problem.FieldError;
import dev.slotbridge.server.problem.ProblemType;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds a JSON body to a request record after checking its shape, so that a value of the wrong JSON type is a 400
 * {@code validation} naming the field by its dotted path ({@code jobCodes[0].quantity must be a whole number}) rather
 * than an anonymous decoding error. Unknown fields are ignored; {@code null} counts as absent.
 */
@Singleton
final class JsonBodyReader {
    private final JsonMapper json;

    JsonBodyReader(JsonMapper json) {
        this.json = json;
    }

    <T extends Record> T read(JsonNode body, Class<T> type) {
        if (body == null || body.isNull()) {
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
                for (RecordComponent component : raw.getRecordComponents()) {
                    JsonNode value = node.get(component.getName());
                    if (value != null) {
                        String child = path.isEmpty() ? component.getName() : path + "." + component.getName();
                        check(value, component.getGenericType(), child, errors);
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
