package dev.slotbridge.engine.booking;

import dev.slotbridge.engine.idempotency.IdempotencyProperties;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@link JobLeases} in this process: one future per held subject, completed when it is released. */
@Singleton
@Secondary
final class InProcessJobLeases implements JobLeases {
    private final Map<String, CompletableFuture<Void>> held = new ConcurrentHashMap<>();
    private final IdempotencyProperties properties;

    InProcessJobLeases(IdempotencyProperties properties) {
        this.properties = properties;
    }

    @Override
    public Lease acquire(String council, String subject) {
        String name = council + '\u0000' + subject;
        long deadline = System.nanoTime() + properties.waitForInFlight().toNanos();
        CompletableFuture<Void> mine = new CompletableFuture<>();
        while (true) {
            CompletableFuture<Void> holder = held.putIfAbsent(name, mine);
            if (holder == null) {
                return () -> {
                    held.remove(name, mine);
                    mine.complete(null);
                };
            }
            try {
                holder.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                throw LeaseRefusal.inProgress();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for another change to this job", e);
            }
        }
    }
}
