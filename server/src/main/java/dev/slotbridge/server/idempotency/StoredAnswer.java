package dev.slotbridge.server.idempotency;

/**
 * The answer given to a request, kept to be given again.
 *
 * @param status   the HTTP status
 * @param location the {@code Location} header, or null
 * @param body     the response body (a serialisable API record)
 */
public record StoredAnswer(int status, String location, Object body) {
}
