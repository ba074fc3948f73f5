package io.genscope.runtime.store;

import java.util.ArrayList;
import java.util.List;
import jdk.internal.vm.annotation.Contended;

/**
 * The outcome of one validation call. Mutable and reused per thread; not thread-safe.
 *
 * <p>{@link Contended}: a thread's record is written on every call by its own thread, so its fields
 * are padded off the cache lines of whatever the garbage collector copies next to it, such as
 * another recording thread's state (which made two threads on one rule up to 1.5 times slower
 * per call than one, in some JVM runs and not others). Padding costs 256 bytes per object, counted
 * by {@code StoreFootprint}; HotSpot honours it for classes of the boot class path only, where the
 * agent puts the runtime.
 */
@Contended
public final class ValidationRecord {

    private static final List<String> NONE = List.of();

    public String ruleName;
    public boolean ok;
    /** 1-based index of this validation within its generation; 0 outside any generation. */
    public int attempt;
    public long durationNanos;
    public final List<ErrorInfo> errors = new ArrayList<>();
    /**
     * 0 when {@link #errors} holds every error the host reported; else, reading having stopped
     * early ({@code store.max-elements}, or a collection that failed part-way), how many the host
     * reported, -1 when its collection did not say. See {@link #reportedErrors()}.
     */
    public int errorsTotal;
    public List<String> detectedDependencies = NONE;
    /** This thread's reusable list for {@link #detectedDependencies}. */
    public final NameList detectedNames = new NameList();

    /** How many errors the host reported, -1 when unknown: at least as many as {@link #errors} holds. */
    public int reportedErrors() {
        return errorsTotal == 0 ? errors.size() : errorsTotal;
    }

    /**
     * Lets go of the errors and detected names once the store has recorded them (it keeps its own
     * copies, and the generation its own list), so a thread that validates no more keeps no error
     * message or dependency name past its last call.
     */
    void recorded() {
        errors.clear();
        detectedNames.clear();
    }

    public void begin(String ruleName, int attempt) {
        if (this.ruleName != ruleName) {
            this.ruleName = ruleName; // stored only when it changes: see EventSlot on write barriers
        }
        this.attempt = attempt;
        ok = true;
        durationNanos = 0;
        errorsTotal = 0;
        recorded();
        if (detectedDependencies != NONE && detectedDependencies != detectedNames) {
            detectedDependencies = NONE; // the own list, now empty, is kept: see EventSlot on write barriers
        }
    }
}
