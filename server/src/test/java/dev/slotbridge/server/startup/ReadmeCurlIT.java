package dev.slotbridge.server.startup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's curl lifecycle, run as it is written (bash and curl) against the demo jar: search, book, view, list,
 * reschedule and cancel all answer as the README says, with no problem answer on the way.
 */
final class ReadmeCurlIT {
    private static final Pattern BLOCK = Pattern.compile("## The whole lifecycle with curl.*?```bash\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern BOOKING_REF = Pattern.compile("\"bookingRef\":\"([^\"]+)\"");

    @TempDir
    Path work;

    @Test
    void theLifecycleRunsAgainstTheDemo() throws Exception {
        Matcher block = BLOCK.matcher(Files.readString(Path.of("../README.md")));
        assertThat(block.find()).as("the README's curl block").isTrue();
        try (ServerJar demo = ServerJar.start(work, Map.of("MICRONAUT_ENVIRONMENTS", "demo")).awaitStarted()) {
            ProcessBuilder builder = new ProcessBuilder("bash", "-euo", "pipefail", "-c", block.group(1))
                    .redirectErrorStream(true).directory(work.toFile());
            builder.environment().put("HOST", demo.base.toString());
            Process bash = builder.start();
            bash.getOutputStream().close();
            String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(bash.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(bash.exitValue()).as(output).isZero();

            assertThat(output).as(output).contains("\"id\":\"sandbox\"", "\"slots\":[{\"slotId\"")
                    .doesNotContain("/problems/");
            Matcher ref = BOOKING_REF.matcher(output);
            assertThat(ref.find()).as(output).isTrue();
            String bookingRef = ref.group(1);
            assertThat(output.split(Pattern.quote("\"bookingRef\":\"" + bookingRef + "\""), -1))
                    .as("book, view, list, reschedule and cancel each show the booking").hasSizeGreaterThanOrEqualTo(6);
            assertThat(output).contains("\"status\":\"BOOKED\"").endsWith("}").contains("\"status\":\"CANCELLED\"");
        }
    }
}
