package dev.slotbridge.spi.support;

import dev.slotbridge.spi.error.ErrorKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import static dev.slotbridge.spi.support.FailureKinds.kindOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP/1.1 exchange of {@link HttpTransport} against a scripted server that sees the raw bytes: framing read as
 * RFC 9112 gives it, connections kept alive and reused, and what happens when a scheduler closes one.
 */
final class SchedulerConnectionsTest {
    private final List<AutoCloseable> open = new ArrayList<>();
    /** How long connections have been idle is read from this clock, which the tests move on. */
    private final AtomicLong idleClock = new AtomicLong();
    private final HttpTransport transport = new HttpTransport("Test", Duration.ofSeconds(2), null, idleClock::get);

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    /**
     * A server answering each request it reads on a connection with {@code script.apply(request)} (the raw answer
     * bytes; null closes the connection without answering, and so does an answer saying {@code Connection: close}
     * once written, or, silently, one with the test's own {@code X-Then-Close: yes}), counting connections and recording each request's raw
     * text.
     */
    private final class Scripted {
        final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        final AtomicInteger connections = new AtomicInteger();
        final List<String> requests = new CopyOnWriteArrayList<>();
        final BlockingQueue<Socket> accepted = new LinkedBlockingQueue<>();
        /** A permit for each connection the server has closed. */
        final Semaphore closed = new Semaphore(0);

        Scripted(Function<String, String> script) throws IOException {
            open.add(server);
            Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket socket = server.accept();
                        open.add(socket);
                        accepted.add(socket);
                        connections.incrementAndGet();
                        Thread.ofVirtual().start(() -> serve(socket, script));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        private void serve(Socket socket, Function<String, String> script) {
            try (socket) {
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream();
                while (true) {
                    String request = readRequest(in);
                    if (request == null) {
                        return;
                    }
                    requests.add(request);
                    String answer = script.apply(request);
                    if (answer == null) {
                        return;
                    }
                    out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    if (answer.contains("\r\nConnection: close\r\n") || answer.contains("\r\nX-Then-Close: yes\r\n")) {
                        return;
                    }
                }
            } catch (IOException e) {
                // the client went away
            } finally {
                closed.release();
            }
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + server.getLocalPort() + path);
        }
    }

