package dev.slotbridge.example.serviceorder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.HexFormat;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proof that a new backend needs no change to the server: the real server jar, run as its own process, loads
 * this example's plugin jar from its plugins folder and books through it against a fake service-order API.
 */
final class ServiceOrderPluginIT {
    private static final String CLIENT_KEY = "contractor-portal-key";
    private static final String END_OF_OUTPUT = "\u0000end";

    @TempDir
    Path work;

    private final FakeServiceOrderApi api = new FakeServiceOrderApi();
    private final WireMockServer backend = FakeServiceOrderApi.server(api);
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final BlockingQueue<String> output = new LinkedBlockingQueue<>();
    private final StringBuilder log = new StringBuilder();
    private Process server;
    private URI base;

    @BeforeEach
    void startServerWithThePlugin() throws Exception {
        backend.start();
        Path plugins = Files.createDirectory(work.resolve("plugins"));
        Files.copy(Path.of(System.getProperty("plugin.jar")), plugins.resolve("provider-serviceorder.jar"));
        Path config = Files.writeString(work.resolve("councils.yml"), """
                slotbridge:
                  plugins-dir: %s
                  clients:
                    contractor-portal:
                      key-sha256: %s
                      councils: [contractor]
                      permissions: [search, book, manage-own]
                  councils:
                    contractor:
                      name: Contractor District Council
                      provider: serviceorder
                      settings:
                        base-url: %s
                        tenant: t1
                        store: s1
                        api-key: ${SERVICE_ORDER_API_KEY}
                        windows: AM=08:00-12:00,PM=12:00-16:00
                        working-days: MON-FRI
                        days-ahead: "30"
                """.formatted(plugins, sha256(CLIENT_KEY), backend.baseUrl()));
        int port = freePort();
        base = URI.create("http://127.0.0.1:" + port);
        ProcessBuilder builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-jar", Path.of(System.getProperty("server.jar")).toAbsolutePath().toString())
                .directory(work.toFile()).redirectErrorStream(true);
        builder.environment().put("MICRONAUT_CONFIG_FILES", config.toString());
        builder.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        builder.environment().put("SERVICE_ORDER_API_KEY", FakeServiceOrderApi.KEY);
        builder.environment().put("SLOTBRIDGE_SIGNING_KEY", "an-integration-test-signing-key-0123456789");
        server = builder.start();
        Thread.ofVirtual().start(this::collectOutput);
        awaitLine("Startup completed");
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
        backend.stop();
    }

    @Test
    void aCouncilOnThePluginBooksViewsListsAndCancelsThroughTheApi() throws Exception {
        assertThat(log).contains("Provider 'serviceorder' found: plugin ").contains("provider-serviceorder.jar");
        JsonNode councils = get("/v1/councils").path("councils");
        assertThat(councils.path(0).path("provider").asText()).isEqualTo("serviceorder");
        assertThat(councils.path(0).path("capabilities").toString()).as("the plugin's operations, and holds kept by Slotbridge")
                .isEqualTo("[\"SEARCH\",\"BOOK\",\"VIEW\",\"LIST\",\"CANCEL\",\"HOLD\"]");
        assertThat(councils.path(0).path("holdsKeptBy").asText()).isEqualTo("slotbridge");

        LocalDate monday = LocalDate.now(ZoneId.of("Europe/London")).plusDays(7).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        JsonNode slots = post("/v1/councils/contractor/appointment-search", """
                {"propertyRef":"3670010","jobCodes":[{"code":"N373049","quantity":1}],"from":"%s","to":"%s"}
                """.formatted(monday, monday.plusDays(4)), 200).path("slots");
        assertThat(slots.size()).isEqualTo(10);
        assertThat(slots.path(0).path("label").asText()).isEqualTo("AM");

        JsonNode booked = post("/v1/councils/contractor/bookings", """
                {"slotId":"%s","job":{"propertyRef":"3670010","jobCodes":[{"code":"N373049","quantity":2}],
                 "externalRef":"HMS-PLUGIN-1","description":"Kitchen tap leaking"},
                 "contact":{"name":"Ann Tenant","phone":"07700900123"},"accessNotes":"Dog in garden"}
                """.formatted(slots.path(0).path("slotId").asText()), 201);
        String ref = booked.path("bookingRef").asText();
        assertThat(booked.path("status").asText()).isEqualTo("BOOKED");
        assertThat(booked.path("slot").path("start").asText()).isEqualTo(slots.path(0).path("start").asText());
        backend.verify(1, postRequestedFor(urlPathEqualTo(FakeServiceOrderApi.ORDERS))
                .withRequestBody(matchingJsonPath("$.externalReference", equalTo("HMS-PLUGIN-1")))
                .withRequestBody(matchingJsonPath("$.items[0].quantity", equalTo("2"))));

        assertThat(get("/v1/councils/contractor/bookings/" + ref).path("job").path("externalRef").asText())
                .isEqualTo("HMS-PLUGIN-1");
        assertThat(get("/v1/councils/contractor/bookings?propertyRef=3670010").path("bookings").size()).isEqualTo(1);
        assertThat(post("/v1/councils/contractor/appointment-search", """
                {"propertyRef":"3670010","jobCodes":[{"code":"N373049"}],"from":"%s","to":"%s"}
                """.formatted(monday, monday.plusDays(4)), 200).path("slots").size()).as("the booked window is taken").isEqualTo(9);
        assertThat(post("/v1/councils/contractor/bookings/" + ref + "/cancel", "{\"reason\":\"Tenant request\"}", 200)
                .path("status").asText()).isEqualTo("CANCELLED");
        assertThat(post("/v1/councils/contractor/bookings/" + ref + "/reschedule",
                "{\"slotId\":\"" + slots.path(1).path("slotId").asText() + "\"}", 501).path("type").asText())
                .endsWith("/capability-not-supported");
        assertThat(api.count()).isEqualTo(1);
        assertThat(log).doesNotContain(FakeServiceOrderApi.KEY).doesNotContain(CLIENT_KEY).doesNotContain("07700900123");
    }

    private JsonNode get(String path) throws Exception {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET(), 200);
    }

    private JsonNode post(String path, String body, int status) throws Exception {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), status);
    }

    private JsonNode send(HttpRequest.Builder request, int status) throws Exception {
        HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + CLIENT_KEY).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return json.readTree(response.body());
    }

    private void collectOutput() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.add(line);
            }
        } catch (IOException e) {
            // the process ended
        }
        output.add(END_OF_OUTPUT);
    }

    /** Reads the server's output as it comes until the line appears; fails if the server stops or takes too long. */
    private void awaitLine(String expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String line = output.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null || line.equals(END_OF_OUTPUT)) {
                break;
            }
            log.append(line).append('\n');
            if (line.contains(expected)) {
                return;
            }
        }
        throw new AssertionError("the server did not print '" + expected + "':\n" + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
