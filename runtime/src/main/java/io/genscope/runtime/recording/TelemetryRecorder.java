package io.genscope.runtime.recording;

import io.genscope.runtime.RuntimeLog;
import io.genscope.runtime.capture.CapturedElements;
import io.genscope.runtime.capture.CapturedValues;
import io.genscope.runtime.capture.PathRoot;
import io.genscope.runtime.capture.PropertyPath;
import io.genscope.runtime.diagnostics.ProblemThrottle;
import io.genscope.runtime.privacy.UserIds;
import io.genscope.runtime.rule.RuleCaptures;
import io.genscope.runtime.diagnostics.RuleDiagnostics;
import io.genscope.runtime.store.ErrorInfo;
import io.genscope.runtime.store.GenerationRecord;
import io.genscope.runtime.store.TelemetryStore;
import io.genscope.runtime.store.ThreadSlice;
import io.genscope.runtime.store.ValidationRecord;
import io.genscope.runtime.time.Clock;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Turns intercepted calls into generations, retries and validations, following the semantics
 * of DESIGN.md: the outermost generation-role call on a thread is a generation; a nested
 * generation call or any retry-role call inside it is a retry; a validation inside it is
 * attributed to it, numbered in order.
 *
 * <p>Thread-safe: all per-call state lives in a {@link ThreadScope} per thread. A generation that
 * returns a {@link CompletionStage} completes when the stage does, possibly on another thread;
 * validations run inside that stage on other threads are not attributed to it.
 *
 * <p>The advice names its rule by an index: a config rule's position, or a {@link #variant} of it
 * made for methods some of its captures cannot work on. The table behind the indexes only grows,
 * copy-on-write, and is read with one volatile read and one array read per call.
 *
 * <p>Every public method catches everything: a failure here is reported as an agent error and
 * the intercepted call goes on untouched. Like a failed capture, it is logged the first time for
 * its rule and stage, then counted (Diagnostics MBean) with at most one reminder a minute.
 */
public final class TelemetryRecorder implements Recorder {

    /** The config rules, in order. */
    private final RuleDiagnostics[] rules;
    /** What each index the advice passes stands for: the config rules, then variants as made. */
    private volatile RuleVariant[] variants;
    /** Index of each variant made, by base rule and dropped captures; guarded by {@code this}. */
    private final Map<Long, Integer> variantIndexes = new HashMap<>();
    private final TelemetryStore store;
    private final Clock clock;
    private final RuntimeLog log;
    private final CaptureReader captures;
    private final ThreadLocal<ThreadScope> scopes;
    private final AtomicReference<Runnable> atNextCall = new AtomicReference<>();
    /** For failures of calls whose rule index names no rule (a weaving bug). */
    private final ProblemThrottle unknownRules = new ProblemThrottle();
    private final int maxElements;
    private final UserIds userIds;

    public TelemetryRecorder(List<RuleDiagnostics> rules, TelemetryStore store, RuntimeLog log) {
        this.rules = rules.toArray(RuleDiagnostics[]::new);
        this.variants = new RuleVariant[this.rules.length];
        for (int i = 0; i < this.rules.length; i++) {
            variants[i] = new RuleVariant(i, this.rules[i], this.rules[i].rule().captures());
        }
        this.store = store;
        this.clock = store.clock();
        this.log = log;
        this.captures = new CaptureReader(log, clock);
        this.maxElements = store.settings().maxElements();
        this.userIds = store.settings().userIds();
        this.scopes = ThreadLocal.withInitial(() -> new ThreadScope(store.currentThread(), maxElements));
    }

    @Override
    public long enterWithSlots(int ruleIndex, Object self, Object slot0, Object slot1, Object slot2) {
        ThreadScope scope = scopes.get();
        if (scope.capturing) {
            return 0; // a capture's getter called an instrumented method: not part of the generator's loop
        }
        Object[] args = null;
        try {
            RuleVariant rule = variants[ruleIndex];
            args = scope.arguments(rule.positions(), slot0, slot1, slot2);
            return enter(rule, self, args, scope);
        } catch (Throwable failure) {
            internalError("enter", ruleIndex, failure);
            return clock.monotonicNanos();
        } finally {
            scope.releaseArguments(args);
        }
    }

