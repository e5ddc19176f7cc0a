package dev.slotbridge.provider.sandbox;

import dev.slotbridge.spi.model.SlotKey;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** One window on one day of the sandbox diary; its {@link SlotKey} form is {@code {date, window}}. */
record DiarySlot(LocalDate date, SandboxWindow window) {
    private static final String DATE = "date";
    private static final String WINDOW = "window";

    SlotKey key() {
        return SlotKey.of(DATE, date.toString(), WINDOW, window.name());
    }

    /** The slot a key names, or empty when the key is not one this provider issued. */
    static Optional<DiarySlot> from(SlotKey key) {
        try {
            return Optional.of(new DiarySlot(LocalDate.parse(key.require(DATE)), SandboxWindow.valueOf(key.require(WINDOW))));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
