package dev.slotbridge.http.input;

import dev.slotbridge.engine.error.FieldError;
import dev.slotbridge.engine.error.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects every bad field of one request, then fails once with all of them (400 {@code validation}). Every door reads
 * its text and dates through here, so a value is held to the same rule wherever it came in.
 */
public final class Violations {
    /** The first date any door takes: earlier ones are mistakes, and no scheduler is asked about year 0. */
    public static final LocalDate FIRST_DATE = LocalDate.of(2000, 1, 1);
    /** The last date any door takes: date arithmetic on anything up to it cannot overflow. */
    public static final LocalDate LAST_DATE = LocalDate.of(2099, 12, 31);
    private static final Instant FIRST_INSTANT = FIRST_DATE.atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant END_INSTANT = LAST_DATE.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final String OUT_OF_RANGE = "must be a date from " + FIRST_DATE + " to " + LAST_DATE;

    private final List<FieldError> errors = new ArrayList<>();

    public void add(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    /** The stripped value; records "is required" when it is missing or blank. */
    public String required(String field, String value, TextRule rule) {
        if (value == null || value.isBlank()) {
            add(field, "is required");
            return null;
        }
        return optional(field, value, rule);
    }

    /** The stripped value, or null when missing or blank; records what breaks the rule. */
    public String optional(String field, String value, TextRule rule) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > rule.maxLength()) {
            add(field, "must be at most " + rule.maxLength() + " characters");
        }
        String unstorable = unstorable(value, rule.freeText());
        if (unstorable != null) {
            add(field, "must not contain " + unstorable);
        }
        return stripped;
    }

    /**
     * What in the text no scheduler can store, or null: a control character (tab, CR and LF only in free text), a lone
     * surrogate, a bidirectional override, or U+FFFE or U+FFFF. XML 1.0, which DRS's SOAP bodies are, cannot carry most
     * of them. The whole value is checked, so a line break is refused even where stripping would have removed it.
     */
    private static String unstorable(String text, boolean freeText) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                if (!(freeText && (c == '\t' || c == '\n' || c == '\r'))) {
                    return "control characters" + (freeText ? " other than tab and line breaks" : "");
                }
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "unpaired surrogate characters";
            } else if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
                return "bidirectional override characters";
            } else if (c == 0xfffe || c == 0xffff) {
                return "the noncharacters U+FFFE and U+FFFF";
            }
        }
        return null;
    }

    /** A required date as {@code YYYY-MM-DD}, from {@link #FIRST_DATE} to {@link #LAST_DATE}; null when bad. */
    public LocalDate date(String field, String value) {
        String text = required(field, value, TextRule.DATE_TIME);
        if (text == null) {
            return null;
        }
        try {
            return supported(field, LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            add(field, "must be a date as YYYY-MM-DD");
            return null;
        }
    }

    /** The date, or null when it is before {@link #FIRST_DATE} or after {@link #LAST_DATE}, which is recorded. */
    public LocalDate supported(String field, LocalDate date) {
        if (date.isBefore(FIRST_DATE) || date.isAfter(LAST_DATE)) {
            add(field, OUT_OF_RANGE);
            return null;
        }
        return date;
    }

    /** The instant, or null when its UTC date is before {@link #FIRST_DATE} or after {@link #LAST_DATE}. */
    public Instant supported(String field, Instant instant) {
        if (instant.isBefore(FIRST_INSTANT) || !instant.isBefore(END_INSTANT)) {
            add(field, OUT_OF_RANGE);
            return null;
        }
        return instant;
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
