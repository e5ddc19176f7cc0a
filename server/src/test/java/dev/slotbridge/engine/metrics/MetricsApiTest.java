package dev.slotbridge.engine.metrics;

import dev.slotbridge.server.testing.Api;
import dev.slotbridge.server.testing.Requests;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@code /prometheus} shows, as a dashboard and {@code promtool} read it. */
@MicronautTest
final class MetricsApiTest {
    private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    Api api;

    @BeforeEach
    void connect() {
        api = new Api(server.getURI(), json);
    }

    private String scrape() {
        return api.get(null, "/prometheus").text();
    }

    @Test
    void answersGivenBeforeTheControllerAreCounted() {
        assertThat(api.get(null, "/v1/councils").status()).isEqualTo(401);
        assertThat(api.get("wrong-key", "/v1/councils").status()).isEqualTo(401);

        assertThat(scrape().lines().filter(line -> line.startsWith("http_server_requests_seconds_count{")
                && line.contains("status=\"401\""))).singleElement().satisfies(line -> assertThat(line)
                .contains("uri=\"/v1/councils\"").endsWith(" 2"));
    }

    @Test
    void countersArePresentAtZeroFromStartUp() {
        String metrics = scrape();

        assertThat(metrics).contains("slotbridge_scheduler_retries_total{council=\"sandbox\",operation=\"search\",provider=\"sandbox\"} 0.0")
                .contains("slotbridge_bookings_reconciliations_total{council=\"sandbox\",result=\"unknown\"} 0.0")
                .contains("slotbridge_idempotency_replays_total{council=\"sandbox\"} 0.0")
                .contains("slotbridge_ratelimit_rejections_total{client=\"limited\"} 0.0")
                .contains("slotbridge_store_errors_total{operation=\"idempotency\"} 0.0");
    }

    @Test
    void timersExistFromTheirFirstObservation() {
        // no test of this class books or fills a bulkhead
        assertThat(scrape()).contains("slotbridge_api_requests_total{council=\"sandbox\",fault=\"none\",operation=\"book\"} 0.0")
                .doesNotContain("slotbridge_api_request_seconds_count{council=\"sandbox\",operation=\"book\"}")
                .doesNotContain("slotbridge_bulkhead_wait_seconds");
    }

    @Test
    void schedulerTimersHaveTheDocumentedServiceLevelBuckets() {
        api.get(Api.OPS_KEY, "/v1/councils/sandbox/bookings?propertyRef=3670010");

        assertThat(scrape().lines().filter(line -> line.startsWith("slotbridge_scheduler_calls_seconds_bucket{")
                && line.contains("operation=\"list\"") && line.contains("outcome=\"success\"") && line.contains("council=\"sandbox\"")))
                .extracting(line -> line.replaceAll(".*le=\"([^\"]+)\".*", "$1"))
                .containsExactly("0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1.0", "2.5", "5.0", "10.0", "30.0", "+Inf");
    }

    @Test
    void councilApiAnswersAreCountedByWhoseFaultAFailureWas() {
        String before = scrape();
        assertThat(before).contains("slotbridge_api_requests_total{council=\"sandbox\",fault=\"slotbridge\",operation=\"book\"} 0.0");

        assertThat(api.post(Api.DEMO_KEY, "/v1/councils/sandbox/appointment-search",
                Requests.search("2026-03-02", "2026-03-03")).status()).isEqualTo(200);
        assertThat(api.post(Api.DEMO_KEY, "/v1/councils/sandbox/appointment-search", Map.of()).status()).isEqualTo(400);
        assertThat(api.post(Api.DEMO_KEY, "/v1/councils/nowhere/appointment-search", Map.of()).status()).isEqualTo(404);

        String after = scrape();
        assertThat(counted(after, "search", "none") - counted(before, "search", "none")).isEqualTo(1);
        assertThat(counted(after, "search", "client") - counted(before, "search", "client")).isEqualTo(1);
        assertThat(after).doesNotContain("council=\"nowhere\"")
                .containsPattern("slotbridge_api_request_seconds_bucket\\{council=\"sandbox\",operation=\"search\",le=\"\\+Inf\"} [1-9]");
    }

    private static double counted(String metrics, String operation, String fault) {
        String series = "slotbridge_api_requests_total{council=\"sandbox\",fault=\"" + fault + "\",operation=\"" + operation + "\"} ";
        return metrics.lines().filter(line -> line.startsWith(series)).mapToDouble(line -> Double.parseDouble(line.substring(series.length())))
                .findFirst().orElseThrow();
    }

    @Test
    void promtoolFindsNothingWrong() throws Exception {
        assertThat(PROMTOOL).as("promtool is missing: run scripts/test-tools").isExecutable();
        api.get(null, "/v1/councils");
        Path scraped = Files.writeString(Files.createTempFile("metrics", ".txt"), scrape());

        Process promtool = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics")
                .redirectInput(scraped.toFile()).redirectErrorStream(true).start();
        String output = new String(promtool.getInputStream().readAllBytes());
        assertThat(promtool.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(output).as("promtool check metrics").isEmpty();
        assertThat(promtool.exitValue()).isZero();
    }
}
