package dev.slotbridge.provider.drs;

import java.util.Locale;

/** What every operation's {@code return} element says about the call: its {@code status} and {@code errorMsg}. */
interface DrsReturn {
    /** The trimmed {@code status}, or null. */
    String status();

    /** The trimmed {@code errorMsg}, or null. */
    String errorMsg();

    /** Whether the gateway refused or failed the call ({@code status} error or failure). */
    default boolean failed() {
        String status = status();
        return "error".equalsIgnoreCase(status) || "failure".equalsIgnoreCase(status);
    }

    /** Whether the gateway's message is about the session (expired or unknown). */
    default boolean mentionsSession() {
        String message = errorMsg();
        return message != null && message.toLowerCase(Locale.ROOT).contains("session");
    }
}
