package dev.slotbridge.spi;

import dev.slotbridge.spi.model.SchedulerNotice;

/**
 * The callback a scheduler sends when a booking changes inside it (a planner moved a visit, DRS's background service
 * confirmed a booking), in the scheduler's own format: the provider reads it and writes the answers the scheduler
 * expects. The server authenticates the callback before it gets here and turns the notice into events.
 */
public interface SchedulerCallbacks {

    /**
     * Reads one callback.
     *
     * @throws InvalidCallbackException when the body is not such a callback; its message names what is wrong and
     *                                  carries none of the body's values (they may be personal data)
     */
    SchedulerNotice read(String contentType, byte[] body);

    /** The answer that acknowledges a callback read (or one for an order Slotbridge does not know). */
    CallbackReply acknowledged();

    /**
     * The answer refusing a callback: 400 malformed, 401 not authenticated, 429 too many failed authentications; the
     * reason is safe to show.
     */
    CallbackReply refused(int status, String reason);

    /** An HTTP answer in the scheduler's protocol. */
    record CallbackReply(int status, String contentType, String body) {
    }

    /** A body that is not a callback of this scheduler's. */
    final class InvalidCallbackException extends RuntimeException {
        public InvalidCallbackException(String message) {
            super(message, null, false, false);
        }
    }
}
