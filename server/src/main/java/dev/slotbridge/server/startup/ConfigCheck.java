package dev.slotbridge.server.startup;

import dev.slotbridge.engine.council.Council;
import dev.slotbridge.engine.council.CouncilRegistry;
import dev.slotbridge.engine.logging.ConfiguredSecrets;
import dev.slotbridge.engine.logging.PersonalDataMasker;
import dev.slotbridge.server.logging.ProcessExit;
import dev.slotbridge.spi.ProbeResult;
import dev.slotbridge.spi.error.ProviderException;
import dev.slotbridge.spi.error.SchedulerTimeoutException;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.ConfigurationException;
import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code slotbridge check-config [--offline] [FILE…]}: validates a configuration without serving, in the spirit of
 * {@code nginx -t}. The files are those {@code MICRONAUT_CONFIG_FILES} would give the server (that variable when no
 * FILE is given). The server's own application context is built and started — the same environments, property
 * sources and start-up checks — but not its HTTP server, so no port is bound, and with no scheduled work (holds are
 * not swept, webhooks not sent: that is the serving replicas' job). An invalid configuration is reported as a failed
 * start is ({@link StartupFailure}).
 *
 * <p>Then, unless {@code --offline}, each council's scheduler is probed once ({@code SchedulerProvider#probe}, one
 * login or token, never repeated: directory-backed accounts lock after repeated failed logins), all councils at once,
 * each under its council's time limit, and one aligned line per council says how it went. Failure reasons pass through
 * the log's masking of configured secrets.
 *
 * <p>Exit status: {@value #PASSED} valid and every probe passed (a provider with no probe counts as passed and is
 * shown {@code NOT PROBED}); {@value #INVALID} invalid; {@value #PROBE_FAILED} a probe failed; {@value #USAGE} the
 * command line was wrong. The log goes to standard error at {@code warn} (the system properties {@code log.level} and
 * {@code log.target}, which {@code logback.xml} honours), so standard output is the report alone.
 */
public final class ConfigCheck {
    /** The first argument that selects this command instead of serving. */
    public static final String COMMAND = "check-config";
    static final int PASSED = 0;
    static final int INVALID = 1;
    static final int PROBE_FAILED = 2;
    /** EX_USAGE of sysexits.h. */
    static final int USAGE = 64;

    private static final String CONFIG_FILES_VARIABLE = "MICRONAUT_CONFIG_FILES";
    private static final String CONFIG_FILES_PROPERTY = "micronaut.config.files";
    private static final String USAGE_TEXT = """
            usage: slotbridge check-config [--offline] [FILE…]
              Validates the configuration as the server's start-up does, without serving, then logs in once to each
              council's scheduler. FILE…: the YAML files, as MICRONAUT_CONFIG_FILES would give them (by default, that
              variable's files). --offline: validate only; contact no scheduler.
              Exit status: 0 valid and every probe passed, 1 invalid, 2 a probe failed, 64 a wrong command line.""";

    private ConfigCheck() {
    }

    /** Runs the command and exits with its status. */
    public static void main(Class<?> mainClass, String[] args) {
        setIfAbsent("log.level", "warn");
        setIfAbsent("log.target", "System.err");
        ProcessExit.exit(run(mainClass, List.of(args), System.getenv(CONFIG_FILES_VARIABLE), System.out, System.err));
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    /**
     * @param args           what follows {@code check-config}
     * @param configVariable the value of {@code MICRONAUT_CONFIG_FILES}, or null
     * @return the exit status
     */
    static int run(Class<?> mainClass, List<String> args, String configVariable, PrintStream out, PrintStream err) {
        boolean offline = false;
        boolean optionsEnded = false;
        List<String> files = new ArrayList<>();
        for (String arg : args) {
            if (optionsEnded || !arg.startsWith("-")) {
                files.add(arg);
            } else if (arg.equals("--")) {
                optionsEnded = true;
            } else if (arg.equals("--offline")) {
                offline = true;
            } else if (arg.equals("--help") || arg.equals("-h")) {
                out.println(USAGE_TEXT);
                return PASSED;
            } else {
                return usage(err, "unknown option " + arg);
            }
        }
        List<String> variableFiles = split(configVariable);
        if (!files.isEmpty() && !variableFiles.isEmpty() && !variableFiles.equals(files)) {
            return usage(err, CONFIG_FILES_VARIABLE + " is set (" + configVariable + ") and would be read as well as "
                    + String.join(", ", files) + ": unset it, or give no FILE to check its files");
        }
        if (files.stream().anyMatch(file -> file.contains(","))) {
            return usage(err, "a FILE's name contains a comma, which separates the files Micronaut reads");
        }
        List<String> checked = files.isEmpty() ? variableFiles : files;
        List<String> unreadable = checked.stream().filter(file -> !Files.isReadable(Path.of(file)))
                .map(file -> file + ": " + (Files.exists(Path.of(file)) ? "cannot be read" : "no such file")).toList();
        if (!unreadable.isEmpty()) {
            StartupFailure.report(new ConfigurationException(String.join("\n", unreadable)), out);
            return INVALID;
        }
        if (!files.isEmpty() && variableFiles.isEmpty()) {
            System.setProperty(CONFIG_FILES_PROPERTY, String.join(",", files));
        }

        ApplicationContext context = StartupFailure.micronaut(mainClass, new String[0])
                .beanDefinitions(NothingScheduled.replacingTheScheduler()).build();
        try {
            try {
                context.start();
            } catch (RuntimeException failure) {
                StartupFailure.report(failure, out);
                return INVALID;
            }
            defaultTermination();
            List<Council> councils = List.copyOf(context.getBean(CouncilRegistry.class).all());
            out.println("Configuration valid: " + count(councils.size(), "council") + " ("
                    + (checked.isEmpty() ? "no configuration file" : String.join(", ", checked)) + ")"
                    + (offline ? "; --offline: no scheduler contacted" : ""));
            List<Row> rows = offline
                    ? councils.stream().map(council -> new Row(council.id(), council.providerName(), Status.VALID, "")).toList()
                    : probe(councils);
            table(rows).forEach(out::println);
            long failed = rows.stream().filter(row -> row.status() == Status.FAILED).count();
            long notProbed = rows.stream().filter(row -> row.status() == Status.NOT_PROBED).count();
            if (failed > 0) {
                out.println(failed + " of " + count(rows.size(), "probe") + " failed");
            } else if (!offline && !rows.isEmpty()) {
                out.println("Every probe passed" + (notProbed > 0 ? "; " + count(notProbed, "council")
                        + " not probed (the provider offers no probe)" : ""));
            }
            out.flush();
            return failed > 0 ? PROBE_FAILED : PASSED;
        } finally {
            close(context);
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("slotbridge check-config: " + problem);
        err.println(USAGE_TEXT);
        return USAGE;
    }

    private static List<String> split(String configFiles) {
        if (configFiles == null || configFiles.isBlank()) {
            return List.of();
        }
        return Arrays.stream(configFiles.split(",")).map(String::strip).filter(file -> !file.isEmpty()).toList();
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /**
     * The server's SIGTERM handler drains and exits 0; a check stopped by SIGTERM must not look like one that passed,
     * so it gets the JVM's own handling back (exit 143).
     */
    private static void defaultTermination() {
        try {
            Signal.handle(new Signal("TERM"), SignalHandler.SIG_DFL);
        } catch (IllegalArgumentException unsupported) {
            // no such signal here: nothing was installed for it either
        }
    }

    private static void close(ApplicationContext context) {
        try {
            if (context.isRunning()) {
                context.close();
            }
        } catch (RuntimeException e) {
            // the report is written; what failed to close is in the log
        }
    }

    /** How a council came out of the check. */
    enum Status {
        OK("OK"), FAILED("FAILED"), NOT_PROBED("NOT PROBED"), VALID("valid");

        private final String label;

        Status(String label) {
            this.label = label;
        }
    }

    /** One council's line: its id, provider, status and what to say about it. */
    record Row(String council, String provider, Status status, String detail) {
    }

    /** Probes every council at once, each on a thread of its own; the rows in the councils' order. */
    private static List<Row> probe(List<Council> councils) {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Row>> probes = councils.stream().map(council -> threads.submit(() -> probe(council))).toList();
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < probes.size(); i++) {
                rows.add(result(councils.get(i), probes.get(i)));
            }
            return rows;
        }
    }

    private static Row result(Council council, Future<Row> probe) {
        try {
            return probe.get();
        } catch (ExecutionException e) {
            return new Row(council.id(), council.providerName(), Status.FAILED, reason(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while probing", e);
        }
    }

    /** One probe of the council's scheduler, through its guard: once, under the council's time limit. */
    static Row probe(Council council) {
        long started = System.nanoTime();
        try {
            ProbeResult result = council.provider().probe();
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            return result == ProbeResult.NOT_OFFERED
                    ? new Row(council.id(), council.providerName(), Status.NOT_PROBED, "the provider offers no probe")
                    : new Row(council.id(), council.providerName(), Status.OK, millis + " ms");
        } catch (RuntimeException | LinkageError e) {
            return new Row(council.id(), council.providerName(), Status.FAILED, reason(e));
        }
    }

    /** What failed, from the error's kind, then its message on one line; configured secrets masked as in the log. */
    static String reason(Throwable failure) {
        String what = switch (failure) {
            case SchedulerTimeoutException e -> "the scheduler did not answer in time";
            case ProviderException e -> switch (e.kind()) {
                case CREDENTIALS_REJECTED -> "the scheduler refused the credentials";
                case NOT_SENT -> "the scheduler could not be reached";
                case OUTCOME_UNKNOWN -> "the exchange with the scheduler failed";
                case UNREADABLE -> "the scheduler's answer could not be read";
                case REFUSED -> "the scheduler refused the probe";
                case CALLER_ERROR -> "the provider could not send the probe";
            };
            default -> "the provider failed (" + failure.getClass().getSimpleName() + ")";
        };
        String message = failure.getMessage() == null ? "" : failure.getMessage().strip().replaceAll("\\s+", " ");
        return PersonalDataMasker.mask(ConfiguredSecrets.mask(message.isEmpty() ? what : what + ": " + message));
    }

    /** The rows as lines of aligned columns: council, provider, status, detail. */
    static List<String> table(List<Row> rows) {
        int council = rows.stream().mapToInt(row -> row.council().length()).max().orElse(0);
        int provider = rows.stream().mapToInt(row -> row.provider().length()).max().orElse(0);
        int status = rows.stream().mapToInt(row -> row.status().label.length()).max().orElse(0);
        return rows.stream().map(row -> (pad(row.council(), council) + "  " + pad(row.provider(), provider) + "  "
                + pad(row.status().label, status) + "  " + row.detail()).stripTrailing()).toList();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
