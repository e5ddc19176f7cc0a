package dev.slotbridge.engine.ref;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.util.function.Function;

/**
 * Values worked out once and kept, for work a hot path repeats with the same inputs (signing a slot's id, verifying
 * one): at most {@code limit} entries (Caffeine), past it those least likely to be asked for again are dropped. Only
 * for values that are a pure function of their key, so nothing expires. Thread-safe.
 */
public final class BoundedMemo<K, V> {
    private final Cache<K, V> values;

    public BoundedMemo(int limit) {
        this.values = Caffeine.newBuilder().maximumSize(limit).build();
    }

    public V get(K key, Function<? super K, ? extends V> compute) {
        return values.get(key, compute);
    }

    /** How many values are kept, once evictions due are done. */
    long size() {
        values.cleanUp();
        return values.estimatedSize();
    }
}
