package io.genscope.runtime.store;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;

/**
 * One reusable place for a raw event in a thread's {@link ThreadEvents} ring. Written in place
 * lap after lap, so recording an event allocates nothing; read by export under a sequence lock.
 *
 * <p>Single writer (the owning thread), any number of readers. The version is odd while the
 * writer fills the fields; a reader copies the fields between two reads of the version and
 * keeps the copy only if both are the same even number, so it never returns a half-written
 * event (it may skip one being written).
 *
 * <p>A reference field is stored only when its value changes. Lap after lap a slot mostly gets the
 * type, rule, model and lists it already holds, and a skipped store skips the garbage collector's
 * write barrier too. Under G1 that barrier costs a fence once the slot is in the old generation:
 * the two events of a generation measured about 20 ns more under G1 than under the Parallel
 * collector, which has no such barrier.
 */
final class EventSlot {

    private static final VarHandle VERSION = FieldHandles.of(MethodHandles.lookup(), "version", long.class);

    @SuppressWarnings("unused") // accessed through VERSION
    private long version;
    private long sequence;
    private long epoch;
    private long nanos;
    private EventType type;
    private String rule;
    private String model;
    private String projectId;
    private String functionName;
    private int promptLength;
    private int codeLength;
    private int attempt;
    private int retryCount;
    private long durationNanos;
    private boolean validated;
    private List<ErrorInfo> errors;
    private List<String> dependencies;
    private String failureType;
    private int errorsTotal;
    private int dependenciesTotal;

    /** Starts a write; the fields set after this are published by {@link #publish()}. */
    EventSlot begin(long sequence, long epoch, long nanos, EventType type, String rule) {
        long current = (long) VERSION.getOpaque(this);
        VERSION.setOpaque(this, (current & 1) == 0 ? current + 1 : current + 2); // odd: being written
        VarHandle.storeStoreFence();
        this.sequence = sequence;
        this.epoch = epoch;
        this.nanos = nanos;
        if (this.type != type) {
            this.type = type;
        }
        if (this.rule != rule) {
            this.rule = rule;
        }
        return this;
    }

    EventSlot generation(String model, String projectId, String functionName, int promptLength, int codeLength,
                         int attempt, int retryCount, boolean validated, String failureType) {
        if (this.model != model) {
            this.model = model;
        }
        if (this.projectId != projectId) {
            this.projectId = projectId;
        }
        if (this.functionName != functionName) {
            this.functionName = functionName;
        }
        this.promptLength = promptLength;
        this.codeLength = codeLength;
        this.attempt = attempt;
        this.retryCount = retryCount;
        this.validated = validated;
        if (this.failureType != failureType) {
            this.failureType = failureType;
        }
        return this;
    }

    EventSlot outcome(long durationNanos, List<ErrorInfo> errors, int errorsTotal, List<String> dependencies,
                      int dependenciesTotal) {
        this.durationNanos = durationNanos;
        this.errorsTotal = errorsTotal;
        this.dependenciesTotal = dependenciesTotal;
        if (this.errors != errors) {
            this.errors = errors;
        }
        if (this.dependencies != dependencies) {
            this.dependencies = dependencies;
        }
        return this;
    }

    void publish() {
        VERSION.setRelease(this, (long) VERSION.getOpaque(this) + 1);
    }

    /** Nanos of the event last written here; only the writer may ask. */
    long nanosOfWriter() {
        return nanos;
    }

    /** Whether the event here was recorded before the store's last reset ({@code epoch}); a hint while it is written. */
    boolean olderEpochThan(long epoch) {
        return this.epoch < epoch;
    }

    /**
     * A consistent copy of the event, with its wall time; {@code null} while it is being written
     * or when it was recorded before the store's last reset ({@code epoch}).
     */
    TelemetryEvent read(java.util.function.LongUnaryOperator wallMillis, long epoch) {
        long before = (long) VERSION.getAcquire(this);
        if (before == 0 || (before & 1) != 0 || this.epoch != epoch) {
            return null;
        }
        TelemetryEvent copy = new TelemetryEvent(sequence, nanos, wallMillis.applyAsLong(nanos), type, rule, model,
                projectId, functionName, promptLength, codeLength, attempt, retryCount, durationNanos, validated,
                errors, dependencies, failureType, errorsTotal, dependenciesTotal);
        VarHandle.loadLoadFence();
        return before == (long) VERSION.getOpaque(this) ? copy : null;
    }
}
