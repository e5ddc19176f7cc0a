package dev.slotbridge.spi.support;

import java.util.Optional;

/**
 * The one policy for passing a scheduler's own message on to a caller (a refusal's {@code detail}): secrets the
 * provider names (a session id) are masked, white space is folded, and a message with markup, or longer than 300
 * characters, or empty, is not passed on at all — the provider then says something of its own.
 */
public final class SchedulerMessages {
    static final int MAX_LENGTH = 300;

    private SchedulerMessages() {
    }

    /** The message fit to show a caller, or empty when it is not. */
    public static Optional<String> forCaller(String message, String... secrets) {
        if (message == null) {
            return Optional.empty();
        }
        String masked = message;
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty()) {
                masked = masked.replace(secret, "***");
            }
        }
        String folded = masked.replaceAll("\\s+", " ").strip();
        if (folded.isEmpty() || folded.indexOf('<') >= 0 || folded.indexOf('>') >= 0 || folded.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(folded);
    }
}
