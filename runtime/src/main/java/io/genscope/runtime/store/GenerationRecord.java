package io.genscope.runtime.store;

import java.util.List;
import jdk.internal.vm.annotation.Contended;

/**
 * The state of one generation while it runs and what the store records when it ends. Mutable
 * and reused: each thread owns one for its synchronous generations (so recording allocates
 * nothing for it), and an asynchronous generation gets its own {@link #copy()}.
 *
 * <p>Not thread-safe; owned by one thread at a time.
 *
 * <p>{@link Contended}: a thread's record is written on every call by its own thread, so its fields
 * are padded off the cache lines of whatever the garbage collector copies next to it, such as
 * another recording thread's state (which made two threads on one rule up to 1.5 times slower
 * per call than one, in some JVM runs and not others). Padding costs 256 bytes per object, counted
 * by {@code StoreFootprint}; HotSpot honours it for classes of the boot class path only, where the
 * agent puts the runtime.
 */
@Contended
public final class GenerationRecord {

    private static final List<String> NONE = List.of();

    /** Index of the generation rule whose outermost call started this generation. */
    public int rule;
    public String ruleName;
    public long startNanos;
    public String projectId;
    public String model;
    public String functionName;
    /** The breakdown values ({@link BreakdownDimension}); {@code userId} is already a pseudonym unless kept plain. */
    public String variant;
    public String userId;
    public String promptCategory;
    /** -1 when not captured. */
    public int promptLength;
    /** -1 when not captured. */
    public int codeLength;
    public int retries;
    public int validations;
    public int failedValidations;
    /** Whether the generation's first validation passed; meaningful when {@link #validations} > 0. */
    public boolean firstValidationPassed;
    /** Captured by the generation rule, or detected by its latest validation. */
    public List<String> dependencies = NONE;
    /** This record's own list for {@link #dependencies}, filled from a capture or a validation's. */
    public final NameList dependencyNames = new NameList();
    public boolean dependenciesFromGeneration;
    public long durationNanos;
    /** Class name of what the generation threw, {@code null} on success. */
    public String failureType;
    /** The sequence the generation's attempt event took when it started; the store's. */
    long attemptSequence;
    /** Which values the generation had when it started, as {@code EventSlot.ATTEMPT_*} bits; the store's. */
    int entryCaptures;

    /** Clears every field for a new generation. */
    public void begin(int rule, String ruleName, long startNanos) {
        this.rule = rule;
        if (this.ruleName != ruleName) {
            this.ruleName = ruleName; // stored only when it changes: see EventSlot on write barriers
        }
        this.startNanos = startNanos;
        recorded();
        if (dependencies != NONE && dependencies != dependencyNames) {
            dependencies = NONE; // the own list, now empty, is kept: see EventSlot on write barriers
        }
        promptLength = -1;
        codeLength = -1;
        retries = 0;
        validations = 0;
        failedValidations = 0;
        firstValidationPassed = false;
        dependenciesFromGeneration = false;
        durationNanos = 0;
    }

    /**
     * Lets go of the names once the store has recorded the generation (its counts and events keep
     * their own references), so a pooled thread that generates no more keeps no project, model,
     * function, breakdown or dependency name of its last call past the retention. {@link #dependencies}, when
     * it is this record's own list, is then empty.
     */
    void recorded() {
        // each reference is stored only when it changes: see EventSlot on write barriers
        if (projectId != null) {
            projectId = null;
        }
        if (model != null) {
            model = null;
        }
        if (functionName != null) {
            functionName = null;
        }
        if (variant != null) {
            variant = null;
        }
        if (userId != null) {
            userId = null;
        }
        if (promptCategory != null) {
            promptCategory = null;
        }
        if (failureType != null) {
            failureType = null;
        }
        dependencyNames.clear();
    }

    /** Whether a breakdown dimension has a value here: a rule that captures none skips the breakdowns. */
    boolean hasBreakdownValue() {
        return projectId != null || variant != null || userId != null || promptCategory != null;
    }

    public boolean succeeded() {
        return failureType == null;
    }

    /**
     * Lets go of the names, as once recorded, and of the rule name: for a record kept past its
     * generation (a request's latest generation) once it is no longer needed.
     */
    public void forget() {
        recorded();
        dependencies = NONE;
        ruleName = null;
    }

    /** An independent copy, for a generation that completes later on another thread. */
    public GenerationRecord copy() {
        GenerationRecord copy = new GenerationRecord();
        copyTo(copy);
        return copy;
    }

    /** Makes {@code copy} what this record is now (sharing no list with it). */
    public void copyTo(GenerationRecord copy) {
        copy.begin(rule, ruleName, startNanos);
        copy.projectId = projectId;
        copy.model = model;
        copy.functionName = functionName;
        copy.variant = variant;
        copy.userId = userId;
        copy.promptCategory = promptCategory;
        copy.firstValidationPassed = firstValidationPassed;
        copy.promptLength = promptLength;
        copy.codeLength = codeLength;
        copy.retries = retries;
        copy.validations = validations;
        copy.failedValidations = failedValidations;
        copy.dependencyNames.copy(dependencies);
        copy.dependencies = copy.dependencyNames;
        copy.dependenciesFromGeneration = dependenciesFromGeneration;
        copy.durationNanos = durationNanos;
        copy.failureType = failureType;
        copy.attemptSequence = attemptSequence;
        copy.entryCaptures = entryCaptures;
    }
}
