package dev.slotbridge.spi.support;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Ends exchanges that outlive their deadline by closing their connection, which ends a read blocked on it: one
 * watcher thread for every exchange in flight, looking every {@link #TICK_MILLIS} ms and sleeping, until the next
 * exchange starts, while none is in flight.
 *
 * <p>Reads are untimed because a timed socket read of a virtual thread is a timed park, and every timed park wakes the
 * JDK's delay scheduler thread to arm and disarm it: two thread wake-ups per scheduler exchange (measured with JFR's
 * {@code jdk.ThreadPark} on the DRS search load), where this watcher wakes a hundred times a second at most, whatever
 * the load. A deadline is thus kept within a tick.
 */
final class ExchangeDeadlines {
    static final long TICK_MILLIS = 10;
    private static final Set<Watch> IN_FLIGHT = ConcurrentHashMap.newKeySet();
    private static final Thread WATCHER = Thread.ofPlatform().daemon().name("scheduler-exchange-deadlines")
            .unstarted(ExchangeDeadlines::watch);
    private static volatile boolean asleep;

    static {
        WATCHER.start();
    }

    private ExchangeDeadlines() {
    }

    /** One exchange's deadline: whether it passed, and the connection it closed then. */
    static final class Watch extends AtomicBoolean implements AutoCloseable {
        private final AutoCloseable connection;
        private final long deadline;

        private Watch(AutoCloseable connection, long deadline) {
            this.connection = connection;
            this.deadline = deadline;
        }

        /** Whether the deadline passed and closed the connection. */
        boolean passed() {
            return get();
        }

        /** The exchange ended: its deadline no longer applies. */
        @Override
        public void close() {
            IN_FLIGHT.remove(this);
        }

        private void expireIfDue(long now) {
            if (now - deadline >= 0 && compareAndSet(false, true)) {
                IN_FLIGHT.remove(this);
                try {
                    connection.close();
                } catch (Exception e) {
                    // closing what is already broken
                }
            }
        }
    }

    /** Watches an exchange on {@code connection} until its {@link Watch} is closed. */
    static Watch watch(AutoCloseable connection, long deadline) {
        Watch watch = new Watch(connection, deadline);
        IN_FLIGHT.add(watch);
        if (asleep) {
            LockSupport.unpark(WATCHER);
        }
        return watch;
    }

    private static void watch() {
        while (true) {
            if (IN_FLIGHT.isEmpty()) {
                asleep = true;
                if (IN_FLIGHT.isEmpty()) {
                    LockSupport.park();
                }
                asleep = false;
                continue;
            }
            long now = System.nanoTime();
            IN_FLIGHT.forEach(watch -> watch.expireIfDue(now));
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS));
        }
    }
}
