package dev.slotbridge.spi;

/**
 * Permits for scheduler calls a provider makes beside the one the server already counts, e.g. to fan a long search
 * out over several concurrent requests. The server backs them with the council's bulkhead, so the bulkhead bounds
 * every concurrent call to the scheduler, whoever makes it. Never waits: when no permit is free, do the work on the
 * calling thread instead.
 */
public interface CallPermits {
    /** No extra concurrency: every call is made on the calling thread. */
    CallPermits NONE = new CallPermits() {
        @Override
        public boolean tryAcquire() {
            return false;
        }

        @Override
        public void release() {
            throw new IllegalStateException("no permit was taken");
        }
    };

    /** Takes a permit if one is free now; when this returns true, {@link #release()} must follow once. */
    boolean tryAcquire();

    /** Gives back a permit taken with {@link #tryAcquire()}. */
    void release();
}
