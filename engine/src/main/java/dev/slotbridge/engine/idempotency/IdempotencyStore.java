package dev.slotbridge.engine.idempotency;

import java.time.Duration;

/**
 * Remembers booking answers by {@code Idempotency-Key}, so a repeated request gets the first answer again and books
 * nothing more. {@link InMemoryIdempotencyStore} serves one instance; {@code RedisIdempotencyStore} (module store-redis) every replica.
 *
 * <p>Protocol: {@link #begin} claims a key; the caller then {@link #complete}s it with the answer, {@link #abandon}s it
 * when nothing was booked (so a repeat may try again), or marks it {@link #unresolved} when the scheduler may or may
 * not have booked: a repeat is then told to find out before booking.
 */
public interface IdempotencyStore {

    /**
     * Claims the key for a request, or tells what the key already holds. While another request with the same key and
     * request is in progress (on any replica), waits for it to finish, at most {@code wait-for-in-flight}.
     *
     * @param fingerprint the request's {@link RequestFingerprint}; a repeat must have the same
     */
    Claim begin(IdempotencyKey key, String fingerprint);

    /**
     * Stores the answer of the request that claimed the key. The last three calls never fail: when a shared store
     * cannot take them, the claim lapses after its lease and the next request with the key asks the scheduler first.
     */
    void complete(IdempotencyKey key, StoredAnswer answer);

    /** Releases the key: the claimed request ended without booking anything. */
    void abandon(IdempotencyKey key);

    /** Keeps the key with its outcome unknown: the next {@link #begin} for it answers {@link Claim.Unresolved}. */
    void unresolved(IdempotencyKey key);

    /** The result of {@link #begin}. */
    sealed interface Claim {
        /** The key is new: proceed, then complete, abandon or mark it unresolved. */
        record Claimed() implements Claim {
        }

        /** An earlier request with this key may have booked: check the scheduler first. The caller holds the key. */
        record Unresolved() implements Claim {
        }

        /** The same request was answered before: answer this again. */
        record Replay(StoredAnswer answer) implements Claim {
        }

        /** The key was used with a different request (422 {@code idempotency-key-reused}). */
        record Mismatch() implements Claim {
        }

        /**
         * The key is new, but the client already holds as many live keys as it may: nothing was claimed (503
         * {@code idempotency-capacity} with {@code Retry-After}), since forgetting a live key could book twice.
         *
         * @param retryAfter until the client's oldest key expires
         */
        record Full(Duration retryAfter) implements Claim {
        }

        /**
         * The first request with this key was still in progress when the wait ended (409
         * {@code idempotency-key-in-use} with {@code Retry-After}); nothing was claimed.
         */
        record InUse(Duration retryAfter) implements Claim {
        }
    }
}
