package dev.slotbridge.server.startup;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A start that fails, as an operator sees it: the real jar started as a process with a YAML file, twice per case
 * (the reason used to be lost in an unflushed asynchronous log in two starts of three). Every time, within 10 s:
 * exit status 1, one line per problem naming the full key and what is accepted (for a misspelt key, the nearest
 * known one), and no stack trace.
 */
final class StartupFailureIT {
    private static final int STARTS = 2;

    @TempDir
    Path work;

    record Case(String name, String yaml, List<String> lines) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A valid configuration but for the {@code %s} it is formatted with: a misspelling under test. */
    private static final String BASE = """
            slotbridge:
              signing-key: an-integration-test-signing-key-0123456789
              clients:
                portal:
                  key-sha256: ddf8b9269584c82033b58a6641cb7c6a0df44c85e78bbb9ea54a32a7d82ccd1c
                  councils: [lincoln]
            %s
              councils:
                lincoln:
                  provider: sandbox
            %s
            """;

    private static Case misspelt(String name, String client, String council, String line) {
        return new Case(name, BASE.formatted(client.indent(6).stripTrailing(), council.indent(6).stripTrailing()), List.of(line));
    }

    static Stream<Case> cases() {
        return Stream.of(
                misspelt("permisions", "permisions: [search, book, manage-own]", "",
                        "slotbridge.clients.portal.permisions: unknown key — did you mean 'permissions'?"),
                new Case("stroe", BASE.formatted("permissions: all".indent(6).stripTrailing(), "")
                        .replace("  clients:", "  stroe: {type: redis}\n  clients:"),
                        List.of("slotbridge.stroe: unknown key — did you mean 'store'?")),
                misspelt("rate-limt", "permissions: all\nrate-limt: {requests: 5}", "",
                        "slotbridge.clients.portal.rate-limt: unknown key — did you mean 'rate-limit'?"),
                misspelt("cahce", "permissions: all", "cahce: {ttl: 5m}",
                        "slotbridge.councils.lincoln.cahce: unknown key — did you mean 'cache'?"),
                misspelt("hold", "permissions: all", "hold: {ttl: 10m}",
                        "slotbridge.councils.lincoln.hold: unknown key — did you mean 'holds'?"),
                misspelt("callback", "permissions: all", "callback: {secret: a-callback-secret-0123}",
                        "slotbridge.councils.lincoln.callback: unknown key — did you mean 'callbacks'?"),
                misspelt("tll", "permissions: all", "holds: {tll: 5m}",
                        "slotbridge.councils.lincoln.holds.tll: unknown key — did you mean 'ttl'?"),
                new Case("lincon", BASE.formatted("permissions: all".indent(6).stripTrailing(), "")
                        .replace("councils: [lincoln]", "councils: [lincon]"),
                        List.of("slotbridge.clients.portal.councils: 'lincon' is not a configured council — did you mean 'lincoln'?")),
                new Case("provder", BASE.formatted("permissions: all".indent(6).stripTrailing(), "")
                        .replace("provider: sandbox", "provder: sandbox"), List.of(
                        "slotbridge.councils.lincoln.provder: unknown key — did you mean 'provider'?",
                        "slotbridge.councils.lincoln.provider: is required")),
                misspelt("bad durations, server-wide and a council's", "permissions: all",
                        "resilience: {retry: {max-attempts: 0}}",
                        "slotbridge.councils.lincoln.resilience.retry.max-attempts: '0' is not a whole number from 1 to 10"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aFailedStartSaysWhyInOneLinePerProblemAndExitsNonZero(Case failing) throws Exception {
        Path config = Files.writeString(work.resolve("councils.yml"), failing.yaml());
        for (int start = 1; start <= STARTS; start++) {
            long started = System.nanoTime();
            Result result = run(config);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("start %d stopped within", start)
                    .isLessThan(Duration.ofSeconds(10));

            assertThat(result.exit()).as("start %d:%n%s", start, result.output()).isEqualTo(1);
            assertThat(result.output()).as("start %d", start)
                    .contains("Slotbridge cannot start: " + failing.lines().size() + " problem")
                    .doesNotContain("\tat ", "Exception", "Caused by");
            for (String line : failing.lines()) {
                assertThat(result.output().lines()).as("start %d", start).anyMatch(l -> l.strip().startsWith(line));
            }
        }
    }

    private record Result(int exit, String output) {
    }

    private Result run(Path config) throws IOException, InterruptedException {
        ServerJar server = ServerJar.start(work, Map.of("MICRONAUT_CONFIG_FILES", config.toString()));
        int exit = server.awaitExit();
        return new Result(exit, server.output());
    }
}
