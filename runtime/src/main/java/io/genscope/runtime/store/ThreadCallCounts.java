package io.genscope.runtime.store;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * How often each rule was called, counted by each thread in a table of its own and summed when
 * read (the Diagnostics MBean's {@code calls}). A call costs one plain load and one store into
 * memory no other thread writes: a shared counter ({@code LongAdder}) cost an atomic
 * compare-and-set per call, about 5 ns.
 *
 * <p>Counts are by store slot (a rule name keeps its slot for the JVM's life, see
 * {@code RuleSlots}), so a rule's count goes on across reloads. A thread's table is sized to the
 * slots at start and grows, by copy, the first time the thread records a slot a reload added.
 *
 * <p>Exact and bounded: a thread that has ended has its counts folded into the sums of ended
 * threads, and its table dropped, by the next thread that starts counting or the next read
 * (whichever comes first); so at most the threads alive since the last of those are held.
 *
 * <p>Thread-safe. Each {@link Cells} has one writer, its thread, which writes with opaque stores
 * and publishes a grown table with a release store; readers ({@link #sum}) take this registry's
 * lock, which writers never take but once, when they register. A sum taken while threads record
 * is each thread's count at some moment during the read; once they have stopped (or ended) it is
 * exact.
 */
public final class ThreadCallCounts {

    /**
     * Unused longs on each side of a thread's counts, so they never share a cache line with
     * another thread's data the collector copies next to them: the same 128 bytes that
     * {@code @Contended} pads an object with, which an array cannot be given.
     */
    static final int PADDING = 16;
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final VarHandle VALUES;

    static {
        try {
            VALUES = MethodHandles.lookup().findVarHandle(Cells.class, "values", long[].class);
        } catch (ReflectiveOperationException impossible) {
            throw new ExceptionInInitializerError(impossible);
        }
    }

    private final int slots;
    /** The counting threads not yet found ended; guarded by {@code this}. */
    private final List<Cells> threads = new ArrayList<>();
    /** The counts of the threads that have ended, by slot; guarded by {@code this}. */
    private long[] ended;

    /** @param slots how many slots a thread's table holds before it has to grow */
    public ThreadCallCounts(int slots) {
        this.slots = slots;
        this.ended = new long[slots];
    }

    /** The long the count of {@code slot} is kept in, in a table of {@code slots} slots (see {@link #PADDING}). */
    public static long tableLength(int slots) {
        return slots + 2L * PADDING;
    }

    /**
     * The calling thread's table, registered here: to be kept by that thread (in its own
     * thread-local state) and counted into by it only.
     */
    public synchronized Cells register() {
        foldEnded();
        Cells cells = new Cells(Thread.currentThread(), slots);
        threads.add(cells);
        return cells;
    }

    /** The calls counted in {@code slot} so far, by every thread, those that ended included. */
    public synchronized long sum(int slot) {
        foldEnded();
        long sum = slot < ended.length ? ended[slot] : 0;
        for (Cells cells : threads) {
            sum += cells.count(slot);
        }
        return sum;
    }

    /** How many threads' tables are held: for tests of the bound. */
    synchronized int threadsHeld() {
        return threads.size();
    }

    /**
     * Moves the counts of every thread found ended into {@link #ended}. A thread's end
     * happens-before another thread sees it has ended ({@link Thread#isAlive()}), so its last
     * counts are seen; a cleared reference means the thread object was collected, which it can
     * only be once ended (see {@code ThreadEvents#takeOver} for the same reasoning).
     */
    private void foldEnded() {
        for (Iterator<Cells> it = threads.iterator(); it.hasNext(); ) {
            Cells cells = it.next();
            Thread owner = cells.owner.get();
            if (owner == null || !owner.isAlive()) {
                long[] values = cells.published();
                int counted = values.length - 2 * PADDING;
                if (counted > ended.length) {
                    ended = Arrays.copyOf(ended, counted);
                }
                for (int slot = 0; slot < counted; slot++) {
                    ended[slot] += (long) LONGS.getOpaque(values, PADDING + slot);
                }
                it.remove();
            }
        }
    }

    /** One thread's counts, by slot. Written by that thread only. */
    public static final class Cells {

        /** Weak, so that the table of a thread nobody folds yet keeps no ended thread (and its class loader). */
        private final WeakReference<Thread> owner;
        /** The counts at {@code PADDING + slot}; replaced by a larger copy (release) when a slot is past its end. */
        @SuppressWarnings("unused") // also accessed through VALUES
        private long[] values;

        private Cells(Thread owner, int slots) {
            this.owner = new WeakReference<>(owner);
            this.values = new long[(int) tableLength(slots)];
        }

        /** One more call in {@code slot}; only the owning thread may call it. */
        public void increment(int slot) {
            long[] table = values;
            int index = PADDING + slot;
            if (index >= table.length - PADDING) {
                table = grow(slot);
            }
            LONGS.setOpaque(table, index, table[index] + 1);
        }

        private long[] grow(int slot) {
            long[] grown = Arrays.copyOf(values, (int) tableLength(slot + 1));
            VALUES.setRelease(this, grown);
            return grown;
        }

        private long[] published() {
            return (long[]) VALUES.getAcquire(this);
        }

        /** The count of {@code slot} as last written; any thread. */
        private long count(int slot) {
            long[] table = published();
            int index = PADDING + slot;
            return index < table.length - PADDING ? (long) LONGS.getOpaque(table, index) : 0;
        }
    }
}
