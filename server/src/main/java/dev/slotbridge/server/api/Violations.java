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

    /** The stripped value; records "is required" when it is missing or blank. */
    String required(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            add(field, "is required");
            return null;
        }
        return optional(field, value, maxLength);
    }

    /** The stripped value, or null when missing or blank. */
    String optional(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            add(field, "must be at most " + maxLength + " characters");
        }
        return stripped;
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
