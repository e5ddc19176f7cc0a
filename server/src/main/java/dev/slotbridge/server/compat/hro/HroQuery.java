package dev.slotbridge.server.compat.hro;

import dev.slotbridge.server.problem.ApiProblemException;
import dev.slotbridge.server.problem.FieldError;
import dev.slotbridge.server.problem.ProblemType;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A query string as the HRO client writes it: values put in unencoded by string interpolation (a {@code +} in an
 * offset is a plus, not a space), with only what the HTTP client itself escapes ({@code %20} for a space,
 * {@code %E2%80%AF} for .NET's narrow no-break space) percent-encoded. Read from the raw query, never through a form
 * decoder.
 */
final class HroQuery {
    private final Map<String, String> values;

    private HroQuery(Map<String, String> values) {
        this.values = values;
    }

    static HroQuery parse(String rawQuery) {
        Map<String, String> values = new HashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                values.putIfAbsent(name, equals < 0 ? "" : decode(pair.substring(equals + 1)));
            }
        }
        return new HroQuery(values);
    }

    /** The value, empty when absent or blank. */
    Optional<String> optional(String name) {
        return Optional.ofNullable(values.get(name)).map(String::strip).filter(value -> !value.isEmpty());
    }

    /** The value; absent or blank is 400 naming the parameter. */
    String required(String name) {
        return optional(name).orElseThrow(() -> invalid(name, "is required"));
    }

    static ApiProblemException invalid(String name, String problem) {
        return new ApiProblemException(ProblemType.VALIDATION, "The query parameter '" + name + "' " + problem,
                List.of(new FieldError(name, problem)), Map.of());
    }

    /** Percent-decoding as in a URI: {@code %XX} bytes as UTF-8; {@code +} stays a plus. */
    private static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
