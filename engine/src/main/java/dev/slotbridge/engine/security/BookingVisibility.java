package dev.slotbridge.engine.security;

import jakarta.inject.Singleton;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Which bookings a client may see and change, and whose personal data it may read: with {@code manage-all} every
 * booking at the council, else only those it made; contact details and access notes of a booking it did not make only
 * with {@code personal-data}. A booking it may not see is answered as if it did not exist (404), so refs cannot be
 * probed. The same rule says which clients are told of a change to a booking (webhooks).
 */
@Singleton
public final class BookingVisibility {
    private final BookingOwners owners;

    BookingVisibility(BookingOwners owners) {
        this.owners = owners;
    }

    public void madeBy(ApiClient client, String council, String bookingRef) {
        owners.record(council, bookingRef, client.name());
    }

    /** The client that made the booking through Slotbridge, if one did (and it is still remembered). */
    public Optional<String> maker(String council, String bookingRef) {
        return owners.owner(council, bookingRef);
    }

    public boolean maySee(ApiClient client, String council, String bookingRef) {
        return maySee(client, council, () -> owners.owner(council, bookingRef));
    }

    /** {@link #maySee(ApiClient, String, String)} for a booking whose maker is already known (empty: none). */
    public boolean maySee(ApiClient client, String council, Optional<String> maker) {
        return maySee(client, council, () -> maker);
    }

    /** The maker is looked up only when {@code manage-all} does not decide. */
    private static boolean maySee(ApiClient client, String council, Supplier<Optional<String>> maker) {
        return client.may(council, Permission.MANAGE_ALL) || maker.get().filter(client.name()::equals).isPresent();
    }

    public boolean mayReadPersonalData(ApiClient client, String council, String bookingRef) {
        return client.may(council, Permission.PERSONAL_DATA) || isOwner(client, council, bookingRef);
    }

    private boolean isOwner(ApiClient client, String council, String bookingRef) {
        return owners.owner(council, bookingRef).filter(client.name()::equals).isPresent();
    }
}
