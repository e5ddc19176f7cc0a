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

/**
 * An {@link IdempotencyStore} in this instance's memory. Entries expire after the TTL; past {@code max-entries} the
 * oldest answered entries are dropped first (an entry still in progress is never dropped).
 */
@Singleton
@Secondary
public final class InMemoryIdempotencyStore implements IdempotencyStore {

    private static final class Entry {
        final Object request;
        final CompletableFuture<StoredAnswer> answer = new CompletableFuture<>();
        final Instant expiresAt;

        Entry(Object request, Instant expiresAt) {
            this.request = request;
            this.expiresAt = expiresAt;
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
            Entry existing;
            synchronized (entries) {
                existing = entries.get(key);
                if (existing == null || !existing.expiresAt.isAfter(clock.instant())) {
                    entries.remove(key);
                    entries.put(key, new Entry(request, clock.instant().plus(properties.ttl())));
                    evictBeyondBound();
                    return new Claim.Claimed();
                }
            }
            if (!existing.request.equals(request)) {
                return new Claim.Mismatch();
            }
            StoredAnswer answer = awaitAnswer(existing);
            if (answer != null) {
                return new Claim.Replay(answer);
            }
            // the first request was abandoned: try to claim the key again
        }
    }

    private StoredAnswer awaitAnswer(Entry entry) {
        try {
            return entry.answer.get(properties.waitForInFlight().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the first request with this key", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the first request with this key did not finish in time", e);
        }
    }

    @Override
    public void complete(IdempotencyKey key, StoredAnswer answer) {
        Entry entry;
        synchronized (entries) {
            entry = entries.get(key);
        }
        if (entry != null) {
            entry.answer.complete(answer);
        }
    }

    @Override
    public void abandon(IdempotencyKey key) {
        Entry entry;
        synchronized (entries) {
            entry = entries.remove(key);
        }
        if (entry != null) {
            entry.answer.complete(null);
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
            if (entry.answer.isDone()) {
                oldestFirst.remove();
            }
        }
    }
}
