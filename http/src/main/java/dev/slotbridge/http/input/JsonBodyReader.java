package dev.slotbridge.http.input;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.slotbridge.engine.error.FieldError;
import dev.slotbridge.engine.error.ProblemException;
import dev.slotbridge.engine.error.ProblemType;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON body — of {@code /v1}, the HRO door or a scheduler's callback — into a request record. The bytes must
 * be UTF-8 (else 400 {@code validation} naming the field whose text is not); the text is parsed strictly — one JSON
 * document, nothing after it, no key twice in an object — else 400 {@code malformed-json}; then its shape is checked,
 * so that a value of the wrong JSON type is a 400 {@code validation} naming the field by its dotted path
 * ({@code jobCodes[0].quantity must be a whole number}) and a list longer than {@value #MAX_LIST_ENTRIES} entries is
 * refused before any entry is looked at. Unknown fields are ignored; {@code null} counts as absent.
 */
@Singleton
public final class JsonBodyReader {
    /** The most entries any list in a request may have. */
    public static final int MAX_LIST_ENTRIES = 50;
    /** Duplicate keys are an error; the reader checks nothing follows the document. */
    private static final JsonFactory STRICT = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /** A record's components by their JSON names and its canonical constructor, read by reflection once per class. */
    private static final ClassValue<RecordShape> RECORDS = new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            try {
                Constructor<?> canonical = type.getDeclaredConstructor(
                        Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
                canonical.setAccessible(true);
                MethodHandle constructor = MethodHandles.lookup().unreflectConstructor(canonical);
                return new RecordShape(Arrays.stream(components).map(component -> {
                    JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
                    return new Component(renamed == null ? component.getName() : renamed.value(), component.getGenericType());
                }).toList(), constructor.asSpreader(Object[].class, components.length));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("a request record's constructor cannot be called: " + type, e);
            }
        }
    };

    private record Component(String name, Type type) {
    }

    private record RecordShape(List<Component> components, MethodHandle constructor) {
    }

    /**
     * Where a value is in the body, spelt out only for an error: {@code job.jobCodes[1].code}, {@code [0].code} in a
     * list body, {@code body} for the body itself.
     */
    private record FieldPath(FieldPath parent, String name, int index) {
        static final FieldPath BODY = new FieldPath(null, null, -1);

        FieldPath field(String field) {
            return new FieldPath(this, field, -1);
        }

        FieldPath entry(int at) {
            return new FieldPath(this, null, at);
        }

        @Override
        public String toString() {
            if (parent == null) {
                return "body";
            }
            String step = name != null ? name : "[" + index + "]";
            return parent.parent == null ? step : parent + (name != null ? "." : "") + step;
        }
    }

    /** The body as the record; a missing body or {@code null} is 400 {@code malformed-json}. */
    public <T extends Record> T read(byte[] body, Class<T> type) {
        JsonNode tree = parse(body);
        if (tree.isNull()) {
            throw new ProblemException(ProblemType.MALFORMED_JSON, "A JSON body is required");
        }
        List<FieldError> errors = new ArrayList<>();
        check(tree, type, FieldPath.BODY, errors);
        requireNone(errors);
        return type.cast(value(tree, type));
    }

    /** A body that is a JSON array of the records; {@code null} is none. Entries are named {@code [0].field}. */
    public <T extends Record> List<T> readList(byte[] body, Class<T> type) {
        JsonNode tree = parse(body);
        if (tree.isNull()) {
            return List.of();
        }
        List<FieldError> errors = new ArrayList<>();
        if (require(tree.isArray(), FieldPath.BODY, "must be an array", errors)) {
            checkEntries(tree, type, FieldPath.BODY, errors);
        }
        requireNone(errors);
        return entries(tree, type).stream().map(type::cast).toList();
    }

    /**
     * The body as a tree: UTF-8, and one JSON document with no key twice in an object. A body of ASCII bytes alone (the
     * usual one), UTF-8 as it stands, is parsed from its bytes; any other is decoded, strictly, first.
     */
    public JsonNode parse(byte[] body) {
        byte[] bytes = body == null ? new byte[0] : body;
        return isAscii(bytes) ? parseOneDocumentWithoutDuplicateKeys(bytes, null)
                : parseOneDocumentWithoutDuplicateKeys(null, utf8(bytes));
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static void requireNone(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /**
     * A checked value as the type: strings, whole numbers, lists and records (by their canonical constructors;
     * fields they do not name are ignored); {@code null} and absent fields are null.
     */
    private static Object value(JsonNode node, Type type) {
        if (node == null || node.isNull()) {
            return null;
        }
        Class<?> raw = type instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType() : (Class<?>) type;
        if (raw == String.class) {
            return node.getStringValue();
        }
        if (raw == Integer.class) {
            double number = node.getNumberValue().doubleValue();
            if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
                throw new ProblemException(ProblemType.MALFORMED_JSON, "The request body does not have the expected shape");
            }
            return (int) number;
        }
        if (raw == List.class) {
            return entries(node, ((ParameterizedType) type).getActualTypeArguments()[0]);
        }
        if (raw.isRecord()) {
            RecordShape shape = RECORDS.get(raw);
            Object[] arguments = new Object[shape.components().size()];
            for (int i = 0; i < arguments.length; i++) {
                Component component = shape.components().get(i);
                arguments[i] = value(node.get(component.name()), component.type());
            }
            try {
                return shape.constructor().invoke(arguments);
            } catch (RuntimeException e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("a request record could not be made: " + raw, e);
            }
        }
        throw new IllegalArgumentException("a request record's field has a type the reader does not read: " + type);
    }

    private static List<Object> entries(JsonNode list, Type entry) {
        List<Object> values = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            values.add(value(list.get(i), entry));
        }
        return values;
    }

    /** The bytes as text; bytes that are not UTF-8 are 400 naming the field whose text they are in. */
    private static String utf8(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(body.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw notUtf8(body, in.position());
        }
        return out.flip().toString();
    }

    /** The problem with the bytes from {@code at} on: in a string value, that value's field; elsewhere, the body. */
    private static ProblemException notUtf8(byte[] body, int at) {
        try (JsonParser parser = STRICT.createParser(body, 0, at)) {
            try {
                while (parser.nextToken() != null) {
                    // read up to the first byte that is not UTF-8
                }
            } catch (JsonEOFException endsInsideAToken) {
                if (endsInsideAToken.getTokenBeingDecoded() == JsonToken.VALUE_STRING) {
                    return ProblemException.invalid(List.of(new FieldError(path(parser.getParsingContext()),
                            "must be UTF-8 text")));
                }
            }
        } catch (IOException elsewhere) {
            // not inside a string value
        }
        return new ProblemException(ProblemType.MALFORMED_JSON, "The request body is not UTF-8");
    }

    /** The dotted path of the value the parser is in ({@code job.jobCodes[1].code}). */
    private static String path(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext at = context; !at.inRoot(); at = at.getParent()) {
            path.insert(0, at.inArray() ? "[" + at.getCurrentIndex() + "]"
                    : (at.getParent().inRoot() ? "" : ".") + at.getCurrentName());
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /**
     * One pass of a strict parser over the ASCII {@code bytes}, or else the {@code text}: the document as a tree, else
     * 400 {@code malformed-json} saying why.
     */
    private static JsonNode parseOneDocumentWithoutDuplicateKeys(byte[] bytes, String text) {
        try (JsonParser parser = bytes != null ? STRICT.createParser(bytes) : STRICT.createParser(text)) {
            if (parser.nextToken() == null) {
                throw new ProblemException(ProblemType.MALFORMED_JSON, "A JSON body is required");
            }
            JsonNode document = tree(parser);
            if (parser.nextToken() != null) {
                throw new ProblemException(ProblemType.MALFORMED_JSON,
                        "The request body has content after its JSON document");
            }
            return document;
        } catch (StreamReadException e) {
            throw new ProblemException(ProblemType.MALFORMED_JSON, e.getOriginalMessage().startsWith("Duplicate field")
                    ? "The request body names a field twice in one object" : "The request body is not valid JSON");
        } catch (IOException e) {
            throw new ProblemException(ProblemType.MALFORMED_JSON, "The request body is not valid JSON");
        }
    }

    /**
     * The value at the parser's current token, reading on to its end. A list keeps at most one entry more than
     * {@value #MAX_LIST_ENTRIES} (enough to be refused); the rest are read for their syntax but not built.
     */
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
                    if (elements.size() > MAX_LIST_ENTRIES) {
                        parser.skipChildren();
                    } else {
                        elements.add(tree(parser));
                    }
                }
                yield JsonNode.createArrayNode(elements);
            }
            case VALUE_STRING -> JsonNode.createStringNode(parser.getText());
            case VALUE_NUMBER_INT -> JsonNode.createNumberNodeImpl(parser.getNumberValue());
            case VALUE_NUMBER_FLOAT -> JsonNode.createNumberNode(parser.getDecimalValue());
            case VALUE_TRUE -> JsonNode.createBooleanNode(true);
            case VALUE_FALSE -> JsonNode.createBooleanNode(false);
            case VALUE_NULL -> JsonNode.nullNode();
            default -> throw new ProblemException(ProblemType.MALFORMED_JSON, "The request body is not valid JSON");
        };
    }

    private static void check(JsonNode node, Type type, FieldPath path, List<FieldError> errors) {
        if (node.isNull()) {
            return;
        }
        Class<?> raw = type instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType() : (Class<?>) type;
        if (raw == String.class) {
            require(node.isString(), path, "must be a string", errors);
        } else if (raw == Integer.class) {
            require(node.isNumber() && node.getNumberValue().doubleValue() % 1 == 0, path, "must be a whole number", errors);
        } else if (List.class.isAssignableFrom(raw)) {
            if (require(node.isArray(), path, "must be an array", errors)) {
                checkEntries(node, ((ParameterizedType) type).getActualTypeArguments()[0], path, errors);
            }
        } else if (raw.isRecord()) {
            if (require(node.isObject(), path, "must be an object", errors)) {
                for (Component component : RECORDS.get(raw).components()) {
                    JsonNode value = node.get(component.name());
                    if (value != null) {
                        check(value, component.type(), path.field(component.name()), errors);
                    }
                }
            }
        }
    }

    /** The entries of a list, or only its length when it has more than {@value #MAX_LIST_ENTRIES}. */
    private static void checkEntries(JsonNode list, Type entry, FieldPath path, List<FieldError> errors) {
        if (require(list.size() <= MAX_LIST_ENTRIES, path,
                "must have at most " + MAX_LIST_ENTRIES + " entries", errors)) {
            for (int i = 0; i < list.size(); i++) {
                check(list.get(i), entry, path.entry(i), errors);
            }
        }
    }

    private static boolean require(boolean condition, FieldPath path, String message, List<FieldError> errors) {
        if (!condition) {
            errors.add(new FieldError(path.toString(), message));
        }
        return condition;
    }
}
