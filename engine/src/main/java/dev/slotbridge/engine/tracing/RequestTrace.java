package dev.slotbridge.engine.tracing;

import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.core.propagation.PropagatedContextElement;
import io.opentelemetry.context.Context;

/**
 * The trace context of the request being served (its server span), carried in the request's propagated context to
 * the code that calls schedulers and records events, on whatever thread that runs.
 */
record RequestTrace(Context context) implements PropagatedContextElement {

    /** The current request's trace context, or null outside a request. */
    static Context current() {
        return PropagatedContext.find().flatMap(propagated -> propagated.find(RequestTrace.class))
                .map(RequestTrace::context).orElse(null);
    }
}
