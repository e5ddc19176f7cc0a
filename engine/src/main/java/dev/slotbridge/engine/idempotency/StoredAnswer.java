package dev.slotbridge.engine.idempotency;

import java.util.Arrays;
import java.util.Objects;

/**
 * The answer given to a request, kept to be given again — in this process or in Redis, so the body is kept as the
 * bytes that were sent (the front door that made it knows their content type: JSON for {@code /v1}, text for HRO).
 *
 * @param status     the HTTP status
 * @param bookingRef the booking the answer is about
 * @param location   the {@code Location} header, or null
 * @param body       the response body
 */
public record StoredAnswer(int status, String bookingRef, String location, byte[] body) {
    public StoredAnswer {
        Objects.requireNonNull(bookingRef, "bookingRef is null");
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredAnswer that && status == that.status && bookingRef.equals(that.bookingRef)
                && Objects.equals(location, that.location) && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, bookingRef, location, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "StoredAnswer[status=" + status + ", bookingRef=" + bookingRef + ", location=" + location + ", "
                + body.length + " bytes]";
    }
}