    @Override
    public void exitWithSlots(int ruleIndex, long token, Object self, Object slot0, Object slot1, Object slot2,
                              Object returned, Throwable thrown) {
        ThreadScope scope = scopes.get();
        if (scope.capturing) {
            return;
        }
        Object[] args = null;
        try {
            RuleVariant rule = variants[ruleIndex];
            args = scope.arguments(rule.positions(), slot0, slot1, slot2);
            exit(rule, token, self, args, returned, thrown, scope);
        } catch (Throwable failure) {
            internalError("exit", ruleIndex, failure);
        } finally {
            scope.releaseArguments(args);
        }
    }

    @Override
    public long enter(int ruleIndex, Object self, Object[] args) {
        try {
            return enter(variants[ruleIndex], self, args, scopes.get());
        } catch (Throwable failure) {
            internalError("enter", ruleIndex, failure);
            return clock.monotonicNanos();
        }
    }

    @Override
    public void exit(int ruleIndex, long token, Object self, Object[] args, Object returned, Throwable thrown) {
        try {
            exit(variants[ruleIndex], token, self, args, returned, thrown, scopes.get());
        } catch (Throwable failure) {
            internalError("exit", ruleIndex, failure);
        }
    }

    /**
     * The index of rule {@code rule} without the call captures in {@code droppedCaptures} (bits of
     * {@link RuleCaptures#bit}), for the agent to weave into methods those captures cannot work
     * on: {@code rule} itself when nothing it has is dropped, else a variant made on first request
     * and kept. Bounded: a rule has at most one variant per subset of its captures.
     */
    public synchronized int variant(int rule, int droppedCaptures) {
        if (rule < 0 || rule >= rules.length) {
            throw new IllegalArgumentException("no config rule #" + rule);
        }
        RuleVariant base = variants[rule];
        int dropped = droppedCaptures & base.captures.presentMask();
        if (dropped == 0) {
            return rule;
        }
        return variantIndexes.computeIfAbsent((long) rule << Integer.SIZE | dropped, key -> {
            RuleVariant[] grown = Arrays.copyOf(variants, variants.length + 1);
            grown[grown.length - 1] = new RuleVariant(rule, base.diagnostics, base.captures.without(dropped));
            variants = grown;
            return grown.length - 1;
        });
    }

    /**
     * Runs {@code task} once, on the thread of the next intercepted call: for work that must
     * happen outside the context that asks for it (a class being loaded, say).
     */
    public void runAtNextCall(Runnable task) {
        atNextCall.set(task);
    }

    /**
     * @return the token for {@link #exit}: for a generation-role call its nesting level (1 for the
     *         generation itself), else the start time. The exit of a generation-role call sets
     *         the depth back to its level minus one, so a nested call whose exit was lost (the
     *         thread's stack was exhausted, say) leaves the depth right once the call around it
     *         exits; a token that is no open level (the entry failed, or the advice could not
     *         call it and passes {@code 0}) leaves the depth alone. A validation whose token is
     *         {@code 0} is not recorded.
     */
    private long enter(RuleVariant rule, Object self, Object[] args, ThreadScope scope) {
        if (scope.capturing) {
            return 0;
        }
        long start = clock.monotonicNanos();
        long token = start;
        try {
            if (atNextCall.get() != null) {
                Runnable task = atNextCall.getAndSet(null);
                if (task != null) {
                    task.run();
                }
            }
            rule.diagnostics.called();
            switch (rule.diagnostics.rule().role()) {
                case GENERATION -> {
                    token = ++scope.depth;
                    if (token == 1) {
                        startGeneration(scope, rule, self, args, start);
                    } else {
                        retry(scope, rule, start);
                    }
                }
                case RETRY -> retry(scope, rule, start);
                case VALIDATION -> {
                    // measured from the token; nothing to record before the outcome
                }
            }
        } catch (Throwable failure) {
            internalError("enter", rule.rule, failure);
        }
        return token;
    }

