package dev.slotbridge.provider.rest;

import dev.slotbridge.spi.error.SchedulerResponseException;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * How the scheduler writes times: requests use {@code format} (a {@link DateTimeFormatter} pattern, by default ISO
 * 8601 with the offset) in {@code zone} (by default the council's). Answers are read as ISO 8601 with an offset or
 * {@code Z}, else in {@code format}; a time that carries no offset is in {@code zone}.
 */
final class TimeFormat {
    private final DateTimeFormatter format;
    private final ZoneId zone;

    TimeFormat(DateTimeFormatter format, ZoneId zone) {
        this.format = format.withZone(zone);
        this.zone = zone;
    }

    static TimeFormat iso(ZoneId zone) {
        return new TimeFormat(DateTimeFormatter.ISO_OFFSET_DATE_TIME, zone);
    }

    String format(Instant instant) {
        return format.format(instant);
    }

    /** @throws SchedulerResponseException when the text is no time this format reads */
    Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            try {
                return LocalDateTime.parse(text).atZone(zone).toInstant();
            } catch (DateTimeParseException notLocal) {
                try {
                    TemporalAccessor parsed = format.parse(text);
                    return parsed.isSupported(ChronoField.OFFSET_SECONDS)
                            ? OffsetDateTime.from(parsed).toInstant()
                            : LocalDateTime.from(parsed).atZone(zone).toInstant();
                } catch (DateTimeException e) {
                    throw new SchedulerResponseException("the scheduler sent a time that is neither ISO 8601 nor in "
                            + "the configured format", e);
                }
            }
        }
    }

}
