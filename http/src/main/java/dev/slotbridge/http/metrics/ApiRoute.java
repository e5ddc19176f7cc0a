package dev.slotbridge.http.metrics;

import io.micronaut.http.HttpRequest;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteInfo;
import io.micronaut.web.router.UriRouteMatch;

import java.util.Optional;

/**
 * The council and operation of a request to a council's API ({@code /v1/councils/{council}/…}): the operation is
 * the name of the controller method that serves the route ({@code search}, {@code book}, {@code view}, {@code list},
 * {@code reschedule}, {@code cancel}, {@code hold}, {@code release}). Other routes (the council list, webhook
 * deliveries, callbacks, the HRO door, operations endpoints) have none.
 */
public record ApiRoute(String council, String operation) {
    static final String PREFIX = "/v1/councils/{council}";

    /** The route's council and operation, if the request matched a council's API route. */
    public static Optional<ApiRoute> of(HttpRequest<?> request) {
        return RouteAttributes.getRouteMatch(request).filter(UriRouteMatch.class::isInstance)
                .map(match -> (UriRouteMatch<?, ?>) match)
                .filter(match -> isCouncilApi(match.getRouteInfo()))
                .map(match -> new ApiRoute(String.valueOf(match.getVariableValues().get("council")),
                        operation(match.getRouteInfo())));
    }

    static boolean isCouncilApi(UriRouteInfo<?, ?> route) {
        return RoutePaths.of(route).startsWith(PREFIX);
    }

    static String operation(UriRouteInfo<?, ?> route) {
        return route.getTargetMethod().getMethodName();
    }
}
