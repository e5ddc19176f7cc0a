package dev.slotbridge.spi.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The immutable values of an {@link OpaqueKey}: names in order, their hash worked out once. Keys are hashed and
 * compared on every search (merging slot lists, finding a slot's kept JSON), and {@link Map#copyOf}'s map hashes
 * every entry each time. Iterates in name order; null names and values are refused, as {@link Map#copyOf} does.
 */
final class KeyValues extends AbstractMap<String, String> {
    private static final KeyValues EMPTY = new KeyValues(new String[0], new String[0]);

    private final String[] names;
    private final String[] values;
    private final int hash;
    private Set<Entry<String, String>> entries;

    private KeyValues(String[] names, String[] values) {
        this.names = names;
        this.values = values;
        int sum = 0;
        for (int i = 0; i < names.length; i++) {
            sum += names[i].hashCode() ^ values[i].hashCode();
        }
        this.hash = sum;
    }

    static KeyValues copyOf(Map<String, String> map) {
        if (map instanceof KeyValues kept) {
            return kept;
        }
        if (map.isEmpty()) {
            return EMPTY;
        }
        String[] names = map.keySet().toArray(new String[0]);
        for (String name : names) {
            Objects.requireNonNull(name, "a key's value names must not be null");
        }
        Arrays.sort(names);
        String[] values = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            values[i] = Objects.requireNonNull(map.get(names[i]), () -> "a key's values must not be null");
        }
        return new KeyValues(names, values);
    }

    /** From alternating names and values, as {@code SlotKey.of} takes them; a name given twice keeps its last value. */
    static KeyValues ofPairs(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must alternate");
        }
        int count = namesAndValues.length / 2;
        if (count == 0) {
            return EMPTY;
        }
        String[] names = new String[count];
        String[] values = new String[count];
        int kept = 0;
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String name = Objects.requireNonNull(namesAndValues[i], "a key's value names must not be null");
            String value = Objects.requireNonNull(namesAndValues[i + 1], () -> "a key's values must not be null");
            int at = Arrays.binarySearch(names, 0, kept, name);
            if (at >= 0) {
                values[at] = value;
                continue;
            }
            int insert = -at - 1;
            System.arraycopy(names, insert, names, insert + 1, kept - insert);
            System.arraycopy(values, insert, values, insert + 1, kept - insert);
            names[insert] = name;
            values[insert] = value;
            kept++;
        }
        return kept == count ? new KeyValues(names, values)
                : new KeyValues(Arrays.copyOf(names, kept), Arrays.copyOf(values, kept));
    }

    @Override
    public String get(Object name) {
        int at = name instanceof String text ? Arrays.binarySearch(names, text) : -1;
        return at >= 0 ? values[at] : null;
    }

    @Override
    public boolean containsKey(Object name) {
        return get(name) != null;
    }

    @Override
    public int size() {
        return names.length;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        Set<Entry<String, String>> set = entries;
        if (set == null) {
            set = new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, String>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < names.length;
                        }

                        @Override
                        public Entry<String, String> next() {
                            if (next >= names.length) {
                                throw new NoSuchElementException();
                            }
                            int at = next++;
                            return Map.entry(names[at], values[at]);
                        }
                    };
                }

                @Override
                public int size() {
                    return names.length;
                }
            };
            entries = set;
        }
        return set;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public boolean equals(Object other) {
        if (other instanceof KeyValues kept) {
            return hash == kept.hash && Arrays.equals(names, kept.names) && Arrays.equals(values, kept.values);
        }
        return super.equals(other);
    }
}
