package dev.slotbridge.server.api;

import dev.slotbridge.server.problem.ApiProblemException;
import dev.slotbridge.server.problem.FieldError;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Collects every bad field of one request, then fails once with all of them (400 {@code validation}). */
final class Violations {
    private final List<FieldError> errors = new ArrayList<>();

    void add(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    /** The stripped single-line value; records "is required" when it is missing or blank. */
    String required(String field, String value, int maxLength) {
        return required(field, value, maxLength, false);
    }

    /** The stripped single-line value, or null when missing or blank. */
    String optional(String field, String value, int maxLength) {
        return optional(field, value, maxLength, false);
    }

    /** Free text (description, notes): like {@link #required(String, String, int)}, but tab and line breaks allowed. */
    String requiredText(String field, String value, int maxLength) {
        return required(field, value, maxLength, true);
    }

    /** Free text (description, notes): like {@link #optional(String, String, int)}, but tab and line breaks allowed. */
    String optionalText(String field, String value, int maxLength) {
        return optional(field, value, maxLength, true);
    }

    private String required(String field, String value, int maxLength, boolean freeText) {
        if (value == null || value.isBlank()) {
            add(field, "is required");
            return null;
        }
        return optional(field, value, maxLength, freeText);
    }

    private String optional(String field, String value, int maxLength, boolean freeText) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            add(field, "must be at most " + maxLength + " characters");
        }
        String unstorable = unstorable(stripped, freeText);
        if (unstorable != null) {
            add(field, "must not contain " + unstorable);
        }
        return stripped;
    }

    /**
     * What in the text no scheduler can store, or null: a control character (tab, CR and LF only in free text), a lone
     * surrogate, or a bidirectional override. XML 1.0, which DRS's SOAP bodies are, cannot carry most of them.
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
            }
        }
        return null;
    }

    LocalDate date(String field, String value) {
        String text = required(field, value, 10);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            add(field, "must be a date as YYYY-MM-DD");
            return null;
        }
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw ApiProblemException.invalid(errors);
        }
    }
}
