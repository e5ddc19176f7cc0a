package dev.slotbridge.server.testing;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP receiver of webhooks on a free loopback port: records every request (headers lower-cased, body), answers
 * with the statuses a test scripted (then 200), and can hold requests open until released (a receiver that hangs).
 */
public final class WebhookReceiver implements AutoCloseable {
    /** One request as it arrived. */
    public record Received(Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final HttpServer server;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final List<Received> all = new ArrayList<>();
    private final Deque<Integer> answers = new ArrayDeque<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private volatile CountDownLatch hold;

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/", exchange -> {
                Map<String, String> headers = new TreeMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.getFirst()));
                Received request = new Received(headers, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                receiver.record(request);
                CountDownLatch latch = receiver.hold;
                if (latch != null) {
                    receiver.waiting.incrementAndGet();
                    try {
                        latch.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    receiver.waiting.decrementAndGet();
                }
                exchange.sendResponseHeaders(receiver.nextStatus(), -1);
                exchange.close();
            });
            server.setExecutor(Executors.newFixedThreadPool(16));
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/events");
    }

    /** Every request's body, read as JSON (the CloudEvents), in the order received. */
    public List<Map<String, Object>> events(JsonMapper json) {
        return all().stream().map(received -> {
            try {
                return json.readValue(received.body(), Argument.mapOf(String.class, Object.class));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    /** The next requests are answered with these statuses, in order; after them, 200. */
    public synchronized void answer(int... statuses) {
        for (int status : statuses) {
            answers.add(status);
        }
    }

    /** Requests are held open, unanswered, until {@link #release}. */
    public void hold() {
        hold = new CountDownLatch(1);
    }

    public void release() {
        CountDownLatch latch = hold;
        hold = null;
        if (latch != null) {
            latch.countDown();
        }
    }

    /** How many requests are being held open now. */
    public int held() {
        return waiting.get();
    }

    /** The next request to arrive, waiting for it at most {@code timeout}; null when none came. */
    public Received next(Duration timeout) throws InterruptedException {
        return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Every request received since the last {@link #reset}. */
    public synchronized List<Received> all() {
        return List.copyOf(all);
    }

    public synchronized void reset() {
        release();
        received.clear();
        all.clear();
        answers.clear();
    }

    private synchronized void record(Received request) {
        all.add(request);
        received.add(request);
    }

    private synchronized int nextStatus() {
        Integer status = answers.poll();
        return status == null ? 200 : status;
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}
