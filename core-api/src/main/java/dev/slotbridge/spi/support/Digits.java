package dev.slotbridge.spi.support;

/**
 * Fixed-width decimal fields read straight from text, for parsers of the usual ISO-8601 shapes that spare the JDK's
 * formatter (a date's {@code 2026-03-02}, a time's {@code 08:00:00}); the caller checks the separators and the width.
 */
public final class Digits {
    private Digits() {
    }

    /** The decimal number in {@code width} characters of {@code text} from {@code at}, or -1 when one is not a digit. */
    public static int decimal(CharSequence text, int at, int width) {
        int value = 0;
        for (int i = at; i < at + width; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
