package dev.slotbridge.config;

import io.micronaut.core.convert.ConversionService;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A single configuration value: its kind, one line of meaning, its default (as an operator writes it), whether it is
 * a secret (never shown in messages), and what is accepted beyond its kind — choices, a range, a pattern.
 *
 * @param defaultValue as written in YAML ({@code 5s}); null when there is none
 * @param min          the least accepted: a number, or a duration as written ({@code 10s}); null for none
 * @param max          the most accepted, likewise
 * @param pattern      a regular expression a text must match; null for none
 * @param patternMeaning what the pattern accepts, in words, for messages
 * @param minLength    the fewest characters of a text
 * @param check        what code checks beyond the schema (a time zone id), with what it expects; null for none
 */
public record Value(Kind kind, String meaning, String defaultValue, boolean secret, List<String> choices,
                    String min, String max, String pattern, String patternMeaning, int minLength, Check check) implements ConfigNode {

    /** What kind of value. */
    public enum Kind {
        TEXT, WHOLE_NUMBER, DURATION, CHOICE, BOOLEAN
    }

    /** A check made in code, where JSON Schema cannot say it. */
    public record Check(String expected, Predicate<String> accepts) {
        static final Check ZONE = new Check("a time zone id such as Europe/London", text -> {
            try {
                ZoneId.of(text);
                return true;
            } catch (RuntimeException e) {
                return false;
            }
        });
        static final Check ADDRESS_BLOCK = new Check("an IP address or CIDR block such as 10.0.0.0/8, 127.0.0.1 or "
                + "fd00::/8", text -> AddressBlock.parse(text).isPresent());
        static final Check HTTP_URL = new Check("an absolute http or https URL", text -> {
            try {
                var uri = java.net.URI.create(text);
                return uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
            } catch (IllegalArgumentException e) {
                return false;
            }
        });
    }

    /** Durations as Micronaut reads them: {@code 200ms}, {@code 5s}, {@code 10m}, {@code 1h}, {@code 400d}, ISO-8601. */
    static final String DURATION_PATTERN = "^([0-9]+(ns|us|ms|s|m|h|d)|P(?!$)([0-9]+D)?(T(?!$)([0-9]+H)?([0-9]+M)?([0-9]+(\\.[0-9]+)?S)?)?)$";
    private static final Pattern DURATION = Pattern.compile(DURATION_PATTERN);

    public Value {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    @Override
    public String expected() {
        String range = min != null && max != null ? " from " + min + " to " + max
                : min != null ? " of at least " + min : max != null ? " of at most " + max : "";
        return switch (kind) {
            case TEXT -> check != null ? check.expected()
                    : minLength > 0 ? "a text of at least " + minLength + " characters" : pattern != null ? patternMeaning : "a text";
            case WHOLE_NUMBER -> "a whole number" + range;
            case DURATION -> "a duration" + range + " (e.g. 200ms, 5s, 10m)";
            case CHOICE -> "one of " + choices;
            case BOOLEAN -> "true or false";
        };
    }

    /**
     * Why a value given for this node is not accepted beyond what the JSON Schema checks (a duration's range, a time
     * zone id); empty when it is accepted or is of another type (which the schema reports).
     */
    public Optional<String> codeProblem(Object given) {
        if (!(given instanceof String text)) {
            return Optional.empty();
        }
        if (kind == Kind.DURATION && DURATION.matcher(text).matches()) {
            Duration value = duration(text);
            if ((min != null && value.compareTo(duration(min)) < 0) || (max != null && value.compareTo(duration(max)) > 0)) {
                return Optional.of(expected());
            }
        }
        if (kind == Kind.TEXT && check != null && !check.accepts().test(text)) {
            return Optional.of(check.expected());
        }
        return Optional.empty();
    }

    /** A duration as Micronaut converts it. */
    static Duration duration(String text) {
        return ConversionService.SHARED.convertRequired(text, Duration.class);
    }

    /** Builds a value step by step. */
    public static final class Builder {
        private final Kind kind;
        private final String meaning;
        private String defaultValue;
        private boolean secret;
        private List<String> choices = List.of();
        private String min;
        private String max;
        private String pattern;
        private String patternMeaning;
        private int minLength;
        private Check check;

        Builder(Kind kind, String meaning) {
            this.kind = kind;
            this.meaning = meaning;
        }

        public Builder byDefault(Object value) {
            this.defaultValue = String.valueOf(value);
            return this;
        }

        public Builder secret() {
            this.secret = true;
            return this;
        }

        public Builder choices(List<String> choices) {
            this.choices = choices;
            return this;
        }

        public Builder range(Object min, Object max) {
            this.min = min == null ? null : String.valueOf(min);
            this.max = max == null ? null : String.valueOf(max);
            return this;
        }

        public Builder pattern(String pattern, String meaning) {
            this.pattern = pattern;
            this.patternMeaning = meaning;
            return this;
        }

        public Builder minLength(int minLength) {
            this.minLength = minLength;
            return this;
        }

        public Builder check(Check check) {
            this.check = check;
            return this;
        }

        public Value build() {
            return new Value(kind, meaning, defaultValue, secret, choices, min, max, pattern, patternMeaning, minLength, check);
        }
    }
}
