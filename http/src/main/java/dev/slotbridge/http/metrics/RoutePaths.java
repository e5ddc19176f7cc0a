package dev.slotbridge.http.metrics;

import io.micronaut.http.uri.UriMatchTemplate;
import io.micronaut.web.router.UriRouteInfo;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each route's path template ({@code /v1/councils/{council}/bookings/{bookingRef}}), worked out once: Micronaut
 * builds the string anew on every call, and every request asks for it (its log line, its timer, its API route).
 * Bounded by the application's routes, which are fixed when it is compiled.
 */
final class RoutePaths {
    private static final Map<UriMatchTemplate, String> PATHS = new ConcurrentHashMap<>();

    private RoutePaths() {
    }

    static String of(UriRouteInfo<?, ?> route) {
        return PATHS.computeIfAbsent(route.getUriMatchTemplate(), UriMatchTemplate::toPathString);
    }
}
