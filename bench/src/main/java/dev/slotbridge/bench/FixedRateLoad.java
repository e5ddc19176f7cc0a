package dev.slotbridge.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A fixed offered load from this (the bench's own) process: requests started at a steady rate whatever the answers'
 * speed, unlike wrk's closed loop. Counts answers and failures.
 */
final class FixedRateLoad {
    /** One run: requests answered 2xx, and the others (including those not answered in time). */
    record Result(long answered, long failed) {
    }

    private FixedRateLoad() {
    }

    static Result run(Supplier<HttpRequest> requests, int perSecond, Duration duration) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicLong answered = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ConcurrentLinkedQueue<CompletableFuture<?>> inFlight = new ConcurrentLinkedQueue<>();
        long interval = 1_000_000_000L / perSecond;
        long start = System.nanoTime();
        long total = duration.toSeconds() * perSecond;
        for (long i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            inFlight.add(http.sendAsync(requests.get(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                if (error == null && response.statusCode() / 100 == 2) {
                    answered.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
            }));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        http.close();
        return new Result(answered.get(), failed.get());
    }
}