    /** One request: its head and, by its Content-Length, its body; null at the end of the stream. */
    private static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            String text = head.toString(StandardCharsets.ISO_8859_1);
            if (text.endsWith("\r\n\r\n")) {
                int length = 0;
                for (String line : text.split("\r\n")) {
                    if (line.toLowerCase().startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring(15).trim());
                    }
                }
                return text + new String(in.readNBytes(length), StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    private static String ok(String body) {
        return "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
    }


    @Test
    void theRequestIsWrittenAsHttp11WithHostLengthAndTheProvidersHeaders() throws IOException {
        Scripted server = new Scripted(request -> ok("fine"));

        var answer = transport.send(transport.request(server.uri("/drs/ws?a=b%20c")).header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofString("<x>é</x>")).build());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("fine");
        assertThat(server.requests.getFirst()).isEqualTo("POST /drs/ws?a=b%20c HTTP/1.1\r\nHost: 127.0.0.1:" + server.server.getLocalPort()
                + "\r\nSOAPAction: \"\"\r\nUser-Agent: Slotbridge\r\nContent-Length: 9\r\n\r\n"
                + new String("<x>é</x>".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
    }

    @Test
    void consecutiveExchangesShareOneKeptAliveConnection() throws IOException {
        Scripted server = new Scripted(request -> ok("again"));

        for (int i = 0; i < 5; i++) {
            assertThat(transport.send(transport.request(server.uri("/x")).GET().build()).body()).isEqualTo("again");
        }

        assertThat(server.connections).hasValue(1);
    }

    @Test
    void aChunkedAnswerIsReadWholeWithItsExtensionsAndTrailersLeftOut() throws IOException {
        Scripted server = new Scripted(request -> "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;name=value\r\nhello\r\n7\r\n, world\r\n0\r\nX-Trailer: yes\r\n\r\n");

        assertThat(transport.send(transport.request(server.uri("/x")).GET().build()).body()).isEqualTo("hello, world");
        assertThat(transport.send(transport.request(server.uri("/x")).GET().build()).body()).isEqualTo("hello, world");
        assertThat(server.connections).hasValue(1);
    }

    @Test
    void interimAnswersAreSkippedAndAnAnswerWithoutLengthIsReadToTheConnectionsEnd() throws IOException {
        Scripted server = new Scripted(request -> request.startsWith("GET /interim")
                ? "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n" + ok("final")
                : "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nuntil the end");

        assertThat(transport.send(transport.request(server.uri("/interim")).GET().build()).body()).isEqualTo("final");
        var unframed = transport.send(transport.request(server.uri("/close")).GET().build());
        assertThat(unframed.body()).isEqualTo("until the end");
        assertThat(transport.send(transport.request(server.uri("/interim")).GET().build()).body()).isEqualTo("final");
        assertThat(server.connections).as("a connection the scheduler closes is not reused").hasValue(2);
    }

    /** A connection the scheduler asks to close, or keeps alive for one second or less, is not reused. */
    @ParameterizedTest
    @ValueSource(strings = {"HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n",
            "HTTP/1.1 200 OK\r\nKeep-Alive: timeout=1, max=100\r\nContent-Length: 0\r\n\r\n"})
    void aConnectionTheSchedulerWillNotKeepIsNotReused(String answer) throws IOException {
        Scripted server = new Scripted(request -> answer);

        transport.send(transport.request(server.uri("/x")).GET().build());
        transport.send(transport.request(server.uri("/x")).GET().build());

        assertThat(server.connections).hasValue(2);
    }

    @Test
    void aGetWhoseKeptConnectionTheSchedulerClosedIsSentOnceMoreOnANewOne() throws IOException {
        AtomicInteger served = new AtomicInteger();
        Scripted server = new Scripted(request -> served.incrementAndGet() == 2 ? null : ok("n" + served.get()));

        assertThat(transport.send(transport.request(server.uri("/x")).GET().build()).body()).isEqualTo("n1");
        assertThat(transport.send(transport.request(server.uri("/x")).GET().build()).body()).isEqualTo("n3");

        assertThat(server.connections).hasValue(2);
    }

    @Test
    void aPostWhoseKeptConnectionTheSchedulerClosedIsNeverSentAgainItsOutcomeUnknown() throws IOException {
        AtomicInteger served = new AtomicInteger();
        Scripted server = new Scripted(request -> served.incrementAndGet() == 2 ? null : ok("booked"));
        HttpRequest booking = transport.request(server.uri("/book")).POST(HttpRequest.BodyPublishers.ofString("{}")).build();

        transport.send(booking);

        assertThat(kindOf(() -> transport.send(booking))).isEqualTo(ErrorKind.OUTCOME_UNKNOWN);
        assertThat(server.requests).hasSize(2);
    }

    @Test
    void anAnswerNotFramedAsHttpIsUnreadable() throws IOException {
        Scripted garbage = new Scripted(request -> "SSH-2.0-OpenSSH_9.6\r\n\r\n");
        Scripted badChunk = new Scripted(request -> "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
        Scripted twoLengths = new Scripted(request -> "HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd");
        Scripted cutShort = new Scripted(request -> "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 10\r\n\r\nabc");

        for (Scripted server : List.of(garbage, badChunk, twoLengths)) {
            assertThat(kindOf(() -> transport.send(transport.request(server.uri("/x")).GET().build()))).isEqualTo(ErrorKind.UNREADABLE);
        }
        Scripted closing = new Scripted(request -> null);
        assertThat(kindOf(() -> transport.send(transport.request(cutShort.uri("/x")).GET().build()))).isEqualTo(ErrorKind.UNREADABLE);
        assertThat(kindOf(() -> transport.send(transport.request(closing.uri("/x")).POST(HttpRequest.BodyPublishers.ofString("{}")).build())))
                .as("closed before any answer on a new connection: it may have been processed").isEqualTo(ErrorKind.OUTCOME_UNKNOWN);
    }

    @Test
    void anAnswerToHeadHasNoBodyWhateverItsLengthSays() throws IOException {
        Scripted server = new Scripted(request -> "HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\n");

        var head = transport.send(transport.request(server.uri("/x")).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        transport.send(transport.request(server.uri("/x")).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());

        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValueAsLong("content-length")).hasValue(1234);
        assertThat(server.connections).hasValue(1);
    }

    @Test
    void anInterruptedExchangeClosesItsConnectionSoNoLaterExchangeReadsItsAnswer() throws Exception {
        // each path has its own answer: which connection's handler runs first cannot change what is answered
        CountDownLatch lateAnswer = new CountDownLatch(1);
        Scripted server = new Scripted(request -> {
            if (request.startsWith("GET /slow ")) {
                try {
                    lateAnswer.await();
                } catch (InterruptedException e) {
                    return null;
                }
                return ok("late answer to the interrupted request");
            }
            return ok(request.startsWith("GET /first ") ? "first" : "third");
        });
        assertThat(transport.send(transport.request(server.uri("/first")).GET().build()).body()).isEqualTo("first");

        List<ErrorKind> interrupted = new CopyOnWriteArrayList<>();
        Thread caller = Thread.ofVirtual().start(() -> interrupted.add(kindOf(() -> transport.send(transport.request(server.uri("/slow")).GET().build()))));
        while (server.requests.size() < 2) {
            Thread.onSpinWait();
        }
        caller.interrupt();
        caller.join(TimeUnit.SECONDS.toMillis(5));
        // the late answer is on its way before the next exchange: were the connection reused, that exchange would read it
        lateAnswer.countDown();

        assertThat(interrupted).containsExactly(ErrorKind.OUTCOME_UNKNOWN);
        assertThat(transport.send(transport.request(server.uri("/third")).GET().build()).body()).isEqualTo("third");
        assertThat(server.connections).hasValue(2);
    }

    @Test
    void anIdleConnectionPastItsKeepAliveIsClosedNotReused() throws IOException {
        Scripted server = new Scripted(request -> ok("fine"));

        transport.send(transport.request(server.uri("/x")).GET().build());
        idleClock.addAndGet(SchedulerConnections.KEEP_ALIVE.plusSeconds(1).toNanos());
        transport.send(transport.request(server.uri("/x")).GET().build());

        assertThat(server.connections).hasValue(2);
    }

    @Test
    void aConnectionIdleAWhileIsCheckedBeforeUseSoABookingIsNeverSentOnOneTheSchedulerClosed() throws Exception {
        Scripted server = new Scripted(request -> "HTTP/1.1 201 Created\r\nX-Then-Close: yes\r\nContent-Length: 6\r\n\r\nbooked");
        HttpRequest booking = transport.request(server.uri("/book")).POST(HttpRequest.BodyPublishers.ofString("{}")).build();

        transport.send(booking);
        assertThat(server.closed.tryAcquire(10, TimeUnit.SECONDS)).as("the scheduler closed the idle connection").isTrue();
        idleClock.addAndGet(SchedulerConnections.CHECK_AFTER.plusSeconds(1).toNanos());

        assertThat(transport.send(booking).body()).isEqualTo("booked");
        assertThat(server.connections).hasValue(2);
        assertThat(server.requests).hasSize(2);
    }

    @Test
    void aConnectionIdleAWhileThatIsStillOpenIsReused() throws IOException {
        Scripted server = new Scripted(request -> ok("fine"));

        transport.send(transport.request(server.uri("/x")).GET().build());
        idleClock.addAndGet(SchedulerConnections.CHECK_AFTER.plusSeconds(1).toNanos());
        transport.send(transport.request(server.uri("/x")).POST(HttpRequest.BodyPublishers.ofString("{}")).build());

        assertThat(server.connections).hasValue(1);
    }
}
