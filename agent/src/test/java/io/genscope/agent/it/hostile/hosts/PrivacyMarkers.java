package io.genscope.agent.it.hostile.hosts;

import java.util.ArrayList;
import java.util.List;

/**
 * Unique strings planted by the privacy hosts in prompts, generated code, error messages and
 * exception messages, so a test can look for them wherever Genscope keeps or shows anything.
 *
 * <p>A marker is {@value #PREFIX} followed by 12 hexadecimal digits drawn from a seed: built at
 * run time, so no class file holds it as a constant, and looking like an identifier of generated
 * code (mixed case and digits). The host and the test compute the same markers from the seed.
 */
public final class PrivacyMarkers {

    public static final String PREFIX = "GsMk";
    public static final int LENGTH = PREFIX.length() + 12;

    private final long seed;
    private int planted;

    public PrivacyMarkers(long seed) {
        this.seed = seed;
    }

    /** The next marker, never handed out before. */
    public String next() {
        return marker(seed, planted++);
    }

    /** How many markers have been handed out. */
    public int planted() {
        return planted;
    }

    /**
     * Ends a host's run: collects garbage, prints {@code PRIVACY_READY markers=<planted> <outcome>}
     * for the test (which computes the markers from the seed and that count) and waits to be
     * killed. Call it once the host has dropped its references to what it made.
     */
    public void readyAndWait(String outcome) throws InterruptedException {
        System.gc();
        System.out.println("PRIVACY_READY markers=" + planted + " " + outcome);
        Thread.currentThread().join();
    }

    /** The first {@code count} markers of {@code seed}. */
    public static List<String> all(long seed, int count) {
        List<String> markers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            markers.add(marker(seed, i));
        }
        return markers;
    }

    private static String marker(long seed, int index) {
        long mixed = (seed + index) * 0x9E3779B97F4A7C15L;
        mixed ^= mixed >>> 29;
        return PREFIX + String.format("%012x", mixed & 0xFFFF_FFFF_FFFFL);
    }
}
