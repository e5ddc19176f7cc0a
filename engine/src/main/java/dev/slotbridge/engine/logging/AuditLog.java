package dev.slotbridge.engine.logging;

import dev.slotbridge.engine.error.ErrorTable;
import jakarta.inject.Singleton;
import net.logstash.logback.marker.Markers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

import static net.logstash.logback.argument.StructuredArguments.kv;

/**
 * One line per write (book, reschedule, cancel) on the {@code dev.slotbridge.audit} logger: client, council,
 * operation, bookingRef and outcome (the HTTP status and, for a failure, its problem type, from the error table), each
 * a field of its own in the JSON log format, whose {@code event_type} is {@code audit}. Never personal data.
 */
@Singleton
public final class AuditLog {
    private static final Logger LOG = LoggerFactory.getLogger("dev.slotbridge.audit");
    /** The JSON log format's {@code event_type} of the lines. */
    private static final Marker EVENT = Markers.append("event_type", "audit");

    public void succeeded(String client, String council, String operation, String bookingRef, int status) {
        log(client, council, operation, bookingRef, status);
    }

    public void failed(String client, String council, String operation, String bookingRef, RuntimeException failure) {
        log(client, council, operation, bookingRef, outcome(failure));
    }

    private static void log(String client, String council, String operation, String bookingRef, Object outcome) {
        LOG.info(EVENT, "audit {} {} {} {} {}", kv("client", client), kv("council", council),
                kv("operation", operation), kv("bookingRef", bookingRef == null ? "-" : bookingRef), kv("outcome", outcome));
    }

    private static String outcome(RuntimeException failure) {
        return ErrorTable.auditOutcome(ErrorTable.problemOf(failure));
    }
}
