package dev.slotbridge.engine.search;

import dev.slotbridge.engine.metrics.RequestExchanges;
import dev.slotbridge.engine.metrics.SearchMetrics;
import dev.slotbridge.spi.model.Slot;
import dev.slotbridge.spi.support.SchedulerExchanges;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Identical searches in flight at the same time share one call to the scheduler: the first runs it on its own thread,
 * the others wait for its answer (or its failure), and count that wait as time in the scheduler's exchanges. Nothing is kept once the call ends: this saves calls only among
 * concurrent callers (the availability cache, opt-in, saves them over time).
 */
@Singleton
final class SearchCoalescer {
    private final Map<SearchKey, CompletableFuture<List<Slot>>> inFlight = new ConcurrentHashMap<>();

    private final SearchMetrics metrics;

    SearchCoalescer(SearchMetrics metrics) {
        this.metrics = metrics;
    }

    /** The search's answer, from a call already in flight for the same key or from {@code search} run now. */
    List<Slot> search(SearchKey key, Supplier<List<Slot>> search) {
        CompletableFuture<List<Slot>> mine = new CompletableFuture<>();
        CompletableFuture<List<Slot>> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            metrics.coalesced(key.council());
            long waiting = System.nanoTime();
            try {
                return running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
            } finally {
                SchedulerExchanges.Recorder recorder = RequestExchanges.current();
                if (recorder != null) {
                    recorder.add(waiting, System.nanoTime());
                }
            }
        }
        try {
            List<Slot> slots = search.get();
            mine.complete(slots);
            return slots;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }
}
