package dev.slotbridge.http.edge;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The {@code Date} header of every answer (RFC 9110 §6.6.1, in the IMF-fixdate form of §5.6.7), written once per
 * second as a proxy does rather than formatted for each answer: formatting was about 2 % of a scheduler search's CPU.
 * Used by the request filter for every answer the server gives and by the connection guard for its own refusals; the
 * framework's own {@code Date} is switched off ({@code micronaut.server.date-header: false}).
 */
@Singleton
final class HttpDates {
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final Clock clock;
    private volatile Second current = new Second(Long.MIN_VALUE, "");

    HttpDates(Clock clock) {
        this.clock = clock;
    }

    /** Now, to the second. */
    String now() {
        long second = Math.floorDiv(clock.millis(), 1000);
        Second known = current;
        if (known.epochSecond != second) {
            known = new Second(second, IMF_FIXDATE.format(Instant.ofEpochSecond(second)));
            current = known;
        }
        return known.text;
    }

    private record Second(long epochSecond, String text) {
    }
}
