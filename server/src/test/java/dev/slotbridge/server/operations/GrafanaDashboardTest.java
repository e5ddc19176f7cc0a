package dev.slotbridge.server.operations;

import dev.slotbridge.engine.events.WebhookDispatcher;
import dev.slotbridge.server.testing.Api.Reply;
import dev.slotbridge.server.testing.Api;
import dev.slotbridge.server.testing.Requests;
import dev.slotbridge.server.testing.WebhookReceiver;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.slotbridge.server.testing.Api.OPS_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboard of {@code deploy/grafana} against a real Prometheus (Debian's {@code prometheus}, on a free
 * loopback port with its own temporary directory) that scrapes this running Slotbridge every second and evaluates the
 * rules of {@code deploy/prometheus}: after a little traffic of every kind, each panel's every query returns the
 * series it is about, with at least one number (no panel is padded with {@code or vector(0)}).
 */
@MicronautTest(propertySources = "classpath:operator/dashboard.yml")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class GrafanaDashboardTest implements TestPropertyProvider {
    private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    private static final Path DASHBOARD = Path.of("..", "deploy", "grafana", "slotbridge-dashboard.json").toAbsolutePath().normalize();
    private static final Path RULES = Path.of("..", "deploy", "prometheus", "slotbridge-rules.yml").toAbsolutePath().normalize();
    private static final String SANDBOX = "/v1/councils/sandbox";

    private final WebhookReceiver receiver = WebhookReceiver.start();
    private final HttpClient http = HttpClient.newHttpClient();
    private Process prometheus;
    private Path directory;

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    WebhookDispatcher dispatcher;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("receivers.ops", receiver.uri().toString(), "fakes.drs-endpoint", "http://127.0.0.1:" + closedPort() + "/drs");
    }

    @AfterAll
    void stop() throws IOException, InterruptedException {
        receiver.close();
        if (prometheus != null) {
            prometheus.destroy();
            prometheus.waitFor(10, TimeUnit.SECONDS);
        }
        if (directory != null) {
            try (var files = Files.walk(directory)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void everyPanelShowsDataFromARealPrometheus() throws Exception {
        assertThat(PROMETHEUS).as("prometheus is missing: run scripts/test-tools").isExecutable();
        URI prometheusUri = startPrometheus();
        // rates need a sample from before the traffic: wait for Prometheus's first scrape of this server
        await(prometheusUri, Map.of("scraped", "up{job=\"slotbridge\"} == 1"));
        traffic(1);
        // a meter made by the first round (a scheduler call's outcome, an event type) needs a second round to rise
        assertThat(await(prometheusUri, Map.of("scraped again", "slotbridge_callbacks_total"))).isEmpty();
        traffic(2);

        Map<String, String> queries = queries();
        assertThat(queries).hasSizeGreaterThan(20);
        assertThat(await(prometheusUri, queries)).as("panels whose queries returned no series").isEmpty();
    }

    /** Waits (at most 90 s) until every query returns a number; the queries that never did. */
    private Map<String, String> await(URI prometheusUri, Map<String, String> queries) throws Exception {
        Map<String, String> empty = new LinkedHashMap<>(queries);
        Instant deadline = Instant.now().plusSeconds(90);
        while (!empty.isEmpty() && Instant.now().isBefore(deadline)) {
            for (var query : List.copyOf(empty.entrySet())) {
                if (hasNumbers(prometheusUri, query.getValue())) {
                    empty.remove(query.getKey());
                }
            }
            if (!empty.isEmpty()) {
                assertThat(prometheus.waitFor(500, TimeUnit.MILLISECONDS)).as("prometheus stopped").isFalse();
            }
        }
        return empty;
    }

    /** Every target of every panel, as Grafana sends it for "all councils" with a 1-minute rate interval. */
    @SuppressWarnings("unchecked")
    private Map<String, String> queries() throws IOException {
        Map<String, Object> dashboard = json.readValue(Files.readString(DASHBOARD), Map.class);
        Map<String, String> queries = new LinkedHashMap<>();
        for (Map<String, Object> panel : (List<Map<String, Object>>) dashboard.get("panels")) {
            for (Map<String, Object> target : (List<Map<String, Object>>) panel.getOrDefault("targets", List.of())) {
                String expr = (String) target.get("expr");
                assertThat(expr).as(panel.get("title") + " pads with a constant").doesNotContain("vector(");
                queries.put(panel.get("title") + " " + target.get("refId"),
                        expr.replace("$council", ".+").replace("$__rate_interval", "1m"));
            }
        }
        return queries;
    }

    private boolean hasNumbers(URI prometheusUri, String query) throws Exception {
        HttpResponse<String> answer;
        try {
            answer = http.send(HttpRequest.newBuilder(prometheusUri.resolve("/api/v1/query?query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException starting) {
            return false;
        }
        assertThat(answer.statusCode()).as(query + ": " + answer.body()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) json.readValue(answer.body(), Map.class).get("data");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> result = (List<Map<String, Object>>) data.get("result");
        return result.stream().map(series -> (String) ((List<?>) series.get("value")).get(1))
                .anyMatch(value -> !value.equals("NaN"));
    }

    private URI startPrometheus() throws Exception {
        directory = Files.createTempDirectory("prometheus");
        int port = closedPort();
        Path config = Files.writeString(directory.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files: ["%s"]
                scrape_configs:
                  - job_name: slotbridge
                    metrics_path: /prometheus
                    static_configs:
                      - targets: ["127.0.0.1:%d"]
                """.formatted(RULES, server.getPort()));
        prometheus = new ProcessBuilder(PROMETHEUS.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + directory.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(directory.resolve("prometheus.log").toFile()).start();
        return URI.create("http://127.0.0.1:" + port);
    }

    /**
     * Searches (one from the cache), bookings (one replayed), a reschedule, a cancel, a hold, refusals, a failing
     * scheduler, a callback, a delivered webhook; the same again in a second round, with other references.
     */
    private void traffic(int round) {
        Api api = new Api(server.getURI(), json);
        for (int i = 0; i < 3; i++) {
            api.post(OPS_KEY, SANDBOX + "/appointment-search", Requests.search("2026-03-02", "2026-03-03"));
        }
        String slotId = (String) api.post(OPS_KEY, SANDBOX + "/appointment-search", Requests.search("2026-03-04", "2026-03-04"))
                .list("slots").getFirst().get("slotId");
        Map<String, String> key = Map.of("Idempotency-Key", "dashboard-" + round);
        Reply booked = api.post(OPS_KEY, SANDBOX + "/bookings", Requests.book(slotId, "DASH-1-" + round), key);
        assertThat(booked.status()).as(booked.text()).isEqualTo(201);
        assertThat(api.post(OPS_KEY, SANDBOX + "/bookings", Requests.book(slotId, "DASH-1-" + round), key).status()).isEqualTo(201);
        String bookingRef = booked.string("bookingRef");
        assertThat(api.get(OPS_KEY, SANDBOX + "/bookings/" + bookingRef).status()).isEqualTo(200);
        String later = (String) api.post(OPS_KEY, SANDBOX + "/appointment-search", Requests.search("2026-03-05", "2026-03-05"))
                .list("slots").getFirst().get("slotId");
        assertThat(api.post(OPS_KEY, SANDBOX + "/bookings/" + bookingRef + "/reschedule", Map.of("slotId", later)).status())
                .isEqualTo(200);
        assertThat(api.post(OPS_KEY, SANDBOX + "/bookings/" + bookingRef + "/cancel", Map.of("reason", "Tenant request")).status())
                .isEqualTo(200);

        api.post(OPS_KEY, "/v1/councils/roomy/appointment-search", Requests.search("2026-03-04", "2026-03-04"));
        String roomySlot = (String) api.post(OPS_KEY, "/v1/councils/roomy/appointment-search",
                Requests.search("2026-03-04", "2026-03-04")).list("slots").getFirst().get("slotId");
        Map<String, Object> hold = new HashMap<>();
        hold.put("slotId", roomySlot);
        hold.put("job", Requests.book(roomySlot, "DASH-2-" + round).get("job"));
        Reply held = api.post(OPS_KEY, "/v1/councils/roomy/holds", hold);
        assertThat(held.status()).as(held.text()).isEqualTo(201);

        assertThat(api.post(OPS_KEY, SANDBOX + "/appointment-search", Map.of()).status()).isEqualTo(400);
        assertThat(api.post(OPS_KEY, "/v1/councils/lincoln/appointment-search", Requests.search("2026-03-02", "2026-03-03"))
                .status()).isBetween(502, 503);
        assertThat(api.postAs("text/xml", "/callbacks/lincoln/drs", "<x/>", Map.of("Authorization", "Basic d3Jvbmc6d3Jvbmc=")).status())
                .isEqualTo(401);
        List<Integer> limited = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            limited.add(api.get("limited-key", "/v1/councils").status());
        }
        assertThat(limited).contains(429);
        dispatcher.dispatch().join();
        try {
            assertThat(receiver.next(Duration.ofSeconds(10))).as("a delivered webhook").isNotNull();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
