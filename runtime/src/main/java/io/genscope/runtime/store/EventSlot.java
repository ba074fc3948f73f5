package io.genscope.runtime.store;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.function.LongUnaryOperator;

/**
 * One reusable place for a raw event in a thread's {@link ThreadEvents} ring. Written in place
 * lap after lap, so recording an event allocates nothing; read by export under a sequence lock.
 *
 * <p>Single writer (the owning thread), any number of readers. The version is odd while the
 * writer fills the fields; a reader copies the fields between two reads of the version and
 * keeps the copy only if both are the same even number, so it never returns a half-written
 * event (it may skip one being written).
 *
 * <p>A generation's outcome also holds its attempt (see {@link #attemptOf}): one slot, written when
 * the generation ends, instead of one at each end. The attempt's time is the outcome's less the
 * generation's duration, its values those the generation had at entry, so export gives the
 * attempt as it was when it started; an attempt whose generation has not ended is not exported
 * yet, and one whose generation ran across a {@code reset()} is exported with its outcome.
 *
 * <p>A reference field is stored only when its value changes (the type is no reference: it is
 * kept in {@link #flags}). Lap after lap a slot mostly gets the rule, model and lists it already
 * holds, and a skipped store skips the garbage collector's write barrier too. Under G1 that barrier costs a fence once the slot is in the old generation:
 * the two events of a generation measured about 20 ns more under G1 than under the Parallel
 * collector, which has no such barrier.
 */
final class EventSlot {

    private static final VarHandle VERSION = FieldHandles.of(MethodHandles.lookup(), "version", long.class);
    private static final EventType[] TYPES = EventType.values();
    private static final int TYPE_MASK = 0x7;
    private static final int VALIDATED = 0x8;
    /** Which of the generation's values its attempt had (those captured at entry); see {@link #attemptOf}. */
    static final int ATTEMPT_MODEL = 0x10;
    static final int ATTEMPT_PROJECT = 0x20;
    static final int ATTEMPT_FUNCTION = 0x40;
    static final int ATTEMPT_PROMPT_LENGTH = 0x80;

    @SuppressWarnings("unused") // accessed through VERSION
    private long version;
    private long sequence;
    private long nanos;
    private long durationNanos;
    /** A generation outcome's: the sequence its attempt took when the generation started. */
    private long attemptSequence;
    /** The store's epoch, cut to an int (the store would need 2^32 resets to wrap it). */
    private int epoch;
    /** The event type's ordinal, {@link #VALIDATED} and the {@code ATTEMPT_*} bits: a byte-sized field, no reference. */
    private int flags;
    private int promptLength;
    private int codeLength;
    private int attempt;
    private int retryCount;
    private int errorsTotal;
    private int dependenciesTotal;
    private String rule;
    private String model;
    private String projectId;
    private String functionName;
    private List<ErrorInfo> errors;
    private List<String> dependencies;
    private String failureType;

    /** Starts a write; the fields set after this are published by {@link #publish()}. */
    EventSlot begin(long sequence, long epoch, long nanos, EventType type, String rule) {
        long current = (long) VERSION.getOpaque(this);
        VERSION.setOpaque(this, (current & 1) == 0 ? current + 1 : current + 2); // odd: being written
        VarHandle.storeStoreFence();
        this.sequence = sequence;
        this.epoch = (int) epoch;
        this.nanos = nanos;
        this.flags = type.ordinal();
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
        if (validated) {
            this.flags |= VALIDATED;
        }
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

    /**
     * Makes this generation outcome carry its attempt too: the attempt took sequence
     * {@code attemptSequence} when the generation started, at the outcome's time less its duration,
     * with the generation's rule and the values named by {@code entryCaptures} ({@code ATTEMPT_*}
     * bits: those captured at entry); the rest of it is what every attempt has.
     */
    EventSlot attemptOf(long attemptSequence, int entryCaptures) {
        this.attemptSequence = attemptSequence;
        this.flags |= entryCaptures;
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
        return this.epoch < (int) epoch;
    }

    /**
     * A consistent copy of the event, with its wall time, and for a generation outcome its attempt;
     * {@code null} while it is being written or when it was recorded before the store's last reset
     * ({@code epoch}).
     */
    Read read(LongUnaryOperator wallMillis, long epoch) {
        long before = (long) VERSION.getAcquire(this);
        if (before == 0 || (before & 1) != 0 || this.epoch != (int) epoch) {
            return null;
        }
        int bits = flags;
        EventType type = TYPES[bits & TYPE_MASK];
        TelemetryEvent copy = new TelemetryEvent(sequence, nanos, wallMillis.applyAsLong(nanos), type, rule, model,
                projectId, functionName, promptLength, codeLength, attempt, retryCount, durationNanos,
                (bits & VALIDATED) != 0, errors, dependencies, failureType, errorsTotal, dependenciesTotal);
        TelemetryEvent attempt = type == EventType.GENERATION_SUCCESS || type == EventType.GENERATION_FAILURE
                ? attemptIn(copy, attemptSequence, bits, wallMillis) : null;
        VarHandle.loadLoadFence();
        return before == (long) VERSION.getOpaque(this) ? new Read(copy, attempt) : null;
    }

    /** The attempt event a generation outcome carries, as it was recorded when the generation started. */
    private static TelemetryEvent attemptIn(TelemetryEvent outcome, long sequence, int bits,
                                            LongUnaryOperator wallMillis) {
        long started = outcome.nanos() - outcome.durationNanos();
        return new TelemetryEvent(sequence, started, wallMillis.applyAsLong(started), EventType.GENERATION_ATTEMPT,
                outcome.rule(),
                (bits & ATTEMPT_MODEL) != 0 ? outcome.model() : null,
                (bits & ATTEMPT_PROJECT) != 0 ? outcome.projectId() : null,
                (bits & ATTEMPT_FUNCTION) != 0 ? outcome.functionName() : null,
                (bits & ATTEMPT_PROMPT_LENGTH) != 0 ? outcome.promptLength() : -1,
                -1, 0, 0, 0, false, List.of(), List.of(), null, 0, 0);
    }

    /** What a slot held: one event, and when that is a generation's outcome, the generation's attempt. */
    record Read(TelemetryEvent event, TelemetryEvent attempt) {
    }
}
