package dev.slotbridge.server.shutdown;

import dev.slotbridge.engine.error.ProblemException;
import dev.slotbridge.engine.error.ProblemType;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Counts requests in flight for the {@link ShutdownGate}; while draining, refuses new ones with 503
 * {@code shutting-down} and {@code Retry-After}. Health requests are always answered, so readiness can say DOWN.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class InFlightRequestFilter implements Ordered {
    private static final String COUNTED = "slotbridge.in-flight";

    private final ShutdownGate gate;

    InFlightRequestFilter(ShutdownGate gate) {
        this.gate = gate;
    }

    @RequestFilter
    void enter(HttpRequest<?> request) {
        if (gate.isDraining() && !request.getPath().startsWith("/health")) {
            throw new ProblemException(ProblemType.SHUTTING_DOWN,
                    "This instance is shutting down; send the request again (another instance will take it)",
                    null, 1);
        }
        gate.entered();
        request.setAttribute(COUNTED, Boolean.TRUE);
    }

    @ResponseFilter
    void leave(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (request.getAttribute(COUNTED).isPresent()) {
            gate.left();
        }
    }

    /** Right after the request log filter, so refused requests are logged and counted too. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.after();
    }
}
