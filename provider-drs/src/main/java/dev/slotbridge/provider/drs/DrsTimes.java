package dev.slotbridge.provider.drs;

import dev.slotbridge.spi.error.SchedulerResponseException;
import dev.slotbridge.spi.support.Digits;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * ISO 8601 date-times as the gateway takes and gives them. Sent: the council's local time with its offset
 * ({@code 2026-03-29T00:00:00+00:00}, {@code 2026-04-04T23:59:00+01:00}). Received: offset date-times in any of the
 * forms gateways mix ({@code Z} or {@code +01:00}, with or without millis); a value without an offset is taken as
 * local time in the council's zone.
 *
 * <p>A week's answer holds 56 date-times and the key of every slot two more, so the usual shapes
 * ({@code yyyy-MM-ddTHH:mm:ss} with {@code Z} or {@code ±HH:MM}) are read and written by hand; the general-purpose
 * {@link DateTimeFormatter} allocated about 2 KB per value, most of the garbage of a DRS search. Every other form
 * goes through the formatter as before.
 */
final class DrsTimes {
    private static final DateTimeFormatter SENT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private DrsTimes() {
    }

    static String format(OffsetDateTime time) {
        ZoneOffset offset = time.getOffset();
        if (time.getYear() < 1000 || time.getYear() > 9999 || offset.getTotalSeconds() % 60 != 0) {
            return SENT.format(time);
        }
        int offsetMinutes = Math.abs(offset.getTotalSeconds()) / 60;
        char[] text = new char[25];
        digits(text, 0, time.getYear(), 4);
        text[4] = '-';
        digits(text, 5, time.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, time.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, time.getHour(), 2);
        text[13] = ':';
        digits(text, 14, time.getMinute(), 2);
        text[16] = ':';
        digits(text, 17, time.getSecond(), 2);
        text[19] = offset.getTotalSeconds() < 0 ? '-' : '+';
        digits(text, 20, offsetMinutes / 60, 2);
        text[22] = ':';
        digits(text, 23, offsetMinutes % 60, 2);
        return new String(text);
    }

    /**
     * {@link #format}, or {@code received} itself when it is exactly what {@link #format} would write: a slot's key
     * holds the gateway's own text when the gateway already wrote the time in the council's offset, as it usually
     * does, instead of a copy of it.
     */
    static String format(OffsetDateTime time, String received) {
        return writesAs(time, received) ? received : format(time);
    }

    private static boolean writesAs(OffsetDateTime time, String text) {
        int offsetSeconds = time.getOffset().getTotalSeconds();
        if (text == null || text.length() != 25 || time.getYear() < 1000 || time.getYear() > 9999 || offsetSeconds % 60 != 0) {
            return false;
        }
        int offsetMinutes = Math.abs(offsetSeconds) / 60;
        return Digits.decimal(text, 0, 4) == time.getYear() && text.charAt(4) == '-'
                && Digits.decimal(text, 5, 2) == time.getMonthValue() && text.charAt(7) == '-'
                && Digits.decimal(text, 8, 2) == time.getDayOfMonth() && text.charAt(10) == 'T'
                && Digits.decimal(text, 11, 2) == time.getHour() && text.charAt(13) == ':'
                && Digits.decimal(text, 14, 2) == time.getMinute() && text.charAt(16) == ':'
                && Digits.decimal(text, 17, 2) == time.getSecond() && text.charAt(19) == (offsetSeconds < 0 ? '-' : '+')
                && Digits.decimal(text, 20, 2) == offsetMinutes / 60 && text.charAt(22) == ':'
                && Digits.decimal(text, 23, 2) == offsetMinutes % 60;
    }

    private static void digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    static String startOfDay(LocalDate day, ZoneId zone) {
        return format(day.atStartOfDay(zone).toOffsetDateTime());
    }

    /** 23:59 of the day, as the gateway's own periods end. */
    static String endOfDay(LocalDate day, ZoneId zone) {
        return format(day.atTime(LocalTime.of(23, 59)).atZone(zone).toOffsetDateTime());
    }

    static OffsetDateTime parse(String text, ZoneId zone) {
        if (text == null) {
            throw new SchedulerResponseException("the gateway left out a date-time", null);
        }
        String value = text.strip();
        OffsetDateTime usual = parseUsual(value);
        if (usual != null) {
            return usual;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(value).atZone(zone).toOffsetDateTime();
            } catch (DateTimeParseException e) {
                throw new SchedulerResponseException("the gateway sent a date-time that is not ISO 8601", e);
            }
        }
    }

    /** {@code yyyy-MM-ddTHH:mm:ss} then {@code Z} or {@code ±HH:MM}; null for any other shape. */
    private static OffsetDateTime parseUsual(String text) {
        int length = text.length();
        if ((length != 20 && length != 25) || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = Digits.decimal(text, 0, 4);
        int month = Digits.decimal(text, 5, 2);
        int day = Digits.decimal(text, 8, 2);
        int hour = Digits.decimal(text, 11, 2);
        int minute = Digits.decimal(text, 14, 2);
        int second = Digits.decimal(text, 17, 2);
        int offsetSeconds;
        char sign = text.charAt(19);
        if (length == 20 && sign == 'Z') {
            offsetSeconds = 0;
        } else if (length == 25 && (sign == '+' || sign == '-') && text.charAt(22) == ':') {
            int hours = Digits.decimal(text, 20, 2);
            int minutes = Digits.decimal(text, 23, 2);
            if (hours < 0 || minutes < 0 || hours > 18 || minutes > 59) {
                return null;
            }
            offsetSeconds = (sign == '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
        } else {
            return null;
        }
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, 0, ZoneOffset.ofTotalSeconds(offsetSeconds));
        } catch (DateTimeException e) {
            return null;
        }
    }


    /**
     * The same instant in the council's zone, so slot keys and answers look the same whatever offset came in; the
     * time itself when it already has the zone's offset for that instant.
     */
    static OffsetDateTime local(OffsetDateTime time, ZoneId zone) {
        ZoneOffset offset = zone.getRules().getOffset(time.toInstant());
        return offset.equals(time.getOffset()) ? time : time.withOffsetSameInstant(offset);
    }
}
