package dev.slotbridge.provider.sandbox;

import dev.slotbridge.spi.model.SlotKey;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** One window on one day of the sandbox diary; its {@link SlotKey} form is {@code {date, window}}. */
record DiarySlot(LocalDate date, SandboxWindow window) {
    private static final String DATE = "date";
    private static final String WINDOW = "window";
    private static final int WINDOWS = SandboxWindow.values().length;

    SlotKey key() {
        return SlotKey.of(DATE, date.toString(), WINDOW, window.name());
    }

    /** Written out: the diary looks each window up twice per search, and a record's generated equality is slower. */
    @Override
    public boolean equals(Object other) {
        return other instanceof DiarySlot slot && date.equals(slot.date) && window == slot.window;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(date.toEpochDay() * WINDOWS + window.ordinal());
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
