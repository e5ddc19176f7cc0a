package dev.slotbridge.provider.rest;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;
import java.util.Set;

/**
 * How the scheduler says "no": an answer to one of {@code operations} (every one when empty) with one of
 * {@code statuses} (and, when {@code when} is given, whose value
 * there is {@code equals}, or is present when {@code equals} is not given) means {@code kind}. {@code message} reads
 * the scheduler's own words, shown to the caller under the one policy for scheduler messages.
 */
record ErrorRule(Set<Operation.Kind> operations, Set<Integer> statuses, Expression when, String equals, Kind kind, Expression message) {

    /** What an answer establishes. */
    enum Kind {
        /** The slot is no longer offered: 409. */
        SLOT_TAKEN,
        /** A refusal on business grounds: a refused booking or reschedule is re-checked by a search (409 or 422). */
        REFUSED,
        /** No such booking: 404 (a view finds nothing). */
        NOT_FOUND,
        /** The booking is cancelled or completed: 409. */
        NOT_ACTIVE,
        /** The council's credentials were refused: 502 saying so, never retried. */
        CREDENTIALS_REJECTED,
        /** The scheduler failed: 502, and a write's outcome is unknown. */
        UNAVAILABLE
    }

    boolean matches(Operation.Kind operation, int status, JsonNode body) {
        if (!statuses.contains(status) || !(operations.isEmpty() || operations.contains(operation))) {
            return false;
        }
        if (when == null) {
            return true;
        }
        Optional<JsonNode> found = when.node(body);
        if (equals == null) {
            return found.isPresent() && !(found.get().isValueNode() && found.get().asText().isBlank());
        }
        return found.map(node -> node.isValueNode() && node.asText().equals(equals)).orElse(equals.isEmpty());
    }
}
