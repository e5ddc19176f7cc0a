package dev.slotbridge.engine.metrics;

import dev.slotbridge.spi.support.SchedulerExchanges;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.core.propagation.PropagatedContextElement;

/**
 * A request's recorder of time spent in scheduler exchanges, carried in its propagated context from the request
 * filter (which opens it and logs the time spent outside) to the scheduler calls (which record into it).
 */
public record RequestExchanges(SchedulerExchanges.Recorder recorder) implements PropagatedContextElement {

    /** The current request's recorder, or null outside a request. */
    public static SchedulerExchanges.Recorder current() {
        return PropagatedContext.find().flatMap(context -> context.find(RequestExchanges.class))
                .map(RequestExchanges::recorder).orElse(null);
    }
}