    private void exit(RuleVariant rule, long token, Object self, Object[] args, Object returned, Throwable thrown,
                      ThreadScope scope) {
        if (scope.capturing) {
            return;
        }
        try {
            switch (rule.diagnostics.rule().role()) {
                case GENERATION -> {
                    if (token > 0 && token <= scope.depth) {
                        scope.depth = (int) token - 1;
                        if (token == 1) {
                            endGeneration(scope, rule, self, args, returned, thrown);
                        }
                    }
                }
                case VALIDATION -> {
                    if (token != 0) {
                        validated(scope, rule, token, self, args, returned, thrown);
                    }
                }
                case RETRY -> {
                    // counted when it started
                }
            }
        } catch (Throwable failure) {
            internalError("exit", rule.rule, failure);
        }
    }

    private void startGeneration(ThreadScope scope, RuleVariant rule, Object self, Object[] args, long start) {
        GenerationRecord generation = scope.generation;
        generation.begin(rule.rule, rule.diagnostics.rule().name(), start);
        scope.capturing = true;
        try {
            readGenerationCaptures(generation, rule, scope.elements, self, args, null, null, false);
        } finally {
            scope.capturing = false;
        }
        store.generationStarted(scope.store, generation, start);
    }

    private void retry(ThreadScope scope, RuleVariant rule, long start) {
        String name = rule.diagnostics.rule().name();
        if (scope.inGeneration()) {
            scope.generation.retries++;
            store.retryStarted(scope.store, scope.generation, name, start);
        } else {
            store.retryStarted(scope.store, null, name, start);
        }
    }

    private void endGeneration(ThreadScope scope, RuleVariant rule, Object self, Object[] args,
                               Object returned, Throwable thrown) {
        GenerationRecord generation = scope.generation;
        if (thrown == null && returned instanceof CompletionStage<?> stage) {
            GenerationRecord pending = generation.copy();
            // only the result is kept for the completion: the call's arguments and receiver are not
            // held for as long as the future is pending
            stage.whenComplete((value, error) -> {
                try {
                    complete(null, store.currentThread(), pending, rule, null, null, value, unwrap(error));
                } catch (Throwable failure) {
                    internalError("async completion", pending.rule, failure);
                }
            });
        } else {
            complete(scope, scope.store, generation, rule, self, args, returned, thrown);
        }
    }

    /** @param scope the calling thread's scope, or {@code null} when a future completes elsewhere */
    private void complete(ThreadScope scope, ThreadSlice thread, GenerationRecord generation, RuleVariant rule,
                          Object self, Object[] args, Object returned, Throwable thrown) {
        long end = clock.monotonicNanos();
        generation.durationNanos = end - generation.startNanos;
        // a class name is cut like any name: the store keeps it as a failure type
        generation.failureType = thrown == null ? null : CapturedValues.name(thrown.getClass());
        if (scope != null) {
            scope.capturing = true;
        }
        try {
            // a future completing on another thread has no scope: its rare completion gets its own buffer
            CapturedElements elements = scope != null ? scope.elements : new CapturedElements(maxElements);
            readGenerationCaptures(generation, rule, elements, self, args, returned, thrown, true);
        } finally {
            if (scope != null) {
                scope.capturing = false;
            }
        }
        store.generationCompleted(thread, generation, end);
    }

