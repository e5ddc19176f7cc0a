package dev.slotbridge.server.startup;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slow clients against the real jar, with {@code slotbridge.edge.request-read-timeout: 1s}
 * ({@code operator/slow-clients.yml}): a client that trickles its request a line or a byte at a time, each well
 * within the idle timeout, is answered 408 and cut off once the request has taken the read timeout, wherever it is
 * in the request; the server goes on serving others.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class SlowClientIT {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(1);
    /** How often the client sends its next piece: far more often than any idle timeout. */
    private static final Duration PACE = Duration.ofMillis(200);
    /** How long the client keeps trickling before the test gives up on the server closing. */
    private static final Duration PATIENCE = Duration.ofSeconds(6);

    @TempDir
    static Path work;
    private ServerJar server;

    @BeforeAll
    void start() throws Exception {
        server = ServerJar.start(work, Map.of("MICRONAUT_CONFIG_FILES", resource("operator/slow-clients.yml"))).awaitStarted();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    /** What the server answered, and how long after the client's first byte it closed the connection (null: never). */
    private record Cutoff(String answer, Duration closedAfter, int piecesSent) {
    }

    /**
     * Sends {@code start}, then one piece every {@link #PACE} — the pause is a read of the server's side with that
     * timeout, so the close is seen as it happens — until the server closes the connection or {@link #PATIENCE} passes.
     */
    private Cutoff trickle(String start, String piece) throws IOException {
        try (Socket socket = new Socket(server.base.getHost(), server.base.getPort())) {
            socket.setSoTimeout((int) PACE.toMillis());
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            long started = System.nanoTime();
            out.write(start.getBytes(StandardCharsets.US_ASCII));
            int pieces = 0;
            byte[] buffer = new byte[4096];
            while (System.nanoTime() - started < PATIENCE.toNanos()) {
                try {
                    int n = in.read(buffer);
                    if (n < 0) {
                        return new Cutoff(answer.toString(StandardCharsets.US_ASCII), Duration.ofNanos(System.nanoTime() - started), pieces);
                    }
                    answer.write(buffer, 0, n);
                } catch (SocketTimeoutException nothingYet) {
                    try {
                        out.write(piece.getBytes(StandardCharsets.US_ASCII));
                        pieces++;
                    } catch (IOException closedWhileWriting) {
                        // the server is closing: the answer and the end of the stream follow
                    }
                }
            }
            return new Cutoff(answer.toString(StandardCharsets.US_ASCII), null, pieces);
        }
    }

    private static void assertCutOffAtTheReadTimeout(Cutoff cutoff) {
        assertThat(cutoff.closedAfter()).as("closed while the client was still sending (%s sent)", cutoff.piecesSent())
                .isNotNull()
                .isGreaterThanOrEqualTo(READ_TIMEOUT)
                .isLessThan(READ_TIMEOUT.plusSeconds(2));
        assertThat(cutoff.piecesSent()).as("the client kept sending until then").isGreaterThanOrEqualTo(3);
        assertThat(cutoff.answer()).startsWith("HTTP/1.1 408 ")
                .containsIgnoringCase("connection: close")
                .containsIgnoringCase("X-Request-Id: ")
                .contains("\"type\":\"https://slotbridge.dev/problems/request-timeout\"");
    }

    @Test
    void headersTrickledALineAtATimeAreCutOffAtTheReadTimeout() throws Exception {
        Cutoff cutoff = trickle("GET /v1/councils HTTP/1.1\r\nHost: slotbridge\r\n", "X-Slow: still coming\r\n");

        assertCutOffAtTheReadTimeout(cutoff);
        assertThat(answered("/health")).as("others are still served").isEqualTo(200);
    }

    @Test
    void aBodyTrickledAByteAtATimeIsCutOffAtTheReadTimeout() throws Exception {
        Cutoff cutoff = trickle("POST /v1/councils/sandbox/appointment-search HTTP/1.1\r\nHost: slotbridge\r\n"
                + "Authorization: Bearer slow-client-test-key\r\nContent-Type: application/json\r\n"
                + "Content-Length: 500\r\n\r\n{", " ");

        assertCutOffAtTheReadTimeout(cutoff);
    }

    private int answered(String path) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(server.base.resolve(path)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        }
    }

    private static String resource(String name) throws URISyntaxException {
        return Path.of(SlowClientIT.class.getClassLoader().getResource(name).toURI()).toString();
    }
}
