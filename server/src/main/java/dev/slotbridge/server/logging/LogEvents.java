package dev.slotbridge.server.logging;

import net.logstash.logback.marker.LogstashMarker;
import net.logstash.logback.marker.Markers;

/**
 * The {@code event_type} field of the JSON log format's structured lines, so a log shipper can route them: one
 * {@code request} line per request, a {@code scheduler_call} line per scheduler attempt that was not a quiet success,
 * an {@code audit} line per write. The plain format does not show it (its lines start with the same word).
 */
public final class LogEvents {
    public static final LogstashMarker REQUEST = Markers.append("event_type", "request");
    public static final LogstashMarker SCHEDULER_CALL = Markers.append("event_type", "scheduler_call");
    public static final LogstashMarker AUDIT = Markers.append("event_type", "audit");

    private LogEvents() {
    }
}
