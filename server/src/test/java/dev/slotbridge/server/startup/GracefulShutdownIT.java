package dev.slotbridge.server.startup;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.slotbridge.provider.drs.FakeDrs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingXPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM to the real jar while a request waits on a slow scheduler: readiness turns DOWN, a new request gets 503
 * {@code shutting-down}, the request in flight gets its answer, and the process exits 0.
 */
final class GracefulShutdownIT {
    private static final String KEY = "graceful-test-key";
    private static final String KEY_SHA256 = "%064x".formatted(new java.math.BigInteger(1, sha256(KEY)));
    private final FakeDrs drs = new FakeDrs();
    private final WireMockServer gateway = FakeDrs.server(drs);
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path work;

    @AfterEach
    void stop() {
        gateway.stop();
    }

    @Test
    void requestsInFlightFinishNewOnesAre503AndTheProcessExitsZero() throws Exception {
        gateway.start();
        Path config = Files.writeString(work.resolve("councils.yml"), """
                slotbridge:
                  clients:
                    portal:
                      key-sha256: %s
                      councils: [lincoln]
                      permissions: all
                  councils:
                    lincoln:
                      provider: drs
                      settings:
                        endpoint: %s
                        username: %s
                        password: "%s"
                        contract: "0"
                        default-priority: Priority 20 Days
                      resilience:
                        timeout: 10s
                        deadline: 10s
                """.formatted(KEY_SHA256, gateway.baseUrl() + FakeDrs.PATH, FakeDrs.LOGIN, FakeDrs.PASSWORD));
        try (ServerJar server = ServerJar.start(work, Map.of("MICRONAUT_CONFIG_FILES", config.toString())).awaitStarted()) {
            drs.loseNextAnswer("checkAvailability", FakeDrs.LostAnswer.LATE);
            CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(request(server, "/v1/councils/lincoln/appointment-search")
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                            {"propertyRef":"3670010","jobCodes":[{"code":"N373049"}],"from":"2026-03-02","to":"2026-03-02"}
                            """)).build(), HttpResponse.BodyHandlers.ofString());
            awaitCheckAvailabilityReceived();

            server.terminate();

            assertThat(awaitReadiness(server)).isEqualTo(503);
            HttpResponse<String> refused = http.send(request(server, "/v1/councils").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.body()).contains("shutting-down");
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(inFlight.get(30, TimeUnit.SECONDS).statusCode()).as("the request in flight is answered").isEqualTo(200);
            assertThat(server.awaitExit()).as(server.output()).isZero();
            assertThat(server.output()).as("the log is flushed before the process ends: the last request's line is in it")
                    .containsPattern("path=/v1/councils/lincoln/appointment-search council=lincoln operation=search status=200");
        }
    }

    private static HttpRequest.Builder request(ServerJar server, String path) {
        return HttpRequest.newBuilder(server.base.resolve(path)).header("Authorization", "Bearer " + KEY);
    }

    private void awaitCheckAvailabilityReceived() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (gateway.findAll(postRequestedFor(urlPathEqualTo(FakeDrs.PATH))
                .withRequestBody(matchingXPath("//*[local-name()='checkAvailability']"))).isEmpty()) {
            assertThat(System.nanoTime()).as("the search reached the scheduler").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    /** The first readiness status other than 200, within 10 s. */
    private int awaitReadiness(ServerJar server) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            int status = http.send(HttpRequest.newBuilder(server.base.resolve("/health/readiness")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200 || System.nanoTime() > deadline) {
                return status;
            }
        }
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
