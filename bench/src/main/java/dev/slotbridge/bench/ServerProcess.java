package dev.slotbridge.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The real server jar in its own process: how long until it is ready, and how much memory it holds. */
final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final long readyMillis;
    final URI base;

    private ServerProcess(Process process, long readyMillis, URI base) {
        this.process = process;
        this.readyMillis = readyMillis;
        this.base = base;
    }

    /**
     * Starts the server jar with the bench jar after it on the class path, which adds {@link BaselineController} and
     * nothing else the server would load.
     */
    static ServerProcess start(Path jar, Path config, int port, List<String> jvmOptions, Map<String, String> env, Path log)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(jar + java.io.File.pathSeparator + benchJar());
        command.add(SERVER_MAIN_CLASS);
        return launch(command, config, port, env, log);
    }

    /**
     * Runs {@code command} (a launcher that ends by exec-ing the JVM, or java itself) with the configuration and port in
     * its environment, and waits for its first successful readiness.
     */
    static ServerProcess launch(List<String> command, Path config, int port, Map<String, String> env, Path log)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("MICRONAUT_CONFIG_FILES", config.toString());
        builder.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        builder.environment().putAll(env);
        URI base = URI.create("http://127.0.0.1:" + port);
        long started = System.nanoTime();
        Process process = builder.start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        long deadline = started + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server stopped while starting:\n" + Files.readString(log));
            }
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(base.resolve("/health/readiness")).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return new ServerProcess(process, (System.nanoTime() - started) / 1_000_000, base);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the server was not ready within 60 s:\n" + Files.readString(log));
    }

    private static final String SERVER_MAIN_CLASS = "dev.slotbridge.server.Application";

    /** The jar (or classes folder) this class was loaded from. */
    private static String benchJar() {
        try {
            return Path.of(ServerProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    long readyMillis() {
        return readyMillis;
    }

    /** The CPU time (user + system) the server process has used so far, from /proc/<pid>/stat. */
    long cpuNanos() throws IOException {
        return ProcessCpu.nanos(process.pid());
    }

    /** The CPU time the server's JIT compiler threads have used so far. */
    long compilerNanos() throws IOException {
        return ProcessCpu.compilerNanos(process.pid());
    }

    long pid() {
        return process.pid();
    }

    /** Resident set size, from /proc. */
    long rssMegabytes() {
        long kilobytes = rssKilobytes();
        return kilobytes < 0 ? -1 : kilobytes / 1024;
    }

    /** Resident set size in kB, {@code VmRSS} of /proc/&lt;pid&gt;/status; -1 when it cannot be read. */
    long rssKilobytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        stop(Duration.ofSeconds(15));
    }

    /** Asks the server to stop (SIGTERM) and waits up to {@code patience} for it, then kills it. */
    void stop(Duration patience) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
        }
    }
}
