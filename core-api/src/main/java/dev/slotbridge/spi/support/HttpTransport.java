package dev.slotbridge.spi.support;

import dev.slotbridge.spi.error.SchedulerResponseException;
import dev.slotbridge.spi.error.SchedulerTimeoutException;
import dev.slotbridge.spi.error.SchedulerUnavailableException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;

/**
 * Sends a provider's HTTP requests with the JDK client and translates transport failures into the SPI's exceptions,
 * saying precisely whether the request may have reached the scheduler:
 * <ul>
 *   <li>connection refused, connect timeout, unknown host: {@link SchedulerUnavailableException} with
 *       {@code requestNotSent} true (even a booking may safely be sent again);</li>
 *   <li>no answer within the request's timeout, or the call interrupted by the server's time limit:
 *       {@link SchedulerTimeoutException} (outcome unknown);</li>
 *   <li>any other I/O failure (reset, early close): {@link SchedulerUnavailableException} with
 *       {@code requestNotSent} false;</li>
 *   <li>an HTTP 5xx answer: {@link SchedulerUnavailableException} with {@code requestNotSent} false;</li>
 *   <li>an answer larger than {@link #MAX_ANSWER_BYTES}: {@link SchedulerResponseException} (unreadable; a write may
 *       have been applied), read no further than the bound.</li>
 * </ul>
 * Other statuses are returned for the provider to interpret. Messages name the scheduler and the status, never the
 * URL's query, headers or body. Each exchange is told to the call's {@link ExchangeObserver}, whose headers (the trace
 * context) are sent with it.
 */
public final class HttpTransport {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /**
     * The most of one answer read, 4 MiB: ample for the largest answer the vendors document (a 62-day availability
     * answer is well under 1 MiB), and a bound on what a scheduler, or anything between it and Slotbridge, can make
     * the server hold.
     */
    public static final int MAX_ANSWER_BYTES = 4 * 1024 * 1024;
    /** The HTTP clients' internal tasks: a virtual thread each (see {@link #forScheduler}). */
    private static final ThreadFactory CLIENT_THREADS = Thread.ofVirtual().name("scheduler-http").factory();
    private static final Executor CLIENT_TASKS = task -> CLIENT_THREADS.newThread(task).start();
    private static final BoundedAnswer<String> TEXT = BoundedAnswer.text(MAX_ANSWER_BYTES);
    private static final BoundedAnswer<byte[]> BYTES = BoundedAnswer.bytes(MAX_ANSWER_BYTES);
    private final HttpClient client;
    private final String schedulerName;
    private final Duration requestTimeout;

    /** @param requestTimeout how long one exchange may take: the council's call timeout ({@code ProviderContext.callTimeout()}) */
    public HttpTransport(HttpClient client, String schedulerName, Duration requestTimeout) {
        this.client = Objects.requireNonNull(client, "client is null");
        this.schedulerName = Objects.requireNonNull(schedulerName, "schedulerName is null");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout is null");
    }

    /**
     * A transport with the client every provider should use: HTTP/1.1 with keep-alive, a connect timeout of 5 s (or
     * the request timeout, if shorter), {@code requestTimeout} for each exchange, and its internal tasks (reading and
     * handing over answers) on virtual threads.
     * HTTP/1.1 is explicit because the JDK client's default, HTTP/2, sends an {@code Upgrade: h2c} on plain-http
     * requests, which on-premise gateways and their proxies may mishandle (the vendors' documents name no version).
     * The client's default executor, a pool of platform threads, cost about 100 µs of CPU per exchange on loopback
     * (posting 1 KB, reading 6 KB, 32 callers), against about 50 µs with virtual threads: each exchange hands work to
     * the executor several times, and waking a parked platform thread is a system call where a virtual thread is a
     * task queued to a carrier already running.
     */
    public static HttpTransport forScheduler(String schedulerName, Duration requestTimeout) {
        return new HttpTransport(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT.compareTo(requestTimeout) < 0 ? CONNECT_TIMEOUT : requestTimeout)
                .executor(CLIENT_TASKS)
                .build(), schedulerName, requestTimeout);
    }

    /** A request to {@code uri} whose timeout is the transport's request timeout. */
    public HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(requestTimeout);
    }

    /** Sends the request and returns its answer, as text, when the status is below 500. */
    public HttpResponse<String> send(HttpRequest request) {
        return send(request, TEXT);
    }

    /**
     * Sends the request and returns its answer's bytes, undecoded, when the status is below 500: for a parser that
     * reads bytes (XML, JSON), which spares decoding the answer into a String first. {@link #charset} names the
     * charset the answer declares.
     */
    public HttpResponse<byte[]> sendForBytes(HttpRequest request) {
        return send(request, BYTES);
    }

    /** The charset the answer's {@code Content-Type} names, or null when it names none. */
    public static Charset charset(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type")
                .filter(type -> type.toLowerCase(Locale.ROOT).contains("charset="))
                .map(BoundedAnswer::charsetOf).orElse(null);
    }

    private <T> HttpResponse<T> send(HttpRequest request, BoundedAnswer<T> answer) {
        HttpResponse<T> response = exchange(request, answer);
        if (response.statusCode() >= 500) {
            throw new SchedulerUnavailableException(
                    schedulerName + " answered HTTP " + response.statusCode() + " to " + describe(request), false, null);
        }
        return response;
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, BoundedAnswer<T> answer) {
        long started = System.nanoTime();
        ExchangeObserver.Exchange observed = SchedulerExchanges.started(request.method(), request.uri());
        int status = 0;
        RuntimeException failure = null;
        try {
            HttpResponse<T> response = client.send(withHeaders(request, observed.headers()), answer);
            status = response.statusCode();
            return response;
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw failure = new SchedulerUnavailableException(
                    schedulerName + " refused the connection for " + describe(request), true, e);
        } catch (HttpTimeoutException e) {
            throw failure = new SchedulerTimeoutException(schedulerName + " did not answer " + describe(request) + " in time", e);
        } catch (IOException e) {
            if (e instanceof BoundedAnswer.TooLarge || e.getCause() instanceof BoundedAnswer.TooLarge) {
                throw failure = new SchedulerResponseException(schedulerName + "'s answer to " + describe(request)
                        + " is larger than " + MAX_ANSWER_BYTES + " bytes", e);
            }
            if (e.getCause() instanceof UnresolvedAddressException) {
                throw failure = new SchedulerUnavailableException(schedulerName + " host is unknown for " + describe(request), true, e);
            }
            throw failure = new SchedulerUnavailableException(
                    schedulerName + " connection failed during " + describe(request) + ": " + e.getClass().getSimpleName(),
                    false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure = new SchedulerTimeoutException(schedulerName + " call " + describe(request) + " was interrupted", e);
        } finally {
            SchedulerExchanges.exchanged(started);
            observed.ended(status, failure);
        }
    }

    /** The request with the observer's headers set (a copy; the request itself when there are none). */
    private static HttpRequest withHeaders(HttpRequest request, Map<String, String> headers) {
        if (headers.isEmpty()) {
            return request;
        }
        HttpRequest.Builder copy = HttpRequest.newBuilder(request, (name, value) -> true);
        headers.forEach(copy::setHeader);
        return copy.build();
    }

    /** Method and path only: queries may carry personal references and are left out. */
    private static String describe(HttpRequest request) {
        return request.method() + " " + request.uri().getPath();
    }
}