    /**
     * Reads the generation captures whose root is available now: at entry those on {@code this}
     * and the arguments, at exit those on the result or exception.
     */
    private void readGenerationCaptures(GenerationRecord generation, RuleVariant variant, CapturedElements elements,
                                        Object self, Object[] args, Object returned, Throwable thrown, boolean atExit) {
        RuleDiagnostics rule = variant.diagnostics;
        RuleCaptures paths = variant.captures;
        if (due(paths.projectId(), atExit)) {
            generation.projectId = captures.name(rule, "capture.project-id", paths.projectId(),
                    self, args, returned, thrown);
        }
        if (due(paths.model(), atExit)) {
            generation.model = captures.name(rule, "capture.model", paths.model(), self, args, returned, thrown);
        }
        if (due(paths.functionName(), atExit)) {
            generation.functionName = captures.name(rule, "capture.function-name", paths.functionName(),
                    self, args, returned, thrown);
        }
        RuleCaptures.BreakdownCaptures breakdowns = paths.breakdowns();
        if (due(breakdowns.variant(), atExit)) {
            generation.variant = captures.name(rule, "capture.variant", breakdowns.variant(),
                    self, args, returned, thrown);
        }
        if (due(breakdowns.userId(), atExit)) {
            // only the pseudonym is stored: the raw id goes no further than this line
            generation.userId = userIds.kept(captures.name(rule, "capture.user-id", breakdowns.userId(),
                    self, args, returned, thrown));
        }
        if (due(breakdowns.promptCategory(), atExit)) {
            generation.promptCategory = captures.name(rule, "capture.prompt-category", breakdowns.promptCategory(),
                    self, args, returned, thrown);
        }
        if (due(paths.promptLength(), atExit)) {
            generation.promptLength = captures.length(rule, "capture.prompt-length", paths.promptLength(),
                    self, args, returned, thrown);
        }
        if (atExit && thrown == null) {
            if (paths.codeLength() != null) {
                generation.codeLength = captures.length(rule, "capture.code-length", paths.codeLength(),
                        self, args, returned, thrown);
            }
            if (paths.dependencies() != null) {
                captures.names(rule, "capture.dependencies", paths.dependencies(), elements,
                        generation.dependencyNames, self, args, returned, thrown);
                useOwnDependencies(generation);
                generation.dependenciesFromGeneration = true;
            }
        }
    }

    private static boolean due(PropertyPath path, boolean atExit) {
        return path != null && path.root().availableOnlyAtExit() == atExit;
    }

    private void validated(ThreadScope scope, RuleVariant rule, long start, Object self, Object[] args,
                           Object returned, Throwable thrown) {
        GenerationRecord generation = scope.inGeneration() ? scope.generation : null;
        ValidationRecord validation = scope.validation;
        validation.begin(rule.diagnostics.rule().name(), generation == null ? 0 : ++generation.validations);
        long end = clock.monotonicNanos();
        validation.durationNanos = end - start;
        PropertyPath errors = rule.captures.errors();
        if (thrown == null || errors != null && errors.root() == PathRoot.THROWN) {
            scope.capturing = true;
            try {
                readValidationCaptures(validation, rule, scope.elements, self, args, returned, thrown);
            } finally {
                scope.capturing = false;
            }
        }
        if (thrown != null) {
            validation.ok = false;
            if (validation.errors.isEmpty()) {
                validation.errors.add(store.errorOfClass(thrown.getClass(), messageOf(thrown)));
            }
        }
        if (generation != null) {
            if (!validation.ok) {
                generation.failedValidations++;
            }
            if (validation.attempt == 1) {
                generation.firstValidationPassed = validation.ok;
            }
            if (!generation.dependenciesFromGeneration && !validation.detectedDependencies.isEmpty()) {
                generation.dependencyNames.copy(validation.detectedDependencies);
                useOwnDependencies(generation);
            }
        }
        store.validationCompleted(scope.store, generation, validation, end);
    }

    /** Stored only when it changes: see EventSlot on write barriers. */
    private static void useOwnDependencies(GenerationRecord generation) {
        if (generation.dependencies != generation.dependencyNames) {
            generation.dependencies = generation.dependencyNames;
        }
    }

    /**
     * Reads a validation's outcome: {@code validation-ok} when captured, else whether it has no
     * errors. A rule (or a variant for methods its {@code errors} and {@code validation-ok} do not
     * fit, which the agent reports when it weaves them) that has neither goes by the exception
     * alone: the caller fails a validation that throws, and one that returns passes.
     */
    private void readValidationCaptures(ValidationRecord validation, RuleVariant variant, CapturedElements elements,
                                        Object self, Object[] args, Object returned, Throwable thrown) {
        RuleDiagnostics rule = variant.diagnostics;
        RuleCaptures paths = variant.captures;
        if (paths.errors() != null) {
            readErrors(validation, rule, paths, captures.elements(rule, "capture.errors", paths.errors(), elements,
                    self, args, returned, thrown));
        }
        Boolean ok = paths.validationOk() == null ? null
                : captures.flag(rule, "capture.validation-ok", paths.validationOk(), self, args, returned, thrown);
        validation.ok = ok != null ? ok : validation.errors.isEmpty();
        if (validation.ok) {
            validation.errors.clear();
        }
        if (paths.detectedDependencies() != null) {
            captures.names(rule, "capture.detected-dependencies", paths.detectedDependencies(), elements,
                    validation.detectedNames, self, args, returned, thrown);
            if (validation.detectedDependencies != validation.detectedNames) {
                validation.detectedDependencies = validation.detectedNames;
            }
        }
    }

