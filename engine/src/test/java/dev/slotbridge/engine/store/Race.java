package dev.slotbridge.engine.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Runs the same step on many threads released at once, for store contracts that promise one winner. */
public final class Race {
    private Race() {
    }

    /** Runs {@code step(i)} for i in 0..racers-1, each on its own thread, all started together; their answers in order. */
    public static <T> List<T> run(int racers, IntFunction<T> step) {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> answers = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(racers)) {
            for (int i = 0; i < racers; i++) {
                int racer = i;
                answers.add(threads.submit(() -> {
                    start.await();
                    return step.apply(racer);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> answer : answers) {
                results.add(answer.get());
            }
            return results;
        } catch (ExecutionException e) {
            throw new IllegalStateException("a racer failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
