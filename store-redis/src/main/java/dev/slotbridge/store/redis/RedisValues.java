package dev.slotbridge.store.redis;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.slotbridge.engine.store.StoreProperties;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The one codec of the structured values the Redis stores keep (a slot's key values, a hold's index entries, a
 * cached search). They are written as JSON, or — {@code slotbridge.store.redis.write-format: legacy}, the default for
 * one release — as the previous version wrote them, so that it can still read what this version writes while both run
 * during a rolling upgrade. Either is always read: a JSON value starts with <code>{</code>, which the earlier format
 * never does (its key values are percent-encoded, its entries start with a number).
 *
 * <p>The earlier format, kept here exactly: key values as {@code name=value&...}, sorted by name, each percent-encoded
 * as an HTML form is ({@link URLEncoder}); records as fields joined by a separator ({@code |} or a tab).
 */
final class RedisValues {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                    JsonInclude.Include.NON_NULL))
            .build();
    private static final TypeReference<Map<String, String>> KEY_VALUES = new TypeReference<>() { };

    private final boolean writesJson;

    RedisValues(String writeFormat) {
        this.writesJson = switch (writeFormat) {
            case StoreProperties.Redis.JSON -> true;
            case StoreProperties.Redis.LEGACY -> false;
            default -> throw new IllegalArgumentException("write-format is legacy or json, not " + writeFormat);
        };
    }

    /** A value as this replica writes it: {@code json} as JSON, else what {@code legacy} gives. */
    String write(Object json, Supplier<String> legacy) {
        return writesJson ? json(json) : legacy.get();
    }

    /** Key values (a slot's key, a hold key) as this replica writes them. */
    String keyValues(Map<String, String> values) {
        return write(new TreeMap<>(values), () -> legacyKeyValues(values));
    }

    /** Key values written in either format; empty for {@code null} or empty text. */
    static Map<String, String> readKeyValues(String stored) {
        if (stored != null && isJson(stored)) {
            try {
                return JSON.readValue(stored, KEY_VALUES);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored key values are not the JSON they should be", e);
            }
        }
        Map<String, String> values = new HashMap<>();
        if (stored != null && !stored.isEmpty()) {
            for (String pair : stored.split("&")) {
                String[] nameAndValue = pair.split("=", 2);
                values.put(URLDecoder.decode(nameAndValue[0], StandardCharsets.UTF_8),
                        URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    /**
     * Key values as an identifier — a hash field's name that replicas compare, such as a held place: the same text in
     * either format and in every version, so that replicas writing either agree on it. It is the earlier format.
     */
    static String identifier(Map<String, String> values) {
        return legacyKeyValues(values);
    }

    /** Whether a stored value is JSON, rather than the earlier format. */
    static boolean isJson(String stored) {
        return stored.startsWith("{");
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored " + type.getSimpleName() + " is not the JSON it should be", e);
        }
    }

    /** An instant as the stores write it, in text: epoch milliseconds. */
    static String millis(Instant instant) {
        return Long.toString(instant.toEpochMilli());
    }

    /** An instant {@link #millis} wrote. */
    static Instant instant(String millis) {
        return Instant.ofEpochMilli(Long.parseLong(millis));
    }

    /** A text percent-encoded as the earlier format does; {@code null} as empty. */
    static String legacyText(String text) {
        return text == null ? "" : URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** A text {@link #legacyText} wrote; empty as {@code null}. */
    static String readLegacyText(String text) {
        return text.isEmpty() ? null : URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** Key values in the earlier format. */
    static String legacyKeyValues(Map<String, String> values) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(values).forEach((name, value) -> text.append(text.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return text.toString();
    }
}