    /**
     * The errors read from a validation's collection, at most {@code store.max-elements}: the type
     * of every one read, which is counted; the message of those a raw event keeps only
     * ({@code store.event-elements}), the rest are never read.
     */
    private void readErrors(ValidationRecord validation, RuleDiagnostics rule, RuleCaptures paths,
                            CapturedElements elements) {
        try {
            int withMessage = store.settings().eventElements();
            for (int i = 0, n = elements.size(); i < n; i++) {
                validation.errors.add(error(rule, paths, elements.get(i), i < withMessage));
            }
            if (elements.cut()) {
                validation.errorsTotal = elements.total();
            }
        } finally {
            elements.clear();
        }
    }

    /** One element as an error: without a {@code type} capture, an exception's type is its class name, kept as it is. */
    private ErrorInfo error(RuleDiagnostics rule, RuleCaptures paths, Object element, boolean withMessage) {
        if (paths.errorType() == null && element instanceof Throwable error) {
            return store.errorOfClass(error.getClass(), withMessage ? errorMessage(rule, paths, element) : null);
        }
        String type = captures.elementName(rule, "capture.errors.type", paths.errorType(), element);
        return store.error(type, paths.errorTypePattern(),
                withMessage ? errorMessage(rule, paths, element) : null);
    }

    /**
     * The element's message, read from the host only when {@code store.error-messages} keeps any.
     * Without a {@code message} capture, an exception's message or a plain string itself (whose
     * type is derived from it).
     */
    private String errorMessage(RuleDiagnostics rule, RuleCaptures paths, Object element) {
        if (!store.keepsErrorMessages()) {
            return null;
        }
        if (paths.errorMessage() == null) {
            return element instanceof Throwable error ? messageOf(error) : element instanceof String text ? text : null;
        }
        return captures.elementName(rule, "capture.errors.message", paths.errorMessage(), element);
    }

    /**
     * A validation exception's message, read only when {@code store.error-messages} keeps any: it
     * is host text (it may quote the prompt), and {@code getMessage} is host code that may throw.
     */
    private String messageOf(Throwable error) {
        if (!store.keepsErrorMessages()) {
            return null;
        }
        try {
            return error.getMessage();
        } catch (RuntimeException | Error broken) {
            return null;
        }
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /**
     * Reports a failure of Genscope's own code while it handled a call of the rule (or variant)
     * at {@code index}, in {@code stage}: once per config rule and stage, then counted; except a
     * {@link StackOverflowError}: that is the host's stack running out under an instrumented
     * call, not a Genscope defect, and the host meets it too. Logging it there would overflow
     * again, once per level of the host's recursion, and writing to stderr at that depth made
     * the JVM load a class whose transformation failed for want of stack, which the JVM itself
     * reports on stderr.
     */
    private void internalError(String stage, int index, Throwable failure) {
        if (failure instanceof StackOverflowError) {
            return;
        }
        long now = clock.monotonicNanos();
        RuleVariant[] table = variants;
        int ruleIndex = index >= 0 && index < table.length ? table[index].rule : index;
        boolean known = ruleIndex >= 0 && ruleIndex < rules.length;
        long verdict = known ? rules[ruleIndex].internalError(stage, now) : unknownRules.admit(stage, now);
        if (verdict == ProblemThrottle.FIRST) {
            log.error("internal error in " + stage + " of rule #" + ruleIndex + ": " + HostFailures.describe(failure)
                    + "; the call was not recorded, the application is unaffected. Later ones are only counted"
                    + " (Diagnostics MBean, Rules: internalErrors), with a reminder at most once a minute");
        } else if (verdict > 0) {
            log.warn(ProblemThrottle.reminder("#" + ruleIndex, verdict, "internal error in " + stage));
        }
    }
}
