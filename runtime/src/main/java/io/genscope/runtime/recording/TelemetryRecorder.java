package io.genscope.runtime.recording;

import io.genscope.runtime.RuntimeLog;
import io.genscope.runtime.capture.CapturedElements;
import io.genscope.runtime.capture.CapturedValues;
import io.genscope.runtime.capture.PathRoot;
import io.genscope.runtime.capture.PropertyPath;
import io.genscope.runtime.diagnostics.ProblemThrottle;
import io.genscope.runtime.jfr.PendingGeneration;
import io.genscope.runtime.jfr.Timeline;
import io.genscope.runtime.privacy.UserIds;
import io.genscope.runtime.rule.RuleCaptures;
import io.genscope.runtime.diagnostics.RuleDiagnostics;
import io.genscope.runtime.store.ThreadCallCounts;
import io.genscope.runtime.store.ErrorInfo;
import io.genscope.runtime.store.GenerationRecord;
import io.genscope.runtime.store.RequestTotals;
import io.genscope.runtime.store.TelemetryStore;
import io.genscope.runtime.store.ThreadSlice;
import io.genscope.runtime.store.ValidationRecord;
import io.genscope.runtime.time.Clock;
import jdk.internal.vm.annotation.ForceInline;

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
 * <p>A generation rule's {@code success-when} decides whether a call that returned succeeded
 * ({@link #judge}); a {@code request} rule ties what happens on its thread inside its call to it
 * ({@link RequestRecording}).
 *
 * <p>Thread-safe: all per-call state lives in a {@link ThreadScope} per thread. A generation that
 * returns a {@link CompletionStage} completes when the stage does, possibly on another thread;
 * validations run inside that stage on other threads are not attributed to it.
 *
 * <p>The advice names its rule by an index: a config rule's position, or a {@link #variant} of it
 * made for methods some of its captures cannot work on. The table behind the indexes only grows,
 * copy-on-write, and is read with one volatile read and one array read per call.
 *
 * <p>Each generation, validation and retry is also told to the thread's {@link Timeline} (JDK Flight
 * Recorder events), just before the store records it, while its record still holds its names.
 *
 * <p>Every public method catches everything: a failure here is reported as an agent error and
 * the intercepted call goes on untouched. Like a failed capture, it is logged the first time for
 * its rule and stage, then counted (Diagnostics MBean) with at most one reminder a minute.
 */
public final class TelemetryRecorder implements Recorder {

    /**
     * The most indexes the advice may name: rules at start, then variants and the rules each
     * reload defines. Past it a reload is refused and the JVM needs a restart.
     */
    public static final int MAX_INDEXES = 1 << 16;

    /**
     * What each index the advice passes stands for: the config rules at start, then variants and
     * rules defined by reloads, as made. Never shrinks: code woven before a reload may still be
     * running when it ends, and its calls keep the meaning they were woven with.
     */
    private volatile RuleVariant[] variants;
    /** Index of each variant made, by base index and dropped captures; guarded by {@code this}. */
    private final Map<Long, Integer> variantIndexes = new HashMap<>();
    private final TelemetryStore store;
    private final Clock clock;
    private final RuntimeLog log;
    private final CaptureReader captures;
    private final ThreadLocal<ThreadScope> scopes;
    /** Each rule's calls, counted by slot in each thread's own table (Diagnostics' {@code calls}). */
    private final ThreadCallCounts calls;
    private final AtomicReference<Runnable> atNextCall = new AtomicReference<>();
    /** For failures of calls whose rule index names no rule (a weaving bug). */
    private final ProblemThrottle unknownRules = new ProblemThrottle();
    private final int maxElements;
    /** {@code null} when no rule has the role {@code request}: then no thread has a request scope. */
    private final RequestRecording requests;
    private final UserIds userIds;

    /** A recorder for rules without the role {@code request}. */
    public TelemetryRecorder(List<RuleDiagnostics> rules, TelemetryStore store, RuntimeLog log) {
        this(rules, store, log, null, Timeline.NONE);
    }

    /**
     * @param rules    the rules at start: rule {@code i} is counted in store slot {@code i}, under advice index {@code i}
     * @param requests where the {@code request} rules' requests are counted; {@code null} when no
     *                 rule has that role
     * @param timeline where the calls also go as JDK Flight Recorder events ({@link Timeline#NONE}: nowhere)
     */
    public TelemetryRecorder(List<RuleDiagnostics> rules, TelemetryStore store, RuntimeLog log,
                             RequestTotals requests, Timeline timeline) {
        this.variants = new RuleVariant[rules.size()];
        this.calls = new ThreadCallCounts(rules.size());
        for (int i = 0; i < rules.size(); i++) {
            variants[i] = new RuleVariant(i, rules.get(i), rules.get(i).rule().captures(), true);
            rules.get(i).countsCallsIn(calls, i);
        }
        this.store = store;
        this.clock = store.clock();
        this.log = log;
        this.captures = new CaptureReader(log, clock);
        this.maxElements = store.settings().maxElements();
        this.requests = requests == null ? null : new RequestRecording(store, requests);
        this.userIds = store.settings().userIds();
        boolean withRequests = requests != null;
        this.scopes = ThreadLocal.withInitial(
                () -> new ThreadScope(store.currentThread(), calls.register(), maxElements, withRequests,
                        timeline.forThread()));
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
        if (rule < 0 || rule >= variants.length || !variants[rule].base) {
            throw new IllegalArgumentException("no rule #" + rule);
        }
        RuleVariant base = variants[rule];
        int dropped = droppedCaptures & base.captures.presentMask();
        if (dropped == 0) {
            return rule;
        }
        Integer made = variantIndexes.get((long) rule << Integer.SIZE | dropped);
        if (made != null) {
            return made;
        }
        int index = append(new RuleVariant(base.rule, base.diagnostics, base.captures.without(dropped), false));
        variantIndexes.put((long) rule << Integer.SIZE | dropped, index);
        return index;
    }

    /**
     * A new index for the advice of a rule a reload adds or changes, counted in store slot
     * {@code slot} and into {@code diagnostics}, with the rule's full captures: the base of its
     * {@link #variant}s. Indexes given out before keep their meaning.
     *
     * @throws IllegalStateException when {@link #MAX_INDEXES} are given out already
     */
    public synchronized int define(int slot, RuleDiagnostics diagnostics) {
        diagnostics.countsCallsIn(calls, slot);
        return append(new RuleVariant(slot, diagnostics, diagnostics.rule().captures(), true));
    }

    /** How many more indexes {@link #define} and {@link #variant} may give out. */
    public int indexesLeft() {
        return MAX_INDEXES - variants.length;
    }

    private int append(RuleVariant variant) {
        if (variants.length >= MAX_INDEXES) {
            throw new IllegalStateException("the " + MAX_INDEXES + " rule indexes of this JVM's Genscope are all given"
                    + " out (by reloads); restart the JVM");
        }
        RuleVariant[] grown = Arrays.copyOf(variants, variants.length + 1);
        grown[grown.length - 1] = variant;
        variants = grown;
        return grown.length - 1;
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
            scope.calls.increment(rule.rule);
            switch (rule.role) {
                case GENERATION -> {
                    token = ++scope.depth;
                    if (token == 1) {
                        startGeneration(scope, rule, self, args, start);
                    } else {
                        retry(scope, rule, start, token);
                    }
                }
                case RETRY -> retry(scope, rule, start, token);
                case VALIDATION -> scope.timeline.validationStarted(token); // the store waits for the outcome
                case REQUEST -> {
                    if (scope.request != null) {
                        token = requests.enter(scope, start);
                    }
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
            switch (rule.role) {
                case GENERATION -> {
                    if (token > 0 && token <= scope.depth) {
                        scope.depth = (int) token - 1;
                        if (token == 1) {
                            endGeneration(scope, rule, self, args, returned, thrown);
                        } else {
                            scope.timeline.retryEnded(token, scope.generation);
                        }
                    }
                }
                case VALIDATION -> {
                    if (token != 0) {
                        validated(scope, rule, token, self, args, returned, thrown);
                    }
                }
                case RETRY -> scope.timeline.retryEnded(token, retried(scope));
                case REQUEST -> {
                    if (scope.request != null) {
                        requests.exit(scope, token, thrown);
                    }
                }
            }
        } catch (Throwable failure) {
            internalError("exit", rule.rule, failure);
        }
    }

    private void startGeneration(ThreadScope scope, RuleVariant rule, Object self, Object[] args, long start) {
        GenerationRecord generation = scope.generation;
        generation.begin(rule.rule, rule.name, start);
        if (rule.readAtEntry != 0) {
            scope.capturing = true;
            try {
                readGenerationCaptures(generation, rule, rule.readAtEntry, scope.elements, self, args, null, null);
            } finally {
                scope.capturing = false;
            }
        }
        store.generationStarted(scope.store, generation, start);
        if (scope.inRequest()) {
            requests.generationStarted(scope, generation);
        }
        scope.timeline.generationStarted();
    }

    private void retry(ThreadScope scope, RuleVariant rule, long start, long token) {
        String name = rule.name;
        if (scope.inGeneration()) {
            scope.generation.retries++;
            store.retryStarted(scope.store, scope.generation, name, start);
            scope.timeline.retryStarted(token, name, scope.generation.retries + 1);
            return;
        }
        if (scope.inRequest()) {
            GenerationRecord latest = requests.latest(scope.request);
            if (latest != null) {
                store.retryStarted(scope.store, latest, name, start);
            } else {
                requests.holdRetry(scope.request, name);
            }
        } else {
            store.retryStarted(scope.store, null, name, start);
        }
        scope.timeline.retryStarted(token, name, 0);
    }

    /**
     * The generation a retry-role call that ends belongs to: the thread's, else in a request the
     * request's latest (as {@link #retry} counted it), else none.
     */
    private GenerationRecord retried(ThreadScope scope) {
        if (scope.inGeneration()) {
            return scope.generation;
        }
        return scope.inRequest() ? requests.latest(scope.request) : null;
    }

    private void endGeneration(ThreadScope scope, RuleVariant rule, Object self, Object[] args,
                               Object returned, Throwable thrown) {
        GenerationRecord generation = scope.generation;
        if (thrown == null && returned instanceof CompletionStage<?> stage) {
            GenerationRecord pending = generation.copy();
            if (scope.inRequest()) {
                requests.generationEnded(scope.request, generation, false);
            }
            PendingGeneration event = scope.timeline.generationPending();
            // only the result is kept for the completion: the call's arguments and receiver are not
            // held for as long as the future is pending
            stage.whenComplete((value, error) -> {
                try {
                    complete(null, store.currentThread(), pending, rule, null, null, value, unwrap(error), event);
                } catch (Throwable failure) {
                    internalError("async completion", pending.rule, failure);
                }
            });
        } else {
            complete(scope, scope.store, generation, rule, self, args, returned, thrown, null);
        }
    }

    /**
     * @param scope the calling thread's scope, or {@code null} when a future completes elsewhere
     * @param event when a future completes, the generation's event taken off its thread
     */
    private void complete(ThreadScope scope, ThreadSlice thread, GenerationRecord generation, RuleVariant rule,
                          Object self, Object[] args, Object returned, Throwable thrown, PendingGeneration event) {
        long end = clock.monotonicNanos();
        generation.durationNanos = end - generation.startNanos;
        // a class name is cut like any name: the store keeps it as a failure type
        generation.failureType = thrown == null ? null : CapturedValues.name(thrown.getClass());
        if (rule.readAtExit != 0) {
            readAtExit(scope, generation, rule, self, args, returned, thrown);
        }
        if (scope != null && scope.inRequest()) {
            requests.generationEnded(scope.request, generation, true);
        }
        if (scope != null) {
            scope.timeline.generationCompleted(generation);
        } else {
            event.completed(generation);
        }
        store.generationCompleted(thread, generation, end);
    }

    /** The generation captures read when the call ends, and {@code success-when}. */
    private void readAtExit(ThreadScope scope, GenerationRecord generation, RuleVariant rule, Object self,
                            Object[] args, Object returned, Throwable thrown) {
        if (scope != null) {
            scope.capturing = true;
        }
        try {
            // a future completing on another thread has no scope: its rare completion gets its own buffer
            CapturedElements elements = scope != null ? scope.elements : new CapturedElements(maxElements);
            int due = thrown == null ? rule.readAtExit : rule.readAtExit & ~RuleVariant.ON_RETURN;
            readGenerationCaptures(generation, rule, due, elements, self, args, returned, thrown);
            if ((due & RuleVariant.SUCCESS_WHEN) != 0) {
                judge(generation, rule, returned);
            }
        } finally {
            if (scope != null) {
                scope.capturing = false;
            }
        }
    }

    /**
     * Applies {@code success-when} to a generation that returned {@code returned}: {@code false}
     * makes it a failure of the type {@code failure-type} reads (or {@value RuleCaptures#UNSUCCESSFUL}
     * when that is absent or reads nothing). A value that cannot be read, is {@code null} or is not
     * a boolean leaves the generation a success, as without {@code success-when}, and counts as a
     * failed capture of the rule (Diagnostics MBean).
     */
    private void judge(GenerationRecord generation, RuleVariant variant, Object returned) {
        RuleDiagnostics rule = variant.diagnostics;
        RuleCaptures paths = variant.captures;
        Boolean success = captures.requiredFlag(rule, CaptureField.SUCCESS_WHEN, paths.successWhen(), null, null, returned, null);
        if (success == null || success) {
            return;
        }
        String type = paths.failureType() == null ? null
                : captures.name(rule, CaptureField.FAILURE_TYPE, paths.failureType(), null, null, returned, null);
        generation.failureType = type != null ? type : RuleCaptures.UNSUCCESSFUL;
    }

    /**
     * Reads the generation captures {@code due} names ({@link RuleVariant} bits): at entry those on
     * {@code this} and the arguments, at exit those on the result or exception.
     *
     * <p>{@link ForceInline}: called at entry and at exit, each time with the few captures its end
     * of the call has; inlined there, the JIT keeps only the reads of the fields the benchmark's or
     * application's rules have. As a call it was too big to inline (415 bytes of bytecode before the
     * masks) and every field's read stayed a call of its own. Inlined, it measured no faster in
     * alternating JMH runs (the time is in the reads themselves, see the README's Performance
     * section); it is kept inlined because it costs nothing and leaves the JIT one frame less.
     */
    @ForceInline
    private void readGenerationCaptures(GenerationRecord generation, RuleVariant variant, int due,
                                        CapturedElements elements, Object self, Object[] args, Object returned,
                                        Throwable thrown) {
        RuleDiagnostics rule = variant.diagnostics;
        RuleCaptures paths = variant.captures;
        if ((due & RuleVariant.PROJECT_ID) != 0) {
            generation.projectId = captures.name(rule, CaptureField.PROJECT_ID, paths.projectId(),
                    self, args, returned, thrown);
        }
        if ((due & RuleVariant.MODEL) != 0) {
            generation.model = captures.name(rule, CaptureField.MODEL, paths.model(), self, args, returned, thrown);
        }
        if ((due & RuleVariant.FUNCTION_NAME) != 0) {
            generation.functionName = captures.name(rule, CaptureField.FUNCTION_NAME, paths.functionName(),
                    self, args, returned, thrown);
        }
        if ((due & RuleVariant.BREAKDOWNS) != 0) {
            readBreakdownCaptures(generation, rule, paths.breakdowns(), due, self, args, returned, thrown);
        }
        if ((due & RuleVariant.PROMPT_LENGTH) != 0) {
            generation.promptLength = captures.length(rule, CaptureField.PROMPT_LENGTH, paths.promptLength(),
                    self, args, returned, thrown);
        }
        if ((due & RuleVariant.CODE_LENGTH) != 0) {
            generation.codeLength = captures.length(rule, CaptureField.CODE_LENGTH, paths.codeLength(),
                    self, args, returned, thrown);
        }
        if ((due & RuleVariant.DEPENDENCIES) != 0) {
            captures.names(rule, CaptureField.DEPENDENCIES, paths.dependencies(), elements,
                    generation.dependencyNames, self, args, returned, thrown);
            ValidationAttribution.useOwnDependencies(generation);
            generation.dependenciesFromGeneration = true;
        }
    }

    /** The breakdown captures {@code due} names, read apart: few rules have them. */
    private void readBreakdownCaptures(GenerationRecord generation, RuleDiagnostics rule,
                                       RuleCaptures.BreakdownCaptures breakdowns, int due,
                                       Object self, Object[] args, Object returned, Throwable thrown) {
        if ((due & RuleVariant.VARIANT) != 0) {
            generation.variant = captures.name(rule, CaptureField.VARIANT, breakdowns.variant(),
                    self, args, returned, thrown);
        }
        if ((due & RuleVariant.USER_ID) != 0) {
            // only the pseudonym is stored: the raw id goes no further than this line
            generation.userId = userIds.kept(captures.name(rule, CaptureField.USER_ID, breakdowns.userId(),
                    self, args, returned, thrown));
        }
        if ((due & RuleVariant.PROMPT_CATEGORY) != 0) {
            generation.promptCategory = captures.name(rule, CaptureField.PROMPT_CATEGORY, breakdowns.promptCategory(),
                    self, args, returned, thrown);
        }
    }

    /**
     * A validation ended. Inside a generation call it is that generation's; outside any, in a
     * request, it is the request's latest generation's, or held for the request's first (see
     * {@link RequestRecording}); else it is recorded outside any generation.
     */
    private void validated(ThreadScope scope, RuleVariant rule, long start, Object self, Object[] args,
                           Object returned, Throwable thrown) {
        GenerationRecord generation = scope.inGeneration() ? scope.generation : null;
        ValidationRecord validation = scope.validation;
        boolean held = false;
        if (generation == null && scope.inRequest()) {
            generation = requests.latest(scope.request);
            ValidationRecord holding = generation == null ? requests.holdingRecord(scope.request) : null;
            if (holding != null) {
                validation = holding;
                held = true;
            }
        }
        validation.begin(rule.name,
                generation == null ? 0 : ValidationAttribution.nextAttempt(generation));
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
        // a held validation's event ends now, with its request but not yet its generation
        scope.timeline.validationCompleted(start, generation, validation);
        if (held) {
            return; // recorded when the request's first generation starts, or the request ends
        }
        if (generation != null) {
            ValidationAttribution.attribute(generation, validation);
        }
        store.validationCompleted(scope.store, generation, validation, end);
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
            readErrors(validation, rule, paths, captures.elements(rule, CaptureField.ERRORS, paths.errors(), elements,
                    self, args, returned, thrown));
        }
        Boolean ok = paths.validationOk() == null ? null
                : captures.flag(rule, CaptureField.VALIDATION_OK, paths.validationOk(), self, args, returned, thrown);
        validation.ok = ok != null ? ok : validation.errors.isEmpty();
        if (validation.ok) {
            validation.errors.clear();
        }
        if (paths.detectedDependencies() != null) {
            captures.names(rule, CaptureField.DETECTED_DEPENDENCIES, paths.detectedDependencies(), elements,
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
        String type = captures.elementName(rule, CaptureField.ERROR_TYPE, paths.errorType(), element);
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
        return captures.elementName(rule, CaptureField.ERROR_MESSAGE, paths.errorMessage(), element);
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
        boolean known = index >= 0 && index < table.length;
        int ruleIndex = known ? table[index].rule : index;
        long verdict = known ? table[index].diagnostics.internalError(stage, now) : unknownRules.admit(stage, now);
        if (verdict == ProblemThrottle.FIRST) {
            log.error("internal error in " + stage + " of rule #" + ruleIndex + ": " + HostFailures.describe(failure)
                    + "; the call was not recorded, the application is unaffected. Later ones are only counted"
                    + " (Diagnostics MBean, Rules: internalErrors), with a reminder at most once a minute");
        } else if (verdict > 0) {
            log.warn(ProblemThrottle.reminder("#" + ruleIndex, verdict, "internal error in " + stage));
        }
    }
}
