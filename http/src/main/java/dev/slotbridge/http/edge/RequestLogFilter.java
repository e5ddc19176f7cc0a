package dev.slotbridge.http.edge;

import dev.slotbridge.engine.metrics.RequestExchanges;
import dev.slotbridge.engine.resilience.CallDeadline;
import dev.slotbridge.engine.security.ApiClient;
import dev.slotbridge.engine.tracing.Tracing;
import dev.slotbridge.http.metrics.ApiRequestMetrics;
import dev.slotbridge.http.metrics.ApiRoute;
import dev.slotbridge.http.metrics.HttpRequestMetrics;
import dev.slotbridge.http.problem.Faults;
import dev.slotbridge.http.problem.Problem;
import dev.slotbridge.http.security.ClientAddresses;
import dev.slotbridge.spi.support.SchedulerExchanges;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import net.logstash.logback.marker.Markers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

import java.time.Duration;
import java.util.regex.Pattern;

import static net.logstash.logback.argument.StructuredArguments.kv;

/**
 * Gives every request an id and logs one line for it. The caller's {@code X-Request-Id} is kept when it is 1–64 of
 * {@code [A-Za-z0-9._:-]}, else a random UUID is made ({@link RequestIds}); either way it is echoed in the answer and
 * put in the logging context ({@code requestId}), so the scheduler-call lines of the request carry it too, and records
 * it in {@link HttpRequestMetrics}. The line names method, path (never the query: it may hold a property reference),
 * status, duration, client and client address ({@link ClientAddresses}), the number of exchanges with the scheduler
 * ({@code scheduler_exchanges}), how much of the duration was spent in them ({@code scheduler_us}) and outside them
 * ({@code outside_us}: what Slotbridge adds); never a header or a body. It names the council and operation of a
 * council's API request ({@link ApiRoute}) and records it in {@link ApiRequestMetrics}. It also opens the request's
 * {@link CallDeadline}, which its scheduler calls share, and its server span ({@link Tracing#request}): the line
 * carries the trace id ({@code trace_id}), and so does a problem answer ({@code traceId}). In the JSON log format each
 * value is a field of its own. It dates every answer ({@link HttpDates}).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class RequestLogFilter implements Ordered {
    static final String HEADER = "X-Request-Id";
    private static final String STARTED = "slotbridge.request-started";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Logger LOG = LoggerFactory.getLogger("dev.slotbridge.request");
    /** The JSON log format's {@code event_type} of the line. */
    private static final Marker EVENT = Markers.append("event_type", "request");

    private final HttpRequestMetrics metrics;
    private final ApiRequestMetrics apiMetrics;
    private final ClientAddresses addresses;
    private final Tracing tracing;
    private final HttpDates dates;

    RequestLogFilter(HttpRequestMetrics metrics, ApiRequestMetrics apiMetrics, ClientAddresses addresses, Tracing tracing,
                     HttpDates dates) {
        this.dates = dates;
        this.metrics = metrics;
        this.apiMetrics = apiMetrics;
        this.tracing = tracing;
        this.addresses = addresses;
    }

    @RequestFilter
    void start(HttpRequest<?> request, MutablePropagatedContext context) {
        String given = request.getHeaders().get(HEADER);
        String id = given != null && ACCEPTED.matcher(given).matches() ? given : RequestIds.next();
        long startedNanos = System.nanoTime();
        SchedulerExchanges.Recorder exchanges = new SchedulerExchanges.Recorder();
        context.add(new RequestIdLogContext(id));
        context.add(new RequestExchanges(exchanges));
        context.add(CallDeadline.ofRequest());
        Tracing.RequestSpan span = tracing.request(request.getMethodName(), request.getHeaders()::get, context);
        request.setAttribute(STARTED, new Started(id, startedNanos, exchanges, span));
    }

    @ResponseFilter
    @SuppressWarnings("unchecked")
    void finish(HttpRequest<?> request, MutableHttpResponse<?> response) {
        Started started = request.getAttribute(STARTED).orElse(null) instanceof Started known ? known
                : new Started("-", System.nanoTime(), new SchedulerExchanges.Recorder(), null);
        String id = started.id();
        response.header(HEADER, id);
        response.header(HttpHeaders.DATE, dates.now());
        long tookNanos = System.nanoTime() - started.nanos();
        long tookMillis = tookNanos / 1_000_000;
        metrics.record(request, response, Duration.ofNanos(tookNanos));
        ApiRoute route = ApiRoute.of(request).orElse(null);
        if (route != null) {
            apiMetrics.record(route, Faults.of(response), Duration.ofNanos(tookNanos));
        }
        SchedulerExchanges.Recorder exchanges = started.exchanges();
        long schedulerNanos = exchanges.insideNanos();
        String client = request.getAttribute(ApiClient.ATTRIBUTE).orElse(null) instanceof ApiClient apiClient
                ? apiClient.name() : "-";
        Tracing.RequestSpan span = started.span();
        String traceId = "-";
        if (span != null) {
            traceId = span.traceId();
            if (response.body() instanceof Problem problem && problem.traceId() == null) {
                ((MutableHttpResponse<Object>) response).body(problem.withTraceId(traceId));
            }
            span.end(HttpRequestMetrics.routeTemplate(request), route == null ? null : route.council(),
                    route == null ? null : route.operation(), client.equals("-") ? null : client, response.code());
        }
        LOG.info(EVENT, "request {} {} {} {} {} {} {} {} {} {} {} {} {}", kv("request_id", id), kv("trace_id", traceId),
                kv("method", request.getMethodName()), kv("path", request.getPath()),
                kv("council", route == null ? "-" : route.council()), kv("operation", route == null ? "-" : route.operation()),
                kv("status", response.code()), kv("duration_ms", tookMillis), kv("client", client),
                kv("address", addresses.of(request).getHostAddress()), kv("scheduler_exchanges", exchanges.count()),
                kv("scheduler_us", schedulerNanos / 1000), kv("outside_us", Math.max(0, tookNanos - schedulerNanos) / 1000));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    /** What the request filter learnt, for the response filter: one attribute, read without conversion. */
    private record Started(String id, long nanos, SchedulerExchanges.Recorder exchanges, Tracing.RequestSpan span) {
    }
}
