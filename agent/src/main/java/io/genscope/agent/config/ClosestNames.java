package io.genscope.agent.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The names nearest a misspelled one, by edit distance (Levenshtein: one insertion, deletion or
 * substitution each), for "did you mean" hints: {@code generte} is nearest {@code generate}.
 *
 * <p>Thread-safe: stateless.
 */
public final class ClosestNames {

    private ClosestNames() {
    }

    /** Up to {@code limit} of {@code candidates}, nearest {@code wanted} first, ties in name order. */
    public static List<String> to(String wanted, Collection<String> candidates, int limit) {
        return candidates.stream().distinct()
                .sorted(Comparator.<String>comparingInt(name -> distance(wanted, name)).thenComparing(name -> name))
                .limit(limit)
                .toList();
    }

    /** Levenshtein distance: the fewest single-character edits from one text to the other. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
