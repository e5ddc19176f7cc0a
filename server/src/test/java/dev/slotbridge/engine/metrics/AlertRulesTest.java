package dev.slotbridge.engine.metrics;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SLO recording rules and alerts of {@code deploy/prometheus}: {@code promtool check rules} finds them valid and
 * {@code promtool test rules} runs every alert's firing and not-firing cases, written as series in
 * {@code deploy/prometheus/tests}.
 */
final class AlertRulesTest {
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");
    static final Path RULES = Path.of("..", "deploy", "prometheus").toAbsolutePath().normalize();

    @Test
    void theRulesAreValid() throws Exception {
        assertThat(promtool("check", "rules", RULES.resolve("slotbridge-rules.yml").toString()))
                .contains("SUCCESS: 28 rules found");
    }

    @Test
    void everyAlertFiresAndStaysQuietWhereItsTestsSay() throws Exception {
        assertThat(promtool("test", "rules", RULES.resolve("tests/slotbridge-rules-test.yml").toString()))
                .contains("SUCCESS");
    }

    private static String promtool(String... arguments) throws Exception {
        assertThat(PROMTOOL).as("promtool is missing: run scripts/test-tools").isExecutable();
        String[] command = new String[arguments.length + 1];
        command[0] = PROMTOOL.toString();
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        Process promtool = new ProcessBuilder(command).directory(RULES.toFile()).redirectErrorStream(true).start();
        String output = new String(promtool.getInputStream().readAllBytes());
        assertThat(promtool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(promtool.exitValue()).as(output).isZero();
        return output;
    }
}
