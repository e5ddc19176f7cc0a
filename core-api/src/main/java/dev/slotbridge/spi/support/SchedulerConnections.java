package dev.slotbridge.spi.support;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import javax.net.ssl.SSLContext;

/**
 * One scheduler's kept-alive HTTP/1.1 connections, and the exchange over one of them.
 * <ul>
 *   <li>An idle connection is reused most recently used first, for at most {@link #KEEP_ALIVE} idle (or 1 s less than
 *       the {@code Keep-Alive: timeout} the scheduler announces); one idle longer than {@link #CHECK_AFTER} is first
 *       checked to be still open (a 1 ms read), since a scheduler closes idle connections on its own schedule.</li>
 *   <li>A {@code GET} or {@code HEAD} whose reused connection turns out closed before any byte of an answer is sent
 *       once more on a new connection, as HTTP lets a client do for idempotent requests (RFC 9110, 9.2.2); any other
 *       request's outcome is then unknown and said to be.</li>
 *   <li>At most {@link #MAX_IDLE} idle connections per origin are kept; idle ones are closed when they expire by a
 *       virtual thread that runs only while there are some.</li>
 * </ul>
 */
final class SchedulerConnections {
    static final Duration KEEP_ALIVE = Duration.ofSeconds(30);
    static final Duration CHECK_AFTER = Duration.ofSeconds(2);
    static final int MAX_IDLE = 64;
    private static final String USER_AGENT = "Slotbridge";

    private final int connectMillis;
    private final SSLContext tls;
    private final LongSupplier idleClock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<Http1Connection.Origin, ArrayDeque<Http1Connection>> idle = new HashMap<>();
    private boolean reaping;

    /**
     * @param tls the TLS context of https schedulers; null for the JDK's default, made when first needed
     * @param idleClock what says how long connections have been idle, in nanoseconds ({@code System::nanoTime}; tests
     *                  move it on): exchanges' own deadlines are always the real time's
     */
    SchedulerConnections(Duration connectTimeout, SSLContext tls, LongSupplier idleClock) {
        this.connectMillis = (int) Math.max(1, connectTimeout.toMillis());
        this.tls = tls;
        this.idleClock = idleClock;
    }

