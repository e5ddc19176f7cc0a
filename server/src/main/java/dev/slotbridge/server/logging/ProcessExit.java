package dev.slotbridge.server.logging;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/** Ends the process the way every exit path must: the log flushed first (the writer's queue included), then exit. */
public final class ProcessExit {
    private ProcessExit() {
    }

    /** Flushes the log and exits with the status. */
    public static void exit(int status) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logging) {
            logging.stop();
        }
        System.exit(status);
    }
}
