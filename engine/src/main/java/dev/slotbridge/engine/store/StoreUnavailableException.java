package dev.slotbridge.engine.store;

/**
 * The shared store (Redis) could not be reached or did not answer in time. Writes to bookings stop here (503
 * {@code store-unavailable}) rather than risk a double booking; reads go on without the store.
 */
public final class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String operation, Throwable cause) {
        super("the Redis store did not answer " + operation + ": " + cause.getClass().getSimpleName(), cause);
    }
}
