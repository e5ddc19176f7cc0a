package dev.slotbridge.spi.support;

import dev.slotbridge.spi.error.SchedulerResponseException;
import dev.slotbridge.spi.error.SchedulerTimeoutException;
import dev.slotbridge.spi.error.SchedulerUnavailableException;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.LongSupplier;
import javax.net.ssl.SSLContext;

/**
 * Sends a provider's HTTP requests over kept-alive HTTP/1.1 connections of its own ({@code SchedulerConnections}) and
 * translates transport failures into the SPI's exceptions, saying precisely whether the request may have reached the
 * scheduler:
 * <ul>
 *   <li>connection refused, connect timeout, unknown host, failed TLS handshake: {@link SchedulerUnavailableException}
 *       with {@code requestNotSent} true (even a booking may safely be sent again);</li>
 *   <li>no answer within the request's timeout, or the call interrupted by the server's time limit:
 *       {@link SchedulerTimeoutException} (outcome unknown);</li>
 *   <li>any other I/O failure (reset, early close): {@link SchedulerUnavailableException} with
 *       {@code requestNotSent} false;</li>
 *   <li>an HTTP 5xx answer: {@link SchedulerUnavailableException} with {@code requestNotSent} false;</li>
 *   <li>an answer larger than {@link #MAX_ANSWER_BYTES}, or not framed as HTTP/1.1: {@link SchedulerResponseException}
 *       (unreadable; a write may have been applied), read no further than the bound.</li>
 * </ul>
 * Other statuses are returned for the provider to interpret. Messages name the scheduler and the status, never the
 * URL's query, headers or body. Each exchange is told to the call's {@link ExchangeObserver}, whose headers (the trace
 * context) are sent with it.
 *
 * <p>Requests are described with the JDK's {@link HttpRequest} (built from {@link #request}); the exchange itself is
 * written and read by the calling thread, which on a virtual thread parks in the socket read. The JDK's
 * {@code HttpClient} was the largest cost of a scheduler call: its selector thread and the hand-overs of every
 * exchange to its executor wake several threads per exchange. An interrupt (the call's time limit) closes the
 * connection it interrupts, so no later exchange can read a cancelled answer.
 */
public final class HttpTransport {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /**
     * The most of one answer read, 4 MiB: ample for the largest answer the vendors document (a 62-day availability
     * answer is well under 1 MiB), and a bound on what a scheduler, or anything between it and Slotbridge, can make
     * the server hold.
     */
    public static final int MAX_ANSWER_BYTES = 4 * 1024 * 1024;
    private final SchedulerConnections connections;
    private final String schedulerName;
    private final Duration requestTimeout;

    HttpTransport(String schedulerName, Duration requestTimeout, SSLContext tls) {
        this(schedulerName, requestTimeout, tls, CONNECT_TIMEOUT, System::nanoTime);
    }

    /** @param idleClock how long connections have been idle is read from it (tests move it on) */
    HttpTransport(String schedulerName, Duration requestTimeout, SSLContext tls, LongSupplier idleClock) {
        this(schedulerName, requestTimeout, tls, CONNECT_TIMEOUT, idleClock);
    }

    /**
     * A transport with the TLS context and connect timeout of {@code client}; kept so that plugins compiled against
     * SPI version 3, when the transport sent through a JDK {@code HttpClient}, still run. The exchanges are this
     * transport's own: the client's other settings (executor, HTTP version, proxy, redirects) do not apply.
     *
     * @deprecated use {@link #forScheduler}
     */
    @Deprecated(since = "SPI 3", forRemoval = true)
    public HttpTransport(HttpClient client, String schedulerName, Duration requestTimeout) {
        this(schedulerName, requestTimeout, Objects.requireNonNull(client, "client is null").sslContext(),
                client.connectTimeout().orElse(CONNECT_TIMEOUT), System::nanoTime);
    }

    private HttpTransport(String schedulerName, Duration requestTimeout, SSLContext tls, Duration connectTimeout,
                          LongSupplier idleClock) {
        this.schedulerName = Objects.requireNonNull(schedulerName, "schedulerName is null");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout is null");
        this.connections = new SchedulerConnections(
                connectTimeout.compareTo(requestTimeout) < 0 ? connectTimeout : requestTimeout, tls, idleClock);
    }

