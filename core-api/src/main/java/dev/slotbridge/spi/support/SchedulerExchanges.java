package dev.slotbridge.spi.support;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * How long a request spent inside exchanges with its scheduler, so that the server can report the time it spent
 * outside them (its own added latency) per request. The server opens a {@link Recorder} for a request's provider
 * calls ({@link #recording}); {@link HttpTransport} records each exchange in the recorder of its thread; a provider
 * that runs part of a call on other threads carries the recorder there ({@link #carrying}). Exchanges that overlap
 * (concurrent calls) count once: the recorder measures the union of their intervals. The server may also set an
 * {@link ExchangeObserver} for a call ({@link #observing}), which {@link HttpTransport} tells of each exchange (tracing);
 * {@link #carrying} carries it too.
 */
public final class SchedulerExchanges {
    private static final ThreadLocal<Recorder> CURRENT = new ThreadLocal<>();
    private static final ThreadLocal<ExchangeObserver> OBSERVER = new ThreadLocal<>();

    private SchedulerExchanges() {
    }

    /** The intervals of one request's exchanges. */
    public static final class Recorder {
        private final List<long[]> intervals = new ArrayList<>();

        /** Records an interval spent on an exchange (or waiting for one made on this request's behalf). */
        public synchronized void add(long startNanos, long endNanos) {
            intervals.add(new long[]{startNanos, endNanos});
        }

        /** How many exchanges were recorded. */
        public synchronized int count() {
            return intervals.size();
        }

        /** The time covered by at least one exchange, in nanoseconds. */
        public synchronized long insideNanos() {
            List<long[]> sorted = new ArrayList<>(intervals);
            sorted.sort(Comparator.comparingLong(interval -> interval[0]));
            long total = 0;
            long coveredUntil = Long.MIN_VALUE;
            for (long[] interval : sorted) {
                long start = Math.max(interval[0], coveredUntil);
                if (interval[1] > start) {
                    total += interval[1] - start;
                }
                coveredUntil = Math.max(coveredUntil, interval[1]);
            }
            return total;
        }
    }

    /** Runs the work with its exchanges recorded into {@code recorder} (none when it is null). */
    public static <T> T recording(Recorder recorder, Supplier<T> work) {
        Recorder outer = CURRENT.get();
        CURRENT.set(recorder);
        try {
            return work.get();
        } finally {
            CURRENT.set(outer);
        }
    }

    /** Runs the work with its exchanges told to {@code observer}. */
    public static <T> T observing(ExchangeObserver observer, Supplier<T> work) {
        ExchangeObserver outer = OBSERVER.get();
        OBSERVER.set(observer);
        try {
            return work.get();
        } finally {
            OBSERVER.set(outer);
        }
    }

    /** The work, recording into the current thread's recorder and telling its observer, wherever it runs. */
    public static <T> Callable<T> carrying(Callable<T> work) {
        Recorder recorder = CURRENT.get();
        ExchangeObserver observer = OBSERVER.get();
        if (recorder == null && observer == null) {
            return work;
        }
        return () -> {
            Recorder outerRecorder = CURRENT.get();
            ExchangeObserver outerObserver = OBSERVER.get();
            CURRENT.set(recorder);
            OBSERVER.set(observer);
            try {
                return work.call();
            } finally {
                CURRENT.set(outerRecorder);
                OBSERVER.set(outerObserver);
            }
        };
    }

    /** An exchange about to be sent, told to the current thread's observer, if any. */
    static ExchangeObserver.Exchange started(String method, URI uri) {
        ExchangeObserver observer = OBSERVER.get();
        return observer == null ? ExchangeObserver.Exchange.NONE : observer.started(method, uri);
    }

    /** Records one exchange, from its start to now, in the current thread's recorder, if any. */
    static void exchanged(long startNanos) {
        Recorder recorder = CURRENT.get();
        if (recorder != null) {
            recorder.add(startNanos, System.nanoTime());
        }
    }
}
