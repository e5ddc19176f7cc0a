package dev.slotbridge.http.metrics;

import dev.slotbridge.engine.metrics.ServiceLevelBuckets;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteInfo;
import io.micronaut.web.router.UriRouteMatch;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
    /** Each tag combination's timer, found without building its tags again (routes, statuses and errors are few). */
    private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();

    /** What tells one timer from another: the route by identity, its template read only when the timer is made. */
    private record TimerKey(String method, Object route, int status, Class<?> exception) {
    }

    public HttpRequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Tags: method, route template ({@code UNMATCHED_URI} when no route matched), status, and the simple class name
     * of the exception the answer was made from ({@code none}).
     */
    public void record(HttpRequest<?> request, HttpResponse<?> response, Duration took) {
        Object route = RouteAttributes.getRouteMatch(request).filter(UriRouteMatch.class::isInstance)
                .map(match -> ((UriRouteMatch<?, ?>) match).getRouteInfo()).orElse(null);
        Class<?> exception = RouteAttributes.getException(response).map(Object::getClass).orElse(null);
        timers.computeIfAbsent(new TimerKey(request.getMethodName(), route, response.code(), exception), this::timer)
                .record(took);
    }

    /** The template of the route the request matched ({@code /v1/councils/{council}/bookings}), or null. */
    public static String routeTemplate(HttpRequest<?> request) {
        return RouteAttributes.getRouteMatch(request).filter(UriRouteMatch.class::isInstance)
                .map(match -> RoutePaths.of(((UriRouteMatch<?, ?>) match).getRouteInfo()))
                .orElse(null);
    }

    private Timer timer(TimerKey key) {
        String uri = key.route() instanceof UriRouteInfo<?, ?> info ? RoutePaths.of(info) : UNMATCHED;
        return ServiceLevelBuckets.apply(Timer.builder(NAME))
                .description("HTTP requests answered, including those refused before reaching a controller")
                .tags("method", key.method(), "uri", uri, "status", Integer.toString(key.status()),
                        "exception", key.exception() == null ? "none" : key.exception().getSimpleName())
                .register(registry);
    }
}
