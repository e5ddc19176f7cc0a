package dev.slotbridge.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** The known name nearest a misspelt one: at most two edits away (a swap of neighbours is one), and not a guess. */
final class Suggestions {
    private static final int MAX_EDITS = 2;

    private Suggestions() {
    }

    static Optional<String> nearest(String unknown, Collection<String> known) {
        return known.stream().filter(name -> {
            int edits = edits(unknown, name);
            return edits <= MAX_EDITS && edits * 2 < Math.max(unknown.length(), name.length());
        }).min(Comparator.comparingInt((String name) -> edits(unknown, name)).thenComparing(Comparator.naturalOrder()));
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    static int edits(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
