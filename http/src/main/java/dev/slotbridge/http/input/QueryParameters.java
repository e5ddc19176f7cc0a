package dev.slotbridge.http.input;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A query string read from the raw query, so that percent-encoded bytes that are not UTF-8 are refused naming the
 * parameter rather than turned into U+FFFD. A parameter the route reads must be given once. Values are read by their
 * {@link TextRule} into {@link Violations}, as body fields are.
 */
public final class QueryParameters {
    private final Map<String, List<String>> values = new HashMap<>();
    private final boolean plusIsSpace;

    private QueryParameters(String rawQuery, boolean plusIsSpace) {
        this.plusIsSpace = plusIsSpace;
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                if (name != null) {
                    values.computeIfAbsent(name, absent -> new ArrayList<>()).add(equals < 0 ? "" : pair.substring(equals + 1));
                }
            }
        }
    }

    /** As web clients write a query: {@code +} is a space. */
    public static QueryParameters form(String rawQuery) {
        return new QueryParameters(rawQuery, true);
    }

    /**
     * As the HRO client writes one: values put in unencoded by string interpolation ({@code +} in an offset is a plus),
     * with only what its HTTP client escapes ({@code %20}, {@code %E2%80%AF} for .NET's narrow no-break space).
     */
    public static QueryParameters verbatim(String rawQuery) {
        return new QueryParameters(rawQuery, false);
    }

    /** The stripped value; records "is required" when it is missing or blank. */
    public String required(Violations violations, String name, TextRule rule) {
        return read(violations, name, rule, true);
    }

    /** The stripped value, or null when missing or blank. */
    public String optional(Violations violations, String name, TextRule rule) {
        return read(violations, name, rule, false);
    }

    private String read(Violations violations, String name, TextRule rule, boolean required) {
        List<String> given = values.getOrDefault(name, List.of());
        if (given.size() > 1) {
            violations.add(name, "must be given once");
            return null;
        }
        String value = given.isEmpty() ? null : decode(given.getFirst());
        if (!given.isEmpty() && value == null) {
            violations.add(name, "must be UTF-8 text");
            return null;
        }
        return required ? violations.required(name, value, rule) : violations.optional(name, value, rule);
    }

    /** Percent-decoding as in a URI ({@code %XX} bytes as UTF-8); null when the bytes are not UTF-8. */
    private String decode(String text) {
        if (text.indexOf('%') < 0 && !(plusIsSpace && text.indexOf('+') >= 0)) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
