package dev.slotbridge.engine.error;

import java.util.Locale;

/**
 * Whose failure an API answer is, the {@code fault} tag of {@code slotbridge_api_requests_total}: the availability
 * SLO counts {@link #SLOTBRIDGE} only, so that a scheduler that is down ({@link #SCHEDULER}) is its own alert and
 * a client's bad request ({@link #CLIENT}) is nobody's outage. Which answer is whose is decided by
 * {@code problem.Faults}.
 */
public enum Fault {
    /** Answered as asked (2xx, 3xx). */
    NONE,
    /** The caller's request could not be served as sent: 4xx, 501, and a client holding too many live keys. */
    CLIENT,
    /** The council's scheduler failed, timed out or its circuit is open: 502, 504, 503 {@code scheduler-unavailable}. */
    SCHEDULER,
    /** Slotbridge itself: 500, 503 {@code store-unavailable} and {@code shutting-down}. */
    SLOTBRIDGE;

    private final String tag = name().toLowerCase(Locale.ROOT);

    public String tag() {
        return tag;
    }
}
