package dev.slotbridge.door.hro;

import dev.slotbridge.http.input.QueryParameters;
import dev.slotbridge.http.input.TextRule;
import dev.slotbridge.http.input.Violations;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;

/**
 * The date-times the HRO client sends: C# {@code DateTime} formatted in the server's culture — en-US
 * ({@code 3/16/2026 8:00:00 AM}, with a narrow no-break space before {@code AM} on newer .NET), invariant
 * ({@code 03/16/2026 08:00:00}) — or ISO-8601. A value without an offset is UTC, as the client's values are. Dates
 * that do not exist ({@code 2/30/2027}) are refused, not moved to the month's last day, and so are those outside the
 * dates every door takes ({@link Violations#supported(String, Instant)}).
 */
final class HroDates {
    private static final List<DateTimeFormatter> CULTURES = List.of(
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("M/d/uuuu h:mm:ss a").toFormatter(Locale.US),
            DateTimeFormatter.ofPattern("MM/dd/uuuu HH:mm:ss", Locale.ROOT)).stream()
            .map(culture -> culture.withResolverStyle(ResolverStyle.STRICT)).toList();

    private HroDates() {
    }

    /** The parameter's instant; missing or bad is recorded, naming it, and null. */
    static Instant required(QueryParameters query, Violations violations, String parameter) {
        String text = query.required(violations, parameter, TextRule.DATE_TIME);
        return text == null ? null : instant(violations, parameter, text);
    }

    /** The parameter's instant, or null when it is not sent; bad is recorded, naming it. */
    static Instant optional(QueryParameters query, Violations violations, String parameter) {
        String text = query.optional(violations, parameter, TextRule.DATE_TIME);
        return text == null ? null : instant(violations, parameter, text);
    }

    private static Instant instant(Violations violations, String parameter, String value) {
        String text = value.replace('\u202F', ' ').replace('\u00A0', ' ').strip();
        for (DateTimeFormatter culture : CULTURES) {
            try {
                return violations.supported(parameter, LocalDateTime.parse(text, culture).toInstant(ZoneOffset.UTC));
            } catch (DateTimeException notThisOne) {
                // next culture
            }
        }
        try {
            return violations.supported(parameter, OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeException notWithOffset) {
            // without an offset: UTC
        }
        try {
            return violations.supported(parameter, LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
        } catch (DateTimeException notADateTime) {
            // a date alone
        }
        try {
            return violations.supported(parameter, LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC));
        } catch (DateTimeException e) {
            violations.add(parameter, "must be a date and time such as 3/16/2026 8:00:00 AM, 03/16/2026 08:00:00 "
                    + "or 2026-03-16T08:00:00Z");
            return null;
        }
    }
}