    /**
     * Sends the request with {@code extraHeaders} and reads its answer, at most {@code maxBytes} of body, all within
     * {@code timeout}.
     */
    Http1Connection.Answer exchange(HttpRequest request, Map<String, String> extraHeaders, Duration timeout, int maxBytes)
            throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI uri = request.uri();
        boolean secure = uri.getScheme().equalsIgnoreCase("https");
        Http1Connection.Origin origin = new Http1Connection.Origin(secure, uri.getHost(),
                uri.getPort() >= 0 ? uri.getPort() : secure ? 443 : 80);
        byte[] serialised = serialised(request, extraHeaders);
        boolean idempotent = request.method().equals("GET") || request.method().equals("HEAD");
        boolean resent = false;
        while (true) {
            Http1Connection connection = reused(origin);
            boolean reused = connection != null;
            if (!reused) {
                connection = Http1Connection.open(origin, connectMillis, deadline, secure ? tls() : null);
            }
            try {
                Http1Connection.Answer answer = connection.exchange(serialised, request.method().equals("HEAD"), deadline, maxBytes);
                if (answer.reusable()) {
                    release(connection, answer.keepAliveSeconds());
                } else {
                    connection.close();
                }
                return answer;
            } catch (IOException e) {
                connection.close();
                boolean closedIdle = reused && !connection.answerStarted() && !(e instanceof SocketTimeoutException)
                        && !Thread.currentThread().isInterrupted();
                if (closedIdle && idempotent && !resent) {
                    resent = true;
                    continue;
                }
                throw e;
            } catch (RuntimeException | Error e) {
                connection.close();
                throw e;
            }
        }
    }

    /** The TLS context: the one given, or the JDK's default (made, with its trust store read, when first needed). */
    private SSLContext tls() throws IOException {
        if (tls != null) {
            return tls;
        }
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IOException("no TLS", e);
        }
    }

    /** The request line, headers and body as sent. */
    private static byte[] serialised(HttpRequest request, Map<String, String> extraHeaders) throws IOException {
        byte[] body = RequestBodies.bytesOf(request);
        URI uri = request.uri();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        StringBuilder head = new StringBuilder(256).append(request.method()).append(' ').append(path);
        if (uri.getRawQuery() != null) {
            head.append('?').append(uri.getRawQuery());
        }
        head.append(" HTTP/1.1\r\nHost: ").append(uri.getRawAuthority().substring(uri.getRawAuthority().indexOf('@') + 1))
                .append("\r\n");
        boolean userAgent = false;
        for (Map.Entry<String, List<String>> header : request.headers().map().entrySet()) {
            userAgent |= header.getKey().equalsIgnoreCase("User-Agent");
            for (String value : header.getValue()) {
                head.append(header.getKey()).append(": ").append(value).append("\r\n");
            }
        }
        extraHeaders.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (!userAgent) {
            head.append("User-Agent: ").append(USER_AGENT).append("\r\n");
        }
        if (request.bodyPublisher().isPresent()) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] serialised = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, serialised, 0, headBytes.length);
        System.arraycopy(body, 0, serialised, headBytes.length, body.length);
        return serialised;
    }

    /** An idle connection to {@code origin} that is still usable, or null. */
    private Http1Connection reused(Http1Connection.Origin origin) {
        while (true) {
            Http1Connection connection;
            long now = idleClock.getAsLong();
            lock.lock();
            try {
                ArrayDeque<Http1Connection> connections = idle.get(origin);
                connection = connections == null ? null : connections.pollFirst();
                if (connection == null) {
                    return null;
                }
            } finally {
                lock.unlock();
            }
            if (!connection.expired(now) && (now - connection.idleSince() < CHECK_AFTER.toNanos() || connection.stillOpen())) {
                return connection;
            }
            connection.close();
        }
    }

    /**
     * Keeps the connection for the next exchange to its origin, for {@link #KEEP_ALIVE}, or 1 s less than the
     * scheduler's announced {@code Keep-Alive: timeout} (closed now when that leaves nothing).
     */
    private void release(Http1Connection connection, long keepAliveSeconds) {
        long keepAlive = keepAliveSeconds < 0 ? KEEP_ALIVE.toNanos()
                : Math.min(KEEP_ALIVE.toNanos(), TimeUnit.SECONDS.toNanos(keepAliveSeconds - 1));
        if (keepAlive <= 0) {
            connection.close();
            return;
        }
        connection.idle(idleClock.getAsLong(), keepAlive);
        boolean startReaper;
        lock.lock();
        try {
            ArrayDeque<Http1Connection> connections = idle.computeIfAbsent(connection.origin, origin -> new ArrayDeque<>());
            if (connections.size() >= MAX_IDLE) {
                connection.close();
                return;
            }
            connections.addFirst(connection);
            startReaper = !reaping;
            reaping = true;
        } finally {
            lock.unlock();
        }
        if (startReaper) {
            Thread.ofVirtual().name("scheduler-connections-reaper").start(this::reap);
        }
    }

    /** Closes idle connections as they expire; ends when none is left idle. */
    private void reap() {
        long wait;
        do {
            long now = idleClock.getAsLong();
            wait = Long.MAX_VALUE;
            lock.lock();
            try {
                for (ArrayDeque<Http1Connection> connections : idle.values()) {
                    for (var each = connections.iterator(); each.hasNext(); ) {
                        Http1Connection connection = each.next();
                        if (connection.expired(now)) {
                            each.remove();
                            connection.close();
                        } else {
                            wait = Math.min(wait, connection.expiresAt() - now);
                        }
                    }
                }
                reaping = wait != Long.MAX_VALUE;
            } finally {
                lock.unlock();
            }
        } while (wait != Long.MAX_VALUE && sleptFor(wait));
    }

    private boolean sleptFor(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(Math.max(TimeUnit.MILLISECONDS.toNanos(100), nanos));
            return true;
        } catch (InterruptedException e) {
            lock.lock();
            try {
                reaping = false;
            } finally {
                lock.unlock();
            }
            return false;
        }
    }
}
