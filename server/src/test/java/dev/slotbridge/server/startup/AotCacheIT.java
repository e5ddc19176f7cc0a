package dev.slotbridge.server.startup;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Fast starts without an operator step: on JDK 25, {@code bin/slotbridge} started without a cache for its jar, JDK and
 * options records one and writes it as it stops, and every later start uses it; {@code bin/slotbridge-aot-cache}
 * writes one ahead of time (an image build); a cache made for another jar is made again, not ignored start after
 * start. A start that must use the cache runs with {@code -XX:AOTMode=on} (given through {@code JDK_JAVA_OPTIONS}, not
 * {@code JAVA_OPTS}, which the cache is made for), so the JVM refuses to start unless it can.
 */
final class AotCacheIT {
    private static final Path ROOT = Path.of(System.getProperty("server.jar")).toAbsolutePath().getParent().getParent().getParent();

    @TempDir
    Path work;

    private Path jar;
    private Map<String, String> environment;

    @BeforeEach
    void copyTheJar() throws IOException {
        assumeTrue(Runtime.version().feature() >= 25, "ahead-of-time caches need JDK 25");
        jar = Files.copy(Path.of(System.getProperty("server.jar")), work.resolve("slotbridge-server.jar"),
                StandardCopyOption.COPY_ATTRIBUTES);
        Path config = Files.writeString(work.resolve("councils.yml"), """
                slotbridge:
                  councils:
                    lincoln:
                      provider: sandbox
                """);
        environment = Map.of("SLOTBRIDGE_JAR", jar.toString(), "MICRONAUT_CONFIG_FILES", config.toString(),
                "SLOTBRIDGE_SIGNING_KEY", "an-integration-test-signing-key-0123456789");
    }

    @Test
    void theFirstStartWritesTheCacheAsItStopsAndTheNextStartsFromIt() throws Exception {
        Run first = run("slotbridge", environment, false);
        assertThat(first.output()).contains("Startup completed");
        assertThat(work.resolve("slotbridge-server.aot")).as(first.output()).isNotEmptyFile();

        Run second = run("slotbridge", with(environment, "JDK_JAVA_OPTIONS", "-XX:AOTMode=on"), false);
        assertThat(second.output()).contains("Startup completed").doesNotContain("[error");
    }

    @Test
    void theScriptsCacheIsUsedAndOnceTheJarChangedTheNextStartMakesItAgain() throws Exception {
        Run written = run("slotbridge-aot-cache", environment, true);
        assertThat(written.exitStatus()).as(written.output()).isZero();
        assertThat(work.resolve("slotbridge-server.aot")).isNotEmptyFile();

        Run cached = run("slotbridge", with(environment, "JDK_JAVA_OPTIONS", "-XX:AOTMode=on"), false);
        assertThat(cached.output()).contains("Startup completed").doesNotContain("[error");

        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));
        Run stale = run("slotbridge", environment, false);
        assertThat(stale.output()).contains("Startup completed");
        Run remade = run("slotbridge", with(environment, "JDK_JAVA_OPTIONS", "-XX:AOTMode=on"), false);
        assertThat(remade.output()).as("a start from the cache made for the changed jar").contains("Startup completed")
                .doesNotContain("[error");
    }

    @Test
    void offMeansNoCache() throws Exception {
        Run run = run("slotbridge", with(environment, "SLOTBRIDGE_AOT_CACHE", "off"), false);

        assertThat(run.output()).contains("Startup completed");
        try (var files = Files.list(work)) {
            assertThat(files).noneMatch(file -> file.getFileName().toString().endsWith(".aot"));
        }
    }

    /** What a script printed, and its exit status when it ran to its end (a server is stopped once it has started). */
    private record Run(int exitStatus, String output) {
    }

    private Run run(String script, Map<String, String> environment, boolean toTheEnd) throws Exception {
        Path output = Files.createTempFile(work, script, ".log");
        ProcessBuilder builder = new ProcessBuilder("bash", ROOT.resolve("bin").resolve(script).toString())
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(ServerJar.freePort()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        try {
            while (process.isAlive() && (toTheEnd || !read(output).contains("Startup completed"))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(script + " did not finish within 120 s:\n" + read(output));
                }
                process.waitFor(50, TimeUnit.MILLISECONDS);
            }
        } finally {
            if (process.isAlive()) {
                process.destroy();
                // a training start writes its cache as it stops
                if (!process.waitFor(90, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
        }
        return new Run(process.waitFor(), read(output));
    }

    private static Map<String, String> with(Map<String, String> environment, String name, String value) {
        var all = new HashMap<>(environment);
        all.put(name, value);
        return all;
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
