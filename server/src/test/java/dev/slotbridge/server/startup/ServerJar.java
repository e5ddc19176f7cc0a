package dev.slotbridge.server.startup;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The real server jar run as a process, for tests of process behaviour (start-up, exit status, what it logs). */
final class ServerJar implements AutoCloseable {
    private final Process process;
    private final Path output;
    final URI base;

    private ServerJar(Process process, Path output, URI base) {
        this.process = process;
        this.output = output;
        this.base = base;
    }

    /** Starts the jar in {@code work} with these environment variables added; its output goes to a file there. */
    static ServerJar start(Path work, Map<String, String> environment) throws IOException {
        return run(work, environment);
    }

    /** Runs {@code java -jar} on the jar with these arguments (e.g. {@code check-config}), as {@link #start} does. */
    static ServerJar run(Path work, Map<String, String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-jar", jar().toString()));
        command.addAll(List.of(args));
        return spawn(work, command, Map.of(), environment);
    }

    /**
     * Runs the jar through the launcher, {@code bin/slotbridge}, with these arguments, on this JVM's JDK, without an
     * ahead-of-time cache (a test of the cache, {@code AotCacheIT}, runs the launcher itself).
     */
    static ServerJar launch(Path work, Map<String, String> environment, String... args) throws IOException {
        Path root = jar().getParent().getParent().getParent();
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("bin/slotbridge").toString()));
        command.addAll(List.of(args));
        return spawn(work, command, Map.of("JAVA_HOME", System.getProperty("java.home"), "SLOTBRIDGE_JAR", jar().toString(),
                "SLOTBRIDGE_AOT_CACHE", "off"), environment);
    }

    private static Path jar() {
        return Path.of(System.getProperty("server.jar")).toAbsolutePath();
    }

    private static ServerJar spawn(Path work, List<String> command, Map<String, String> launcher,
                                   Map<String, String> environment) throws IOException {
        int port = freePort();
        Path output = Files.createTempFile(work, "server", ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        builder.environment().put("SLOTBRIDGE_SIGNING_KEY", "an-integration-test-signing-key-0123456789");
        builder.environment().putAll(launcher);
        builder.environment().putAll(environment);
        return new ServerJar(builder.start(), output, URI.create("http://127.0.0.1:" + port));
    }

    /** Waits (at most 60 s) for the process to end; its exit status. */
    int awaitExit() throws IOException, InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the server did not stop within 60 s:\n" + output());
        }
        return process.exitValue();
    }

    /** Waits (at most 60 s) until the server says it has started. */
    ServerJar awaitStarted() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!output().contains("Startup completed")) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the server did not start:\n" + output());
            }
            process.waitFor(50, TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /** Kills the process at once (SIGKILL): no shutdown hook, no goodbye to Redis or the scheduler. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** Sends SIGTERM, as a service manager or a container runtime does to stop it. */
    void terminate() {
        process.destroy();
    }

    String output() throws IOException {
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    /** A loopback port nothing listens on now. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
