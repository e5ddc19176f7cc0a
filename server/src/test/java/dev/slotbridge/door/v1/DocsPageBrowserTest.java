package dev.slotbridge.door.v1;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /docs} in a real browser: Debian's Chromium driven by playwright-core (both installed by
 * {@code scripts/test-tools}) shows the API's operations, and no request the page makes fails.
 */
@MicronautTest
final class DocsPageBrowserTest {
    private static final Path BROWSER_TESTS = Path.of("src/test/browser");
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @Test
    @SuppressWarnings("unchecked")
    void theDocsPageListsTheOperationsAndEveryRequestSucceeds() throws Exception {
        assertThat(CHROMIUM).as("Chromium is missing: run scripts/test-tools").isExecutable();
        assertThat(BROWSER_TESTS.resolve("node_modules/playwright-core")).as("playwright-core is missing: run scripts/test-tools")
                .isDirectory();
        Process node = new ProcessBuilder("node", "docs-page.mjs", server.getURI().resolve("/docs").toString())
                .directory(BROWSER_TESTS.toFile()).redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(90, TimeUnit.SECONDS)).as("the browser finished").isTrue();
        assertThat(node.exitValue()).as(output).isZero();

        Map<String, Object> page = json.readValue(output.lines().reduce((first, last) -> last).orElseThrow(), Map.class);

        assertThat((List<String>) page.get("failures")).as("failed requests").isEmpty();
        assertThat((List<String>) page.get("operations")).contains(
                "GET /v1/councils",
                "POST /v1/councils/{council}/appointment-search",
                "POST /v1/councils/{council}/bookings",
                "GET /v1/councils/{council}/bookings/{bookingRef}",
                "POST /v1/councils/{council}/bookings/{bookingRef}/cancel");
    }
}
