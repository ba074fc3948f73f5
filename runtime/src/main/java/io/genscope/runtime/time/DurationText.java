package io.genscope.runtime.time;

import java.time.Duration;

/**
 * A duration in the config file's short form ({@code 1h}, {@code 90s}, {@code 500ms}): how the
 * agent quotes a setting back in its messages, and how a window is named in its MBean's name
 * ({@code io.genscope:type=Telemetry,window=5m}), so both read as the config is written.
 */
public final class DurationText {

    private static final long[] UNIT_SECONDS = {86_400, 3_600, 60};
    private static final String[] UNIT_NAMES = {"d", "h", "m"};

    private DurationText() {
    }

    /** The shortest form in the largest whole unit: {@code 1d}, {@code 90s}, {@code 500ms}; ISO-8601 for less than a millisecond. */
    public static String format(Duration duration) {
        if (duration.getNano() != 0) {
            boolean wholeMillis = duration.getNano() % 1_000_000 == 0 && duration.getSeconds() < 1_000_000;
            return wholeMillis ? duration.toMillis() + "ms" : duration.toString();
        }
        long seconds = duration.getSeconds();
        for (int i = 0; i < UNIT_SECONDS.length; i++) {
            if (seconds % UNIT_SECONDS[i] == 0) {
                return seconds / UNIT_SECONDS[i] + UNIT_NAMES[i];
            }
        }
        return seconds + "s";
    }
}
