package dev.slotbridge.server;

import dev.slotbridge.server.startup.ConfigCheck;
import dev.slotbridge.server.startup.StartupFailure;

import java.util.Arrays;

/**
 * Starts the Slotbridge server; a failed start is reported by {@link StartupFailure}. With {@code check-config} first,
 * validates the configuration and probes the councils' schedulers instead of serving ({@link ConfigCheck}).
 */
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(ConfigCheck.COMMAND)) {
            ConfigCheck.main(Application.class, Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        StartupFailure.start(Application.class, args);
    }
}
