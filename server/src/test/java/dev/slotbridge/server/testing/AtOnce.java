package dev.slotbridge.server.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Calls made at the same moment, each on its own thread. */
public final class AtOnce {
    private AtOnce() {
    }

    /** The result of each call {@code 0 … calls - 1}, in that order, all released together. */
    public static <T> List<T> results(int calls, IntFunction<T> call) throws InterruptedException, ExecutionException {
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<T>> callers = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            int index = i;
            callers.add(() -> {
                start.await();
                return call.apply(index);
            });
        }
        List<T> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(calls)) {
            List<Future<T>> futures = callers.stream().map(threads::submit).toList();
            start.countDown();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
        }
        return results;
    }
}
