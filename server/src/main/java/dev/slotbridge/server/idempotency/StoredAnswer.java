package dev.slotbridge.server.idempotency;

import java.util.Arrays;
import java.util.Objects;

/**
 * The answer given to a request, kept to be given again — in this process or in Redis, so the body is kept as the
 * JSON bytes that were sent.
 *
 * @param status     the HTTP status
 * @param bookingRef the booking the answer is about
 * @param location   the {@code Location} header, or null
 * @param json       the response body, {@code application/json}
 */
public record StoredAnswer(int status, String bookingRef, String location, byte[] json) {
    public StoredAnswer {
        Objects.requireNonNull(bookingRef, "bookingRef is null");
        json = json.clone();
    }

    @Override
    public byte[] json() {
        return json.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredAnswer that && status == that.status && bookingRef.equals(that.bookingRef)
                && Objects.equals(location, that.location) && Arrays.equals(json, that.json);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, bookingRef, location, Arrays.hashCode(json));
    }

    @Override
    public String toString() {
        return "StoredAnswer[status=" + status + ", bookingRef=" + bookingRef + ", location=" + location + ", "
                + json.length + " bytes]";
    }
}
