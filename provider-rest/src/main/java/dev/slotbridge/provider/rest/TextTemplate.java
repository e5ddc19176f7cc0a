package dev.slotbridge.provider.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text with {@code {name}} placeholders ({@code /bookings/{bookingId}/cancel}), compiled once: a placeholder that
 * names no value the operation has stops start-up. A list ({@code jobCodes}) is written comma-separated. Each value is passed through the caller's encoder when rendered
 * (percent-encoding for a path segment or a query value), so a value can never add path segments or parameters.
 */
final class TextTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9-]*(?:\\.[A-Za-z][A-Za-z0-9-]*)*)}");

    private sealed interface Part permits Literal, Placeholder {
    }

    private record Literal(String text) implements Part {
    }

    private record Placeholder(String name) implements Part {
    }

    private final List<Part> parts;

    private TextTemplate(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    /** @throws IllegalArgumentException naming the first placeholder that is not among {@code known} */
    static TextTemplate compile(String text, Set<String> known) {
        List<Part> parts = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        int at = 0;
        while (matcher.find()) {
            if (!known.contains(matcher.group(1))) {
                throw new IllegalArgumentException("uses {" + matcher.group(1) + "}, which this operation does not have; "
                        + "it has " + new TreeSet<>(known));
            }
            if (matcher.start() > at) {
                parts.add(new Literal(text.substring(at, matcher.start())));
            }
            parts.add(new Placeholder(matcher.group(1)));
            at = matcher.end();
        }
        if (at < text.length()) {
            parts.add(new Literal(text.substring(at)));
        }
        return new TextTemplate(parts);
    }

    /** The names of the placeholders in this text. */
    Set<String> placeholders() {
        Set<String> names = new java.util.LinkedHashSet<>();
        parts.forEach(part -> {
            if (part instanceof Placeholder placeholder) {
                names.add(placeholder.name());
            }
        });
        return names;
    }

    /** The one placeholder this text consists of, or null when it has literal text too, or none. */
    String soleName() {
        return parts.size() == 1 && parts.getFirst() instanceof Placeholder placeholder ? placeholder.name() : null;
    }

    /**
     * The text with each placeholder replaced by its value, encoded.
     *
     * @throws MissingValueException when a placeholder's value is absent
     */
    String render(Map<String, Object> values, UnaryOperator<String> encode) {
        StringBuilder text = new StringBuilder();
        for (Part part : parts) {
            switch (part) {
                case Literal literal -> text.append(literal.text());
                case Placeholder placeholder -> {
                    Object value = values.get(placeholder.name());
                    if (value == null) {
                        throw new MissingValueException(placeholder.name());
                    }
                    text.append(encode.apply(value instanceof List<?> list
                            ? String.join(",", list.stream().map(String::valueOf).toList()) : String.valueOf(value)));
                }
            }
        }
        return text.toString();
    }

    /** A placeholder whose value the request does not have (an optional field left out). */
    static final class MissingValueException extends RuntimeException {
        private final String name;

        MissingValueException(String name) {
            super("no value for {" + name + "}", null, false, false);
            this.name = name;
        }

        String name() {
            return name;
        }
    }
}
