package io.genscope.runtime.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The start-up log's sizes print exactly what {@code String.format} printed before them. */
class StoreFootprintFormatTest {

    @Test
    void megabytesAsTheFormatterPrintsThem() {
        for (long bytes : sizes(1 << 20, 10)) {
            assertEquals(String.format(Locale.ROOT, "%.1f MB", bytes / 1_048_576.0), StoreFootprint.mib(bytes),
                    "bytes " + bytes);
        }
    }

    @Test
    void kilobytesAsTheFormatterPrintsThem() {
        for (long bytes : sizes(1 << 10, 1)) {
            assertEquals(String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0), StoreFootprint.kib(bytes),
                    "bytes " + bytes);
        }
    }

    /**
     * Sizes within two bytes of the first 1000 points where the printed digit turns ({@code (k + ½)}
     * of a printed step; exact ties included), and random sizes up to 1 TB.
     */
    private static long[] sizes(long unit, int stepsPerUnit) {
        long[] sizes = new long[5000 + 10_000];
        int n = 0;
        for (long k = 0; k < 1000; k++) {
            long turn = (2 * k + 1) * unit / (2L * stepsPerUnit);
            for (long delta = -2; delta <= 2; delta++) {
                sizes[n++] = Math.max(0, turn + delta);
            }
        }
        SplittableRandom random = new SplittableRandom(14);
        while (n < sizes.length) {
            sizes[n++] = random.nextLong(1L << 40);
        }
        return sizes;
    }
}
