package io.genscope.runtime.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sum of the settled slices of a window, kept from one query to the next, so that a query
 * reads afresh only the slices that threads still record into. Without it, each query merged
 * every slice of its window, and took longer the more keys (dependencies, error types) the
 * window had seen: 135 µs after 10³ recorded calls, 196 µs after 10⁷.
 *
 * <p>A slice has settled once no thread is attached to it: every thread that recorded there has
 * moved on to a later slice or ended. Its counts then stay as they are until a thread joins it
 * again (a call that started before the slice ended and is recorded late), and the slice counts
 * such joins ({@link TimeSlice#changesIfSettled}). A kept sum is reused only while its window
 * holds the same slices, settled with the same counts; otherwise it is summed again. So in a
 * steady state, a query's window is summed in full about once per slice period, when it slides.
 *
 * <p>One sum is kept per dimension and window length asked for, up to a capacity that covers
 * everything, every rule and every model (what the Telemetry MBean asks for in one read) and a
 * few other windows; past it, the sum used least recently goes. About 6 KB each, plus keys.
 *
 * <p>Thread-safe. Kept sums are never changed once kept; concurrent queries may each sum a window
 * and keep theirs, and either is right.
 */
final class SettledTotals {

    /** Kept beyond one sum per rule, per model and overall: windows other than the default. */
    private static final int SPARE = 8;

    /** What a sum is kept under: the dimension and how many slices the window covers. */
    private record Key(Dimension dimension, int slices) {
    }

    /**
     * The sum of the settled slices of one window.
     *
     * @param serials the window's slices, newest first
     * @param changes each slice's {@link TimeSlice#changesIfSettled} when summed; {@link TimeSlice#UNSETTLED}
     *                for those left out of the sum
     */
    private record Kept(long[] serials, long[] changes, TallyTotals totals) {

        boolean stillFor(List<TimeSlice> window, long[] now) {
            if (window.size() != serials.length) {
                return false;
            }
            for (int i = 0; i < serials.length; i++) {
                if (window.get(i).serial != serials[i] || now[i] != changes[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    private final Map<Key, Kept> kept;

    /** @param dimensions how many dimensions are queried in turn: rules, models and one overall */
    SettledTotals(int dimensions) {
        int capacity = dimensions + SPARE;
        this.kept = Collections.synchronizedMap(new LinkedHashMap<>(capacity * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Kept> eldest) {
                return size() > capacity;
            }
        });
    }

    /** The totals of {@code dimension} over {@code window}, which covers {@code slices} slice periods. */
    TallyTotals totals(List<TimeSlice> window, int slices, Dimension dimension) {
        Key key = new Key(dimension, slices);
        long[] now = new long[window.size()];
        for (int i = 0; i < now.length; i++) {
            now[i] = window.get(i).changesIfSettled();
        }
        Kept settled = kept.get(key);
        if (settled == null || !settled.stillFor(window, now)) {
            settled = sumSettled(window, dimension);
            kept.put(key, settled);
        }
        TallyTotals totals = new TallyTotals();
        totals.add(settled.totals());
        for (int i = 0; i < settled.changes().length; i++) {
            if (settled.changes()[i] == TimeSlice.UNSETTLED) {
                window.get(i).addTo(totals, dimension);
            }
        }
        return totals;
    }

    private static Kept sumSettled(List<TimeSlice> window, Dimension dimension) {
        long[] serials = new long[window.size()];
        long[] changes = new long[window.size()];
        TallyTotals sum = new TallyTotals();
        for (int i = 0; i < serials.length; i++) {
            TimeSlice slice = window.get(i);
            serials[i] = slice.serial;
            changes[i] = slice.addToIfSettled(sum, dimension);
        }
        return new Kept(serials, changes, sum);
    }
}
