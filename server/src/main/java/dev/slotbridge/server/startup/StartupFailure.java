package dev.slotbridge.server.startup;

import dev.slotbridge.server.logging.LogFormat;
import dev.slotbridge.server.logging.ProcessExit;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.runtime.Micronaut;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts the server, and when it cannot start says why in one line per problem on standard error — where (a council
 * or server-wide), which key, what is accepted — then exits with status 1. No stack trace unless debug logging is on
 * for {@code dev.slotbridge}. The log is flushed first, so nothing queued in the asynchronous appender is lost.
 */
public final class StartupFailure {
    private StartupFailure() {
    }

    /** Micronaut's start, except that a failure is handed back instead of logged and exited on. */
    private static final class HandBack extends Micronaut {
        @Override
        protected void handleStartupException(Environment environment, Throwable failure) {
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(failure.getMessage(), failure);
        }
    }

    public static void start(Class<?> mainClass, String[] args) {
        Optional<String> logFormat = LogFormat.problem(LogFormat.given());
        if (logFormat.isPresent()) {
            System.err.println("Slotbridge cannot start: 1 problem");
            System.err.println("  " + logFormat.get());
            ProcessExit.exit(1);
        }
        try {
            micronaut(mainClass, args).start();
        } catch (RuntimeException failure) {
            report(failure, System.err);
            ProcessExit.exit(1);
        }
    }

    /**
     * The server's Micronaut, not yet built: the same environments, property sources and beans for {@link #start} and
     * for {@link ConfigCheck}, which starts its context without the HTTP server.
     */
    static Micronaut micronaut(Class<?> mainClass, String[] args) {
        // the banner is not a log line: in the JSON format it would be the one line a shipper cannot parse
        return (Micronaut) new HandBack().mainClass(mainClass).args(args).banner(!LogFormat.isJson());
    }

    static void report(Throwable failure, PrintStream out) {
        List<String> problems = problems(failure);
        out.println("Slotbridge cannot start: " + (problems.size() == 1 ? "1 problem" : problems.size() + " problems"));
        problems.forEach(problem -> out.println("  " + problem));
        if (LoggerFactory.getLogger("dev.slotbridge").isDebugEnabled()) {
            failure.printStackTrace(out);
        }
        out.flush();
    }

    /** The configuration problems the failure carries, one a line; else the deepest cause's message. */
    static List<String> problems(Throwable failure) {
        ConfigurationException configuration = null;
        Throwable deepest = failure;
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof ConfigurationException found) {
                configuration = found;
            }
            deepest = cause;
        }
        Throwable chosen = configuration != null ? configuration : deepest;
        List<String> problems = new ArrayList<>();
        String message = chosen.getMessage() == null ? chosen.getClass().getSimpleName() : chosen.getMessage();
        for (String line : message.split("\n")) {
            if (!line.isBlank()) {
                problems.add(line.strip());
            }
        }
        return problems;
    }
}
