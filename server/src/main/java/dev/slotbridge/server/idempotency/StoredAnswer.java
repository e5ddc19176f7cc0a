package dev.slotbridge.server.idempotency;

/**
 * The answer given to a request, kept to be given again.
 *
 * @param status     the HTTP status
 * @param bookingRef the booking the answer is about
 * @param location   the {@code Location} header, or null
 * @param body       the response body (a serialisable API record)
 */
public record StoredAnswer(int status, String bookingRef, String location, Object body) {
}