    /**
     * The transport every provider should use: HTTP/1.1 with keep-alive (the vendors' documents name no version, and
     * on-premise gateways and their proxies may mishandle an upgrade to HTTP/2), a connect timeout of 5 s (or the
     * request timeout, if shorter), {@code requestTimeout} for each exchange, and TLS with the JDK's default trust
     * and host name checks.
     *
     * @param requestTimeout how long one exchange may take: the council's call timeout ({@code ProviderContext.callTimeout()})
     */
    public static HttpTransport forScheduler(String schedulerName, Duration requestTimeout) {
        return new HttpTransport(schedulerName, requestTimeout, null);
    }

    /** A request to {@code uri} whose timeout is the transport's request timeout. */
    public HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(requestTimeout);
    }

    /** Sends the request and returns its answer, as text, when the status is below 500. */
    public HttpResponse<String> send(HttpRequest request) {
        return send(request, (bytes, length, charset) -> new String(bytes, 0, length, charset == null ? StandardCharsets.UTF_8 : charset));
    }

    /**
     * Sends the request and returns its answer's bytes, undecoded, when the status is below 500: for a parser that
     * reads bytes (XML, JSON), which spares decoding the answer into a String first. {@link #charset} names the
     * charset the answer declares.
     */
    public HttpResponse<byte[]> sendForBytes(HttpRequest request) {
        return send(request, (bytes, length, charset) -> length == bytes.length ? bytes : Arrays.copyOf(bytes, length));
    }

    /** The charset the answer's {@code Content-Type} names, or null when it names none (or one the JDK lacks: UTF-8). */
    public static Charset charset(HttpResponse<?> response) {
        return charsetOf(response.headers());
    }

    private static Charset charsetOf(HttpHeaders headers) {
        String contentType = headers.firstValue("Content-Type").orElse("");
        for (String parameter : contentType.split(";")) {
            String[] nameAndValue = parameter.trim().split("=", 2);
            if (nameAndValue.length == 2 && nameAndValue[0].trim().equalsIgnoreCase("charset")) {
                try {
                    return Charset.forName(nameAndValue[1].trim().replace("\"", ""));
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return null;
    }

    /** Turns an answer's bytes into its body. */
    private interface Decoder<T> {
        T decode(byte[] bytes, int length, Charset charset);
    }

    private <T> HttpResponse<T> send(HttpRequest request, Decoder<T> decoder) {
        long started = System.nanoTime();
        ExchangeObserver.Exchange observed = SchedulerExchanges.started(request.method(), request.uri());
        int status = 0;
        RuntimeException failure = null;
        try {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException();
            }
            Http1Connection.Answer answer = connections.exchange(request, observed.headers(),
                    request.timeout().orElse(requestTimeout), MAX_ANSWER_BYTES);
            status = answer.status();
            HttpHeaders headers = HttpHeaders.of(answer.headers(), (name, value) -> true);
            if (status >= 500) {
                throw failure = new SchedulerUnavailableException(
                        schedulerName + " answered HTTP " + status + " to " + describe(request), false, null);
            }
            return new SchedulerResponse<>(request, status, headers,
                    decoder.decode(answer.body(), answer.length(), charsetOf(headers)));
        } catch (IOException e) {
            throw failure = failure(request, e);
        } finally {
            SchedulerExchanges.exchanged(started);
            observed.ended(status, failure);
        }
    }

    private RuntimeException failure(HttpRequest request, IOException e) {
        if (e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException) || Thread.currentThread().isInterrupted()) {
            return new SchedulerTimeoutException(schedulerName + " call " + describe(request) + " was interrupted", e);
        }
        if (e instanceof Http1Connection.NotConnected) {
            String why = e.getCause() instanceof UnknownHostException ? " host is unknown for " : " refused the connection for ";
            return new SchedulerUnavailableException(schedulerName + why + describe(request), true, e);
        }
        if (e instanceof SocketTimeoutException) {
            return new SchedulerTimeoutException(schedulerName + " did not answer " + describe(request) + " in time", e);
        }
        if (e instanceof Http1Connection.TooLarge) {
            return new SchedulerResponseException(schedulerName + "'s answer to " + describe(request)
                    + " is larger than " + MAX_ANSWER_BYTES + " bytes", e);
        }
        if (e instanceof Http1Connection.MalformedAnswer) {
            return new SchedulerResponseException(schedulerName + "'s answer to " + describe(request)
                    + " is not HTTP/1.1: " + e.getMessage(), e);
        }
        return new SchedulerUnavailableException(
                schedulerName + " connection failed during " + describe(request) + ": " + e.getClass().getSimpleName(), false, e);
    }

    /** Method and path only: queries may carry personal references and are left out. */
    private static String describe(HttpRequest request) {
        return request.method() + " " + request.uri().getPath();
    }
}
