package dev.slotbridge.engine.tracing;

import dev.slotbridge.spi.support.ExchangeObserver;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Slotbridge's spans, with W3C Trace Context ({@code traceparent}, {@code tracestate}) in and out:
 * <ul>
 *   <li>a server span per request ({@link #request}), the child of the caller's {@code traceparent} when it sent a
 *       valid one;</li>
 *   <li>an internal span per scheduler call attempt ({@link #schedulerCall}: council, provider, operation, attempt,
 *       outcome), whose {@link ExchangeObserver} makes a client span per HTTP exchange (method, host, port, status)
 *       and sends that span's {@code traceparent} to the scheduler;</li>
 *   <li>a client span per webhook delivery attempt ({@link #webhookDelivery}), in the trace of the request that made
 *       the event.</li>
 * </ul>
 * Attributes are fixed sets — never a path with references, a query, a header, a body or a credential.
 */
@Singleton
public final class Tracing {
    static final AttributeKey<String> COUNCIL = AttributeKey.stringKey("slotbridge.council");
    static final AttributeKey<String> PROVIDER = AttributeKey.stringKey("slotbridge.provider");
    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("slotbridge.operation");
    static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("slotbridge.attempt");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("slotbridge.outcome");
    static final AttributeKey<String> CLIENT = AttributeKey.stringKey("slotbridge.client");
    static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
    static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
    static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
    static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
    static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    /** A request's headers, read by name. */
    private static final TextMapGetter<Function<String, String>> REQUEST_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Function<String, String> headers) {
            return W3C.fields();
        }

        @Override
        public String get(Function<String, String> headers, String key) {
            return headers == null ? null : headers.apply(key);
        }
    };
    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final Tracer tracer;

    public Tracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("dev.slotbridge.server");
    }

    /** A request's server span. */
    public final class RequestSpan {
        private final Span span;
        private final String method;

        private RequestSpan(Span span, String method) {
            this.span = span;
            this.method = method;
        }

        /** The trace id: the caller's, or a new one. */
        public String traceId() {
            return span.getSpanContext().getTraceId();
        }

        /** Ends the span with what the request became; the route is its template, null when none matched. */
        public void end(String route, String council, String operation, String client, int status) {
            if (route != null) {
                span.updateName(method + " " + route);
                span.setAttribute(ROUTE, route);
            }
            if (council != null) {
                span.setAttribute(COUNCIL, council);
                span.setAttribute(OPERATION, operation);
            }
            if (client != null) {
                span.setAttribute(CLIENT, client);
            }
            span.setAttribute(STATUS, (long) status);
            if (status >= 500) {
                span.setStatus(StatusCode.ERROR);
            }
            span.end();
        }
    }

    /**
     * Starts the request's server span, the child of the caller's {@code traceparent} when valid, and puts its context
     * in the request's propagated context.
     *
     * @param method  the request's method
     * @param headers the request's header of each name, or null
     */
    public RequestSpan request(String method, Function<String, String> headers, MutablePropagatedContext propagated) {
        Context parent = W3C.extract(Context.root(), headers, REQUEST_HEADERS);
        Span span = tracer.spanBuilder(method).setParent(parent).setSpanKind(SpanKind.SERVER)
                .setAttribute(METHOD, method).startSpan();
        propagated.add(new RequestTrace(parent.with(span)));
        return new RequestSpan(span, method);
    }

    /** One scheduler call attempt's span; {@link #observer()} traces its HTTP exchanges as its children. */
    public final class SchedulerCallSpan {
        private final Span span;
        private final Context context;

        private SchedulerCallSpan(Span span, Context context) {
            this.span = span;
            this.context = context;
        }

        public ExchangeObserver observer() {
            return (method, uri) -> exchange(context, method, uri);
        }

        /** Ends the span with the attempt's outcome tag; {@code failed} when it counts as the scheduler's failure. */
        public void end(String outcome, boolean failed) {
            span.setAttribute(OUTCOME, outcome);
            if (failed) {
                span.setStatus(StatusCode.ERROR);
            }
            span.end();
        }
    }

    /** Starts a scheduler call attempt's span, the child of the current request's span (a root outside requests). */
    public SchedulerCallSpan schedulerCall(String council, String provider, String operation, int attempt) {
        Context parent = current();
        Span span = tracer.spanBuilder("scheduler " + operation).setParent(parent).setSpanKind(SpanKind.INTERNAL)
                .setAttribute(COUNCIL, council).setAttribute(PROVIDER, provider).setAttribute(OPERATION, operation)
                .setAttribute(ATTEMPT, (long) attempt).startSpan();
        return new SchedulerCallSpan(span, parent.with(span));
    }

    private ExchangeObserver.Exchange exchange(Context parent, String method, URI uri) {
        return observed(client(method, parent, method, uri).startSpan(), parent);
    }

    private io.opentelemetry.api.trace.SpanBuilder client(String name, Context parent, String method, URI uri) {
        var builder = tracer.spanBuilder(name).setParent(parent).setSpanKind(SpanKind.CLIENT).setAttribute(METHOD, method);
        if (uri.getHost() != null) {
            builder.setAttribute(SERVER_ADDRESS, uri.getHost());
            builder.setAttribute(SERVER_PORT, (long) (uri.getPort() > 0 ? uri.getPort()
                    : "https".equals(uri.getScheme()) ? 443 : 80));
        }
        return builder;
    }

    /** The exchange of a started client span: sends the span's trace context, ends it with the status. */
    private static ExchangeObserver.Exchange observed(Span span, Context parent) {
        Map<String, String> headers = headers(parent.with(span));
        return new ExchangeObserver.Exchange() {
            @Override
            public Map<String, String> headers() {
                return headers;
            }

            @Override
            public void ended(int status, Throwable failure) {
                if (status > 0) {
                    span.setAttribute(STATUS, (long) status);
                }
                if (failure != null || status >= 500) {
                    span.setStatus(StatusCode.ERROR);
                }
                span.end();
            }
        };
    }

    /** The current request's {@code traceparent}, for an event it records (null outside a request). */
    public String traceparent() {
        Context context = RequestTrace.current();
        return context == null ? null : headers(context).get("traceparent");
    }

    /**
     * Starts a webhook delivery attempt's client span, in the trace of the event's {@code traceparent} (a root span
     * when it has none); its {@link ExchangeObserver.Exchange#headers()} go with the delivery.
     */
    public ExchangeObserver.Exchange webhookDelivery(String traceparent, String client, URI url) {
        Context parent = traceparent == null ? Context.root()
                : W3C.extract(Context.root(), Map.of("traceparent", traceparent), MAP);
        return observed(client("webhook POST", parent, "POST", url).setAttribute(CLIENT, client).startSpan(), parent);
    }

    private static Context current() {
        Context request = RequestTrace.current();
        return request == null ? Context.root() : request;
    }

    private static Map<String, String> headers(Context context) {
        Map<String, String> headers = new HashMap<>(2);
        W3C.inject(context, headers, Map::put);
        return headers;
    }

}
