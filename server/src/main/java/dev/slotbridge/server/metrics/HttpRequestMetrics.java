package dev.slotbridge.server.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteMatch;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * {@code http_server_requests_seconds}: one observation per answered request, including those answered before the
 * controller (401 from the key check, 429 from the rate limit, 404 for no route). Recorded by the first server
 * filter to see a request and the last to see its answer (Micronaut's own web metrics filter runs after the
 * security filters, so it missed those; it is switched off in {@code application.yml}).
 */
@Singleton
public final class HttpRequestMetrics {
    static final String NAME = "http.server.requests";
    private static final String UNMATCHED = "UNMATCHED_URI";

    private final MeterRegistry registry;

    public HttpRequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Tags: method, route template ({@code UNMATCHED_URI} when no route matched), status, and the simple class name
     * of the exception the answer was made from ({@code none}).
     */
    public void record(HttpRequest<?> request, HttpResponse<?> response, Duration took) {
        String exception = RouteAttributes.getException(response).map(e -> e.getClass().getSimpleName()).orElse("none");
        String uri = RouteAttributes.getRouteMatch(request)
                .filter(UriRouteMatch.class::isInstance)
                .map(match -> ((UriRouteMatch<?, ?>) match).getRouteInfo().getUriMatchTemplate().toPathString())
                .orElse(UNMATCHED);
        ServiceLevelBuckets.apply(Timer.builder(NAME))
                .description("HTTP requests answered, including those refused before reaching a controller")
                .tags("method", request.getMethodName(), "uri", uri, "status", Integer.toString(response.code()),
                        "exception", exception)
                .register(registry)
                .record(took);
    }
}
