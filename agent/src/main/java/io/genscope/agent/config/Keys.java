package io.genscope.agent.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * Finds keys a mapping may not have. A misspelt key would otherwise be ignored silently and its
 * setting quietly left at the default, so each one is reported with the valid keys and, for a near
 * miss, the key that was probably meant.
 */
final class Keys {

    private Keys() {
    }

    /** Complains about every key of {@code mapping} that is not in {@code valid}. */
    static void check(YamlNode.Mapping mapping, String path, Collection<String> valid, Complaint complaint) {
        for (Map.Entry<String, YamlNode> entry : mapping.entries().entrySet()) {
            if (!valid.contains(entry.getKey())) {
                complaint.at(entry.getValue().line(), YamlNode.keyPath(path, entry.getKey()), unknown(entry.getKey(), valid));
            }
        }
    }

    /** {@code unknown key 'windw' (did you mean 'window'?); valid keys here: ...} */
    static String unknown(String key, Collection<String> valid) {
        String suggestion = closest(key, valid);
        return "unknown key '" + key + "'" + (suggestion == null ? "" : " (did you mean '" + suggestion + "'?)")
                + "; valid keys here: " + String.join(", ", valid);
    }

    /**
     * The valid key nearest to {@code key} if it is near enough to be a typo: at most a third of
     * its letters different, ignoring case, dashes and underscores ({@code eventRingSize} finds
     * {@code event-ring-size}).
     */
    private static String closest(String key, Collection<String> valid) {
        String given = normalize(key);
        String best = null;
        int bestDistance = Math.max(1, given.length() / 3) + 1;
        for (String candidate : valid) {
            int distance = ClosestNames.distance(given, normalize(candidate));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static String normalize(String key) {
        return key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }
}
