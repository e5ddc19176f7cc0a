package dev.slotbridge.server.startup;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A start that fails, as an operator sees it: the real jar started as a process, three times per case (the reason
 * used to be lost in an unflushed asynchronous log in two starts of three). Every time: exit status 1, one line per
 * problem naming where, the key and what is accepted, and no stack trace.
 */
final class StartupFailureIT {
    private static final int STARTS = 3;

    @TempDir
    Path work;

    record Case(String name, String yaml, List<String> lines) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("unknown provider", """
                        slotbridge:
                          councils:
                            lincoln:
                              provider: nosuch
                        """, List.of("council 'lincoln': unknown provider 'nosuch'; known: [connect, drs, sandbox, servicemobility]")),
                new Case("bad server-wide duration", """
                        slotbridge:
                          resilience:
                            retry:
                              wait: 200xs
                        """, List.of("slotbridge.resilience.retry.wait (server-wide): '200xs' is not a duration; "
                        + "use a number with ms, s, m or h, e.g. 200ms or 5s")),
                new Case("typos in resilience keys, and a bad council override", """
                        slotbridge:
                          resilience:
                            circuit-breaker:
                              failure-rate-treshold: 40
                          councils:
                            lincoln:
                              provider: sandbox
                              resilience:
                                time-out: 8s
                                retry:
                                  max-attempts: 0
                        """, List.of(
                        "slotbridge.resilience.circuit-breaker.failure-rate-treshold: unknown key; known: [",
                        "slotbridge.councils.lincoln.resilience.time-out: unknown key; known: [",
                        "slotbridge.councils.lincoln.resilience.retry.max-attempts (council 'lincoln'): 0 is out of range; "
                                + "use a whole number from 1 to 10")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aFailedStartSaysWhyInOneLinePerProblemAndExitsNonZero(Case failing) throws Exception {
        Path config = Files.writeString(work.resolve("councils.yml"), failing.yaml());
        for (int start = 1; start <= STARTS; start++) {
            Result result = run(config);

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
