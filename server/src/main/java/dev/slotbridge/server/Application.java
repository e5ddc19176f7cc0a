package dev.slotbridge.server;

import dev.slotbridge.server.startup.StartupFailure;

/** Starts the Slotbridge server; a failed start is reported by {@link StartupFailure}. */
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        StartupFailure.start(Application.class, args);
    }
}
