package dev.slotbridge.http.edge;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests the HTTP decoder cannot read, sent as raw bytes: each gets its own status and problem type, an
 * {@code X-Request-Id}, a {@code Date} (the test clock's), and the connection closed.
 */
@MicronautTest
final class UnreadableRequestApiTest {
    @Inject
    EmbeddedServer server;

    private String send(String request) throws IOException {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "headers over the limit|431|request-header-fields-too-large",
            "an over-long request line|414|uri-too-long",
            "a bare CR in a header|400|malformed-request",
            "a NUL in a header|400|malformed-request",
            "a bad Content-Length|400|malformed-request",
            "a malformed request line|400|malformed-request"})
    void eachUnreadableRequestIsLabelled(String what, int status, String type) throws IOException {
        String request = switch (what) {
            case "headers over the limit" -> "GET /v1/councils HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n";
            case "an over-long request line" -> "GET /v1/councils?" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n";
            case "a bare CR in a header" -> "GET /v1/councils HTTP/1.1\r\nHost: x\r\nX-A: a\rb\r\n\r\n";
            case "a NUL in a header" -> "GET /v1/councils HTTP/1.1\r\nHost: x\r\nX-A: a\u0000b\r\n\r\n";
            case "a bad Content-Length" -> "POST /v1/councils/sandbox/appointment-search HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n";
            default -> "GET\r\n\r\n";
        };

        String answer = send(request);

        assertThat(answer).startsWith("HTTP/1.1 " + status + " ")
                .containsIgnoringCase("X-Request-Id: ")
                .containsIgnoringCase("date: Sun, 01 Mar 2026 09:00:00 GMT")
                .containsIgnoringCase("connection: close")
                .contains("\"type\":\"https://slotbridge.dev/problems/" + type + "\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"a bad percent-escape in the query|propertyRef"})
    void aBadPercentEscapeNamesTheParameter(String what, String parameter) throws IOException {
        String answer = send("GET /v1/councils/sandbox/bookings?propertyRef=%zz HTTP/1.1\r\nHost: x\r\n"
                + "Authorization: Bearer ops-key\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400 ").containsIgnoringCase("X-Request-Id: ")
                .contains("\"field\":\"" + parameter + "\"");
    }
}
