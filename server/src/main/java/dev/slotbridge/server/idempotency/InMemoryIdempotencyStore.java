package dev.slotbridge.server.idempotency;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * An {@link IdempotencyStore} in this instance's memory. Entries expire after the TTL; past {@code max-entries} the
 * oldest answered entries are dropped first; an entry in progress or with its outcome unknown is never dropped.
 */
@Singleton
@Secondary
public final class InMemoryIdempotencyStore implements IdempotencyStore {

    /** A key's state. {@code settled} completes when the request holding the key finishes, however it ends. */
    private static final class Entry {
        final Object request;
        final Instant expiresAt;
        CompletableFuture<Void> settled = new CompletableFuture<>();
        StoredAnswer answer;
        boolean unresolved;

        Entry(Object request, Instant expiresAt) {
            this.request = request;
            this.expiresAt = expiresAt;
        }

        boolean inProgress() {
            return !settled.isDone();
        }
    }

    private final IdempotencyProperties properties;
    private final Clock clock;
    private final Map<IdempotencyKey, Entry> entries = new LinkedHashMap<>();

    public InMemoryIdempotencyStore(IdempotencyProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Claim begin(IdempotencyKey key, Object request) {
        while (true) {
            CompletableFuture<Void> inFlight;
            synchronized (entries) {
                Entry entry = entries.get(key);
                if (entry == null || !entry.expiresAt.isAfter(clock.instant())) {
                    entries.remove(key);
                    entries.put(key, new Entry(request, clock.instant().plus(properties.ttl())));
                    evictBeyondBound();
                    return new Claim.Claimed();
                }
                if (!entry.request.equals(request)) {
                    return new Claim.Mismatch();
                }
                if (entry.answer != null) {
                    return new Claim.Replay(entry.answer);
                }
                if (entry.unresolved && !entry.inProgress()) {
                    entry.settled = new CompletableFuture<>();
                    return new Claim.Unresolved();
                }
                inFlight = entry.settled;
            }
            awaitSettled(inFlight);
        }
    }

    private void awaitSettled(CompletableFuture<Void> inFlight) {
        try {
            inFlight.get(properties.waitForInFlight().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the first request with this key", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the first request with this key did not finish in time", e);
        }
    }

    @Override
    public void complete(IdempotencyKey key, StoredAnswer answer) {
        settle(key, entry -> {
            entry.answer = answer;
            entry.unresolved = false;
        });
    }

    @Override
    public void unresolved(IdempotencyKey key) {
        settle(key, entry -> entry.unresolved = true);
    }

    @Override
    public void abandon(IdempotencyKey key) {
        Entry entry;
        synchronized (entries) {
            entry = entries.remove(key);
        }
        if (entry != null) {
            entry.settled.complete(null);
        }
    }

    private void settle(IdempotencyKey key, Consumer<Entry> change) {
        CompletableFuture<Void> settled = null;
        synchronized (entries) {
            Entry entry = entries.get(key);
            if (entry != null) {
                change.accept(entry);
                settled = entry.settled;
            }
        }
        if (settled != null) {
            settled.complete(null);
        }
    }

    /** How many keys are held now. */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private void evictBeyondBound() {
        Iterator<Entry> oldestFirst = entries.values().iterator();
        while (entries.size() > properties.maxEntries() && oldestFirst.hasNext()) {
            Entry entry = oldestFirst.next();
            if (!entry.inProgress() && !entry.unresolved) {
                oldestFirst.remove();
            }
        }
    }
}
