package dev.slotbridge.spi.support;

import com.sun.net.httpserver.HttpServer;
import dev.slotbridge.spi.error.ErrorKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static dev.slotbridge.spi.support.FailureKinds.kindOf;
import static org.assertj.core.api.Assertions.assertThat;

/** {@link HttpTransport} decides "sent or not": each transport failure with the {@link ErrorKind} it establishes. */
final class HttpTransportTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private final HttpTransport transport = HttpTransport.forScheduler("Test", TIMEOUT);
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }


    private URI http(int status) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        open.add(() -> server.stop(0));
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api");
    }

    /** A server that reads the request, then answers nothing (and, if asked, resets the connection). */
    private URI silent(boolean reset) throws IOException {
        ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        open.add(server);
        CompletableFuture.runAsync(() -> {
            try {
                Socket socket = server.accept();
                open.add(socket);
                InputStream in = socket.getInputStream();
                in.read(new byte[4096]);
                if (reset) {
                    socket.setSoLinger(true, 0);
                    socket.close();
                }
            } catch (IOException e) {
                // the test has ended
            }
        });
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/api");
    }

    @Test
    void aRefusedConnectionWasNeverSent() throws IOException {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        URI nobody = URI.create("http://127.0.0.1:" + port + "/api");

        assertThat(kindOf(() -> transport.send(transport.request(nobody).POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build())))
                .isEqualTo(ErrorKind.NOT_SENT);
    }

    @Test
    void anUnknownHostWasNeverSent() {
        URI nowhere = URI.create("http://no-such-host.invalid/api");

        assertThat(kindOf(() -> transport.send(transport.request(nowhere).GET().build()))).isEqualTo(ErrorKind.NOT_SENT);
    }

    @Test
    void aResetAfterSendingLeavesTheOutcomeUnknown() throws IOException {
        URI resetting = silent(true);

        assertThat(kindOf(() -> transport.send(transport.request(resetting).POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build())))
                .isEqualTo(ErrorKind.OUTCOME_UNKNOWN);
    }

    @Test
    void noAnswerWithinTheRequestTimeoutLeavesTheOutcomeUnknown() throws IOException {
        HttpTransport quick = HttpTransport.forScheduler("Test", Duration.ofMillis(300));
        URI silent = silent(false);

        assertThat(kindOf(() -> quick.send(quick.request(silent).POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build())))
                .isEqualTo(ErrorKind.OUTCOME_UNKNOWN);
    }

    @Test
    void anInterruptedCallLeavesTheOutcomeUnknown() throws IOException {
        URI silent = silent(false);
        Thread.currentThread().interrupt();
        try {
            assertThat(kindOf(() -> transport.send(transport.request(silent).GET().build()))).isEqualTo(ErrorKind.OUTCOME_UNKNOWN);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void a5xxLeavesTheOutcomeUnknownAndOtherStatusesAreTheProvidersToRead() throws IOException {
        URI failing = http(503);
        URI missing = http(404);

        assertThat(kindOf(() -> transport.send(transport.request(failing).GET().build()))).isEqualTo(ErrorKind.OUTCOME_UNKNOWN);
        HttpResponse<String> answer = transport.send(transport.request(missing).GET().build());
        assertThat(answer.statusCode()).isEqualTo(404);
    }

    @Test
    void everyRequestCarriesTheCallTimeout() {
        assertThat(transport.request(URI.create("http://127.0.0.1/api")).build().timeout()).contains(TIMEOUT);
    }

    /** A server that answers 200 with {@code size} bytes of {@code x}, announced by Content-Length or chunked (length 0). */
    private URI answering(int size, boolean announced, String contentType) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(200, announced ? size : 0);
            byte[] block = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
            try (var body = exchange.getResponseBody()) {
                for (int sent = 0; sent < size; sent += block.length) {
                    body.write(block, 0, Math.min(block.length, size - sent));
                }
            } catch (IOException e) {
                // the client stopped reading: what the bound is for
            }
        });
        server.start();
        open.add(() -> server.stop(0));
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api");
    }

    @Test
    void anAnswerOverTheBoundIsUnreadableWhetherAnnouncedOrNot() throws IOException {
        URI announced = answering(HttpTransport.MAX_ANSWER_BYTES + 1, true, "application/json");
        URI chunked = answering(HttpTransport.MAX_ANSWER_BYTES + 1, false, "application/json");

        assertThat(kindOf(() -> transport.send(transport.request(announced).GET().build()))).isEqualTo(ErrorKind.UNREADABLE);
        assertThat(kindOf(() -> transport.send(transport.request(chunked).GET().build()))).isEqualTo(ErrorKind.UNREADABLE);
    }

    @Test
    void anAnswerOfExactlyTheBoundIsReadWhole() throws IOException {
        URI chunked = answering(HttpTransport.MAX_ANSWER_BYTES, false, "application/json");

        assertThat(transport.send(transport.request(chunked).GET().build()).body()).hasSize(HttpTransport.MAX_ANSWER_BYTES);
    }

    @Test
    void theAnswerIsDecodedByItsCharsetAndUtf8WhenItNamesNone() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/latin", exchange -> answer(exchange, "text/xml; charset=\"ISO-8859-1\"", "Caf\u00e9".getBytes(StandardCharsets.ISO_8859_1)));
        server.createContext("/plain", exchange -> answer(exchange, "application/json", "Caf\u00e9".getBytes(StandardCharsets.UTF_8)));
        server.start();
        open.add(() -> server.stop(0));
        String base = "http://127.0.0.1:" + server.getAddress().getPort();

        assertThat(transport.send(transport.request(URI.create(base + "/latin")).GET().build()).body()).isEqualTo("Caf\u00e9");
        assertThat(transport.send(transport.request(URI.create(base + "/plain")).GET().build()).body()).isEqualTo("Caf\u00e9");
    }

    @Test
    void bytesAreHandedOverUndecodedWithTheCharsetTheAnswerNamesAndTheSameBound() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/latin", exchange -> answer(exchange, "text/xml; charset=\"ISO-8859-1\"", "Caf\u00e9".getBytes(StandardCharsets.ISO_8859_1)));
        server.createContext("/plain", exchange -> answer(exchange, "text/xml", "Caf\u00e9".getBytes(StandardCharsets.UTF_8)));
        server.start();
        open.add(() -> server.stop(0));
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        URI tooLarge = answering(HttpTransport.MAX_ANSWER_BYTES + 1, false, "text/xml");
        URI exactly = answering(HttpTransport.MAX_ANSWER_BYTES, true, "text/xml");

        var latin = transport.sendForBytes(transport.request(URI.create(base + "/latin")).GET().build());
        var plain = transport.sendForBytes(transport.request(URI.create(base + "/plain")).GET().build());

        assertThat(latin.body()).isEqualTo("Caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(HttpTransport.charset(latin)).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(plain.body()).isEqualTo("Caf\u00e9".getBytes(StandardCharsets.UTF_8));
        assertThat(HttpTransport.charset(plain)).isNull();
        assertThat(kindOf(() -> transport.sendForBytes(transport.request(tooLarge).GET().build()))).isEqualTo(ErrorKind.UNREADABLE);
        assertThat(transport.sendForBytes(transport.request(exactly).GET().build()).body()).hasSize(HttpTransport.MAX_ANSWER_BYTES);
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(200, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Test
    void theCallsObserverAddsItsHeadersAndHearsHowEachExchangeEnded() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        List<String> seen = new ArrayList<>();
        server.createContext("/", exchange -> {
            seen.add(exchange.getRequestHeaders().getFirst("traceparent") + " " + exchange.getRequestHeaders().getFirst("X-Own"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        open.add(() -> server.stop(0));
        URI ok = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api?ref=secret");
        List<String> ended = new ArrayList<>();
        ExchangeObserver observer = (method, uri) -> new ExchangeObserver.Exchange() {
            @Override
            public java.util.Map<String, String> headers() {
                return java.util.Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
            }

            @Override
            public void ended(int status, Throwable failure) {
                ended.add(method + " " + uri.getPath() + " " + status + " " + (failure == null ? "-" : failure.getClass().getSimpleName()));
            }
        };

        SchedulerExchanges.observing(observer, () -> transport.send(transport.request(ok).header("X-Own", "kept")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("<x/>")).build()));
        URI refused = URI.create("http://127.0.0.1:" + unusedPort() + "/api");
        kindOf(() -> SchedulerExchanges.observing(observer, () -> transport.send(transport.request(refused).GET().build())));
        transport.send(transport.request(ok).GET().build());

        assertThat(seen).containsExactly("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01 kept", "null null");
        assertThat(ended).containsExactly("POST /api 204 -", "GET /api 0 SchedulerUnavailableException");
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
