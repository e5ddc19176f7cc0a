package dev.slotbridge.door.v1.body;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Writes date-times as the API shows them, {@code 2026-03-30T08:00:00+01:00} or {@code 2026-03-02T08:00:00Z}
 * (ISO 8601 with seconds, fractions only when present), by hand: a search answer holds dozens of them, and the
 * general-purpose formatter was a measurable share of its cost.
 */
public final class IsoTime {
    private IsoTime() {
    }

    public static String format(OffsetDateTime time) {
        StringBuilder text = new StringBuilder(25);
        pad(text, time.getYear(), 4).append('-');
        pad(text, time.getMonthValue(), 2).append('-');
        pad(text, time.getDayOfMonth(), 2).append('T');
        pad(text, time.getHour(), 2).append(':');
        pad(text, time.getMinute(), 2).append(':');
        pad(text, time.getSecond(), 2);
        if (time.getNano() != 0) {
            text.append('.');
            pad(text, time.getNano(), 9);
            while (text.charAt(text.length() - 1) == '0') {
                text.setLength(text.length() - 1);
            }
        }
        ZoneOffset offset = time.getOffset();
        return text.append(offset.getTotalSeconds() == 0 ? "Z" : offset.getId()).toString();
    }

    private static StringBuilder pad(StringBuilder text, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            text.append('0');
        }
        return text.append(digits);
    }
}
