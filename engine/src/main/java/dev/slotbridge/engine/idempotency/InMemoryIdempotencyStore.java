package dev.slotbridge.engine.idempotency;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * An {@link IdempotencyStore} in this instance's memory. Entries expire after the TTL and are never dropped before: a
 * dropped record would let a repeat book again. Each API client holds at most {@code max-entries} live keys and
 * {@code max-size-mb} of kept answers, so one
 * client's traffic can never push out another's; a client at its bound gets {@link Claim.Full} for a new key until its
 * oldest key expires.
 */
@Singleton
@Secondary
public final class InMemoryIdempotencyStore implements IdempotencyStore {

    /** A key's state. {@code settled} completes when the request holding the key finishes, however it ends. */
    private static final class Entry {
        final String fingerprint;
        final Instant expiresAt;
        CompletableFuture<Void> settled = new CompletableFuture<>();
        StoredAnswer answer;
        boolean unresolved;

        Entry(String fingerprint, Instant expiresAt) {
            this.fingerprint = fingerprint;
            this.expiresAt = expiresAt;
        }

        boolean inProgress() {
            return !settled.isDone();
        }
    }

    private static final Duration IN_USE_RETRY_AFTER = Duration.ofSeconds(1);

    private final IdempotencyProperties properties;
    private final Clock clock;
    /** Every live key, by client; each client's keys in the order claimed, so the oldest expires first. */
    private final Map<String, LinkedHashMap<IdempotencyKey, Entry>> byClient = new HashMap<>();
    /** The bytes of the answers each client's live keys keep. */
    private final Map<String, Long> bytesByClient = new HashMap<>();

    public InMemoryIdempotencyStore(IdempotencyProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Claim begin(IdempotencyKey key, String fingerprint) {
        while (true) {
            CompletableFuture<Void> inFlight;
            synchronized (byClient) {
                LinkedHashMap<IdempotencyKey, Entry> entries = byClient.computeIfAbsent(key.client(), client -> new LinkedHashMap<>());
                Instant now = clock.instant();
                Entry entry = entries.get(key);
                if (entry == null || !entry.expiresAt.isAfter(now)) {
                    forget(key.client(), entries.remove(key));
                    dropExpired(key.client(), entries, now);
                    if (entries.size() >= properties.maxEntries()
                            || bytesByClient.getOrDefault(key.client(), 0L) >= properties.maxBytes()) {
                        Instant oldest = entries.values().iterator().next().expiresAt;
                        return new Claim.Full(Duration.between(now, oldest));
                    }
                    entries.put(key, new Entry(fingerprint, now.plus(properties.ttl())));
                    return new Claim.Claimed();
                }
                if (!entry.fingerprint.equals(fingerprint)) {
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
            if (!settledInTime(inFlight)) {
                return new Claim.InUse(IN_USE_RETRY_AFTER);
            }
        }
    }

    /** Drops the client's expired keys; they were claimed in order, so they are at the front. */
    private void dropExpired(String client, LinkedHashMap<IdempotencyKey, Entry> entries, Instant now) {
        Iterator<Entry> oldestFirst = entries.values().iterator();
        while (oldestFirst.hasNext()) {
            Entry entry = oldestFirst.next();
            if (entry.expiresAt.isAfter(now)) {
                return;
            }
            if (!entry.inProgress()) {
                oldestFirst.remove();
                forget(client, entry);
            }
        }
    }

    /** An entry no longer kept: its answer's bytes no longer count against its client. */
    private void forget(String client, Entry entry) {
        if (entry != null && entry.answer != null) {
            bytesByClient.merge(client, -(long) entry.answer.body().length, Long::sum);
        }
    }

    private boolean settledInTime(CompletableFuture<Void> inFlight) {
        try {
            inFlight.get(properties.waitForInFlight().toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the first request with this key", e);
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    @Override
    public void complete(IdempotencyKey key, StoredAnswer answer) {
        settle(key, entry -> {
            forget(key.client(), entry);
            entry.answer = answer;
            entry.unresolved = false;
            bytesByClient.merge(key.client(), (long) answer.body().length, Long::sum);
        });
    }

    @Override
    public void unresolved(IdempotencyKey key) {
        settle(key, entry -> entry.unresolved = true);
    }

    @Override
    public void abandon(IdempotencyKey key) {
        Entry entry;
        synchronized (byClient) {
            entry = entries(key).remove(key);
            forget(key.client(), entry);
        }
        if (entry != null) {
            entry.settled.complete(null);
        }
    }

    private void settle(IdempotencyKey key, Consumer<Entry> change) {
        CompletableFuture<Void> settled = null;
        synchronized (byClient) {
            Entry entry = entries(key).get(key);
            if (entry != null) {
                change.accept(entry);
                settled = entry.settled;
            }
        }
        if (settled != null) {
            settled.complete(null);
        }
    }

    private LinkedHashMap<IdempotencyKey, Entry> entries(IdempotencyKey key) {
        return byClient.getOrDefault(key.client(), new LinkedHashMap<>());
    }

    /** How many keys are held now. */
    public int size() {
        synchronized (byClient) {
            return byClient.values().stream().mapToInt(Map::size).sum();
        }
    }
}
