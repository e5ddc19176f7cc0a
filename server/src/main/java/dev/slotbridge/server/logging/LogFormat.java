package dev.slotbridge.server.logging;

import java.util.Optional;
import java.util.Set;

/**
 * The log format, {@code SLOTBRIDGE_LOG_FORMAT} (a system property of that name first, then the environment variable,
 * as {@code logback.xml} reads it): {@code plain} (the default) or {@code json}. Any other value would leave the log
 * with no appender, so the server refuses to start with it.
 */
public final class LogFormat {
    public static final String VARIABLE = "SLOTBRIDGE_LOG_FORMAT";
    private static final Set<String> FORMATS = Set.of("plain", "json");

    private LogFormat() {
    }

    /** The problem with the given format, if it is set and is not one of the formats. */
    public static Optional<String> problem(String given) {
        if (given == null || FORMATS.contains(given)) {
            return Optional.empty();
        }
        return Optional.of(VARIABLE + ": '" + given + "' is not a log format; use plain (the default) or json");
    }

    /** Whether this process logs JSON. */
    public static boolean isJson() {
        return "json".equals(given());
    }

    /** The format this process was given, as {@code logback.xml} reads it. */
    public static String given() {
        String property = System.getProperty(VARIABLE);
        return property != null ? property : System.getenv(VARIABLE);
    }
}
