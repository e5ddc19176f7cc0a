package dev.slotbridge.engine.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What an API client may do at a council ({@code slotbridge.clients.<name>.permissions}). A portal needs
 * {@code search}, {@code book} and {@code manage-own}; a contact centre everything.
 */
public enum Permission {
    /** Search free slots. */
    SEARCH,
    /** Book a slot. */
    BOOK,
    /** View, list, reschedule and cancel the bookings this client made. */
    MANAGE_OWN,
    /** View, list, reschedule and cancel every booking at the council, whoever made it. */
    MANAGE_ALL,
    /** See the contact details and access notes of bookings this client did not make. */
    PERSONAL_DATA;

    /** As written in configuration: {@code manage-own}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Optional<Permission> fromConfig(String name) {
        return Arrays.stream(values()).filter(permission -> permission.configName().equals(name)).findFirst();
    }
}
