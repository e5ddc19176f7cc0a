package dev.slotbridge.server.compat.hro;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * The date-times the HRO client sends: C# {@code DateTime} formatted in the server's culture — en-US
 * ({@code 3/16/2026 8:00:00 AM}, with a narrow no-break space before {@code AM} on newer .NET), invariant
 * ({@code 03/16/2026 08:00:00}) — or ISO-8601. A value without an offset is UTC, as the client's values are.
 */
final class HroDates {
    private static final List<DateTimeFormatter> CULTURES = List.of(
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("M/d/yyyy h:mm:ss a").toFormatter(Locale.US),
            DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss", Locale.ROOT));

    private HroDates() {
    }

    /** The instant; anything unreadable is 400 naming the parameter. */
    static Instant instant(String parameter, String value) {
        String text = value.replace('\u202F', ' ').replace('\u00A0', ' ').strip();
        for (DateTimeFormatter culture : CULTURES) {
            try {
                return LocalDateTime.parse(text, culture).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notThisOne) {
                // next culture
            }
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            // without an offset: UTC
        }
        try {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notADateTime) {
            // a date alone
        }
        try {
            return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw HroQuery.invalid(parameter, "must be a date and time such as 3/16/2026 8:00:00 AM, 03/16/2026 08:00:00 "
                    + "or 2026-03-16T08:00:00Z");
        }
    }
}
