package dev.slotbridge.engine.resilience;

import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.core.propagation.PropagatedContextElement;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The deadline a request's scheduler calls share: every attempt and every wait between attempts, of all its calls,
 * end by then. It starts at the request's first scheduler call and lasts the council's {@code resilience.deadline}.
 * Carried in the request's propagated context from the request filter ({@link #ofRequest()}) to the calls; a call
 * made outside a request has one of its own.
 *
 * <p>Finding out the outcome of a write already sent ({@link #settling}) is not held to it: it gets a deadline of its
 * own, as long, from its first call, so that an outcome the scheduler could tell is never answered as unknown because
 * the write used up the request's time.
 */
public final class CallDeadline implements PropagatedContextElement {
    private final AtomicReference<Instant> started = new AtomicReference<>();

    private CallDeadline() {
    }

    /** A new request's deadline, not yet started. */
    public static CallDeadline ofRequest() {
        return new CallDeadline();
    }

    /** The work, whose scheduler calls find out what became of a write already sent, under a deadline of its own. */
    public static <T> T settling(Supplier<T> work) {
        try (PropagatedContext.Scope ignored = PropagatedContext.getOrEmpty().plus(new CallDeadline()).propagate()) {
            return work.get();
        }
    }

    /** The deadline calls made now share: the request's (or the settling work's); a new one outside both. */
    static CallDeadline current() {
        return PropagatedContext.find().flatMap(context -> context.find(CallDeadline.class)).orElseGet(CallDeadline::new);
    }

    /** When it passes, for a council whose deadline is {@code length}; it starts now if no call has started it. */
    Instant passesAt(Duration length, Clock clock) {
        return started.updateAndGet(start -> start != null ? start : clock.instant()).plus(length);
    }
}
