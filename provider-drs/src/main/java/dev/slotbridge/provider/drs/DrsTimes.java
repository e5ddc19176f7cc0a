package dev.slotbridge.provider.drs;

import dev.slotbridge.spi.error.SchedulerResponseException;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * ISO 8601 date-times as the gateway takes and gives them. Sent: the council's local time with its offset
 * ({@code 2026-03-29T00:00:00+00:00}, {@code 2026-04-04T23:59:00+01:00}). Received: offset date-times in any of the
 * forms gateways mix ({@code Z} or {@code +01:00}, with or without millis); a value without an offset is taken as
 * local time in the council's zone.
 */
final class DrsTimes {
    private static final DateTimeFormatter SENT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private DrsTimes() {
    }

    static String format(OffsetDateTime time) {
        return SENT.format(time);
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
        try {
            return OffsetDateTime.parse(text.strip());
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text.strip()).atZone(zone).toOffsetDateTime();
            } catch (DateTimeParseException e) {
                throw new SchedulerResponseException("the gateway sent a date-time that is not ISO 8601", e);
            }
        }
    }

    /** The same instant in the council's zone, so slot keys and answers look the same whatever offset came in. */
    static OffsetDateTime local(OffsetDateTime time, ZoneId zone) {
        return time.atZoneSameInstant(zone).toOffsetDateTime();
    }
}
