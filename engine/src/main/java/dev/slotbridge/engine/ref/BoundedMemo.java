package dev.slotbridge.engine.ref;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values worked out once and kept, for work a hot path repeats with the same inputs (signing a slot's id, verifying
 * one): at most {@code limit} entries, then it starts again empty, so memory stays bounded without bookkeeping per
 * read. Only for values that are a pure function of their key. Thread-safe.
 */
public final class BoundedMemo<K, V> {
    private final int limit;
    private final Map<K, V> values = new ConcurrentHashMap<>();

    public BoundedMemo(int limit) {
        this.limit = limit;
    }

    public V get(K key, Function<? super K, ? extends V> compute) {
        V kept = values.get(key);
        if (kept != null) {
            return kept;
        }
        if (values.size() >= limit) {
            values.clear();
        }
        return values.computeIfAbsent(key, compute);
    }
}
