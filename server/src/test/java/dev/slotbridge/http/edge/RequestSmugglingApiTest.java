package dev.slotbridge.http.edge;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests whose framing a proxy in front could read differently, sent as raw bytes with a second request smuggled
 * behind them: each is answered 400 {@code malformed-request} and the connection is closed, so the smuggled request
 * is never served; answers to the requests before it still come first.
 */
@MicronautTest
final class RequestSmugglingApiTest {
    private static final String SEARCH = "POST /v1/councils/sandbox/appointment-search HTTP/1.1\r\nHost: x\r\n"
            + "Authorization: Bearer ops-key\r\nContent-Type: application/json\r\n";
    private static final String SMUGGLED = "GET /v1/councils HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ops-key\r\n\r\n";
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.1 \\d{3} ");

    @Inject
    EmbeddedServer server;

    /** What the server wrote, and whether it closed the connection (rather than leaving it open for 5 s). */
    private record Answer(String text, boolean closed) {
        long answers() {
            return STATUS_LINE.matcher(text).results().count();
        }
    }

    private Answer send(String bytes) throws IOException {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(bytes.getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    read.write(buffer, 0, n);
                }
                return new Answer(read.toString(StandardCharsets.ISO_8859_1), true);
            } catch (SocketTimeoutException stillOpen) {
                return new Answer(read.toString(StandardCharsets.ISO_8859_1), false);
            }
        }
    }

    private static void assertRefusedAndClosed(Answer answer) {
        assertThat(answer.text()).startsWith("HTTP/1.1 400 ")
                .containsIgnoringCase("connection: close")
                .containsIgnoringCase("X-Request-Id: ")
                .contains("\"type\":\"https://slotbridge.dev/problems/malformed-request\"");
        assertThat(answer.answers()).as("the smuggled request is not answered:\n" + answer.text()).isEqualTo(1);
        assertThat(answer.closed()).as("the connection is closed").isTrue();
    }

    @ParameterizedTest(name = "Transfer-Encoding: {0}")
    @ValueSource(strings = {"xchunked", "gzip, chunked", "chunked, identity", "identity", "chunked\r\nTransfer-Encoding: chunked"})
    void aTransferEncodingOtherThanChunkedIs400AndClosesTheConnection(String encoding) throws IOException {
        Answer answer = send(SEARCH + "Transfer-Encoding: " + encoding + "\r\nContent-Length: 4\r\n\r\n{}\r\n" + SMUGGLED);

        assertRefusedAndClosed(answer);
    }

    @Test
    void aChunkSizeTooLargeToReadClosesTheConnection() throws IOException {
        Answer answer = send(SEARCH + "Transfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFF\r\n{}\r\n0\r\n\r\n" + SMUGGLED);

        assertRefusedAndClosed(answer);
    }

    @Test
    void aBodyWhoseChunkingBreaksOffIsNeverReadAsComplete() throws IOException {
        Answer answer = send(SEARCH + "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\nZZ\r\n\r\n" + SMUGGLED);

        assertRefusedAndClosed(answer);
    }

    @Test
    void answersToTheRequestsBeforeAMalformedOneComeFirst() throws IOException {
        Answer answer = send(SMUGGLED + SEARCH + "Transfer-Encoding: xchunked\r\nContent-Length: 4\r\n\r\n{}\r\n" + SMUGGLED);

        assertThat(answer.text()).startsWith("HTTP/1.1 200 ");
        assertThat(answer.text().substring(answer.text().indexOf("HTTP/1.1 ", 1))).startsWith("HTTP/1.1 400 ");
        assertThat(answer.answers()).as(answer.text()).isEqualTo(2);
        assertThat(answer.closed()).isTrue();
    }

    @Test
    void aChunkedBodyIsServedAndTheConnectionKeptForTheNextRequest() throws IOException {
        String body = "{\"propertyRef\":\"3670010\",\"jobCodes\":[{\"code\":\"N373049\"}],\"from\":\"2026-03-02\",\"to\":\"2026-03-02\"}";
        Answer answer = send(SEARCH + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(body.length()) + "\r\n"
                + body + "\r\n0\r\n\r\n" + SMUGGLED.replace("\r\n\r\n", "\r\nConnection: close\r\n\r\n"));

        assertThat(answer.text()).startsWith("HTTP/1.1 200 ").contains("\"slots\"").contains("\"councils\"");
        assertThat(answer.answers()).as("both requests on the one connection are answered").isEqualTo(2);
    }
}
