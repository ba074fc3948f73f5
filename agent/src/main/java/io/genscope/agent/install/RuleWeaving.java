package io.genscope.agent.install;

import io.genscope.agent.advice.CallAdvice;
import io.genscope.agent.advice.ResultExitAdvice;
import io.genscope.agent.advice.Returned;
import io.genscope.agent.advice.RuleIndex;
import io.genscope.agent.advice.Slot0;
import io.genscope.agent.advice.Slot1;
import io.genscope.agent.advice.Slot2;
import io.genscope.agent.capture.CaptureChecker;
import io.genscope.agent.capture.MethodNames;
import io.genscope.agent.config.RuleSettings;
import io.genscope.agent.matching.RuleMatchers;
import io.genscope.runtime.RuntimeLog;
import io.genscope.runtime.capture.ArgumentSlots;
import io.genscope.runtime.capture.PathRoot;
import io.genscope.runtime.diagnostics.RuleDiagnostics;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.implementation.bytecode.constant.NullConstant;
import net.bytebuddy.matcher.ElementMatcher;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static net.bytebuddy.matcher.ElementMatchers.anyOf;

/**
 * Instruments the methods one rule selects in a class being loaded: checks the rule's captures
 * against each method, inlines {@link CallAdvice} with the rule's index into those that pass,
 * and records them in the rule's diagnostics. A capture that cannot work is reported once, with
 * the config file's line, and costs its method (when another method of the class fits) or
 * itself (when none does), never the rule. A selected class where no method matches is
 * reported too ({@link UnmatchedClasses}).
 *
 * <p>Thread-safe: classes load concurrently; the state is a concurrent set of reported problems.
 */
final class RuleWeaving implements ClassWeaving {

    private static final TypeDescription.Generic OBJECT = TypeDescription.Generic.OBJECT;
    private static final Advice.OffsetMapping NULL =
            new Advice.OffsetMapping.ForStackManipulation(NullConstant.INSTANCE, OBJECT, OBJECT, Assigner.Typing.STATIC);

    private final int index;
    private final RuleSettings settings;
    private final RuleDiagnostics diagnostics;
    private final AdviceClassFiles adviceClassFiles;
    private final ElementMatcher<? super TypeDescription> types;
    private final ElementMatcher<? super MethodDescription> methods;
    private final RuntimeLog log;
    private final UnmatchedClasses unmatched;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private final Map<String, Advice> advice = new ConcurrentHashMap<>();

    RuleWeaving(int index, RuleSettings settings, RuleDiagnostics diagnostics, AdviceClassFiles adviceClassFiles,
                RuntimeLog log) {
        this.index = index;
        this.settings = settings;
        this.diagnostics = diagnostics;
        this.adviceClassFiles = adviceClassFiles;
        this.types = RuleMatchers.types(settings);
        this.methods = RuleMatchers.methods(settings);
        this.unmatched = new UnmatchedClasses(settings, log);
        this.log = log;
    }

    /**
     * The advice for the rule, with the arguments its captures read bound to the slots. Known
     * only once the captures have been checked against a method, which binds named parameters.
     */
    private Advice advice(int[] positions, boolean returned) {
        Class<?> exit = diagnostics.rule().readsCallAtExit() ? CallAdvice.class : ResultExitAdvice.class;
        return advice.computeIfAbsent(Arrays.toString(positions) + returned, key -> adviceClassFiles.advice(
                CallAdvice.class, exit, Advice.withCustomMapping()
                        .bind(RuleIndex.class, index)
                        .bind(Slot0.class, slot(positions, 0))
                        .bind(Slot1.class, slot(positions, 1))
                        .bind(Slot2.class, slot(positions, 2))
                        .bind(Returned.class, returned
                                ? new Advice.OffsetMapping.ForReturnValue(OBJECT, true, Assigner.Typing.DYNAMIC)
                                : NULL)));
    }

    /**
     * Whether the advice must hand over the method's result: when a capture reads it, or when it
     * is a reference that may be a future. Only a primitive result nobody reads is left out, so
     * it is never boxed.
     */
    private boolean needsResult(MethodDescription method) {
        return !method.getReturnType().isPrimitive() || diagnostics.rule().captures().callPaths()
                .values().stream().anyMatch(path -> path.root() == PathRoot.RETURN && !path.dropped());
    }

    /** The argument at the slot's position, boxed if primitive, or {@code null} for an unused slot. */
    private static Advice.OffsetMapping slot(int[] positions, int slot) {
        return slot < positions.length
                ? new Advice.OffsetMapping.ForArgument.Unresolved(OBJECT, true, Assigner.Typing.DYNAMIC, positions[slot])
                : NULL;
    }

    @Override
    public ElementMatcher<? super TypeDescription> types() {
        return types;
    }

    @Override
    public DynamicType.Builder<?> weave(DynamicType.Builder<?> builder, TypeDescription type) {
        List<MethodDescription> candidates = type.isInterface() ? List.of()
                : List.copyOf(type.getDeclaredMethods().filter(methods));
        if (candidates.isEmpty()) {
            unmatched.noMethodMatched(type, !diagnostics.matchedMethods().isEmpty());
            return builder;
        }
        List<MethodDescription> instrumented = fitting(candidates);
        if (instrumented.isEmpty()) {
            return builder;
        }
        int[] positions;
        try {
            positions = ArgumentSlots.positions(diagnostics.rule().captures());
        } catch (IllegalStateException tooMany) {
            instrumented.forEach(method -> report(method, new CaptureChecker.Problem("capture", null, tooMany.getMessage())));
            return builder;
        }
        DynamicType.Builder<?> visited = builder;
        for (boolean returned : new boolean[] {false, true}) {
            List<MethodDescription> group = instrumented.stream().filter(m -> needsResult(m) == returned).toList();
            if (!group.isEmpty()) {
                group.forEach(method -> diagnostics.matched(MethodNames.of(method)));
                visited = visited.visit(advice(positions, returned).on(anyOf(group)));
            }
        }
        return visited;
    }

    /**
     * The candidate methods that all the rule's captures work on. A method that does not fit
     * while another of its class does is left out (a static overload of a rule reading
     * {@code this}, say), with one line. When none fits, the captures that fail are dropped, with
     * one line each, and the rule instruments the methods without them: one broken capture costs
     * only itself, never the rule's counts.
     */
    private List<MethodDescription> fitting(List<MethodDescription> candidates) {
        Map<MethodDescription, List<CaptureChecker.Problem>> problems = check(candidates);
        if (problems.values().stream().noneMatch(List::isEmpty)) {
            problems.values().forEach(list -> list.forEach(this::drop));
            problems = check(candidates);
        }
        List<MethodDescription> fitting = new ArrayList<>();
        problems.forEach((method, list) -> {
            if (list.isEmpty()) {
                fitting.add(method);
            } else {
                list.forEach(problem -> report(method, problem));
            }
        });
        return fitting;
    }

    private Map<MethodDescription, List<CaptureChecker.Problem>> check(List<MethodDescription> candidates) {
        Map<MethodDescription, List<CaptureChecker.Problem>> problems = new LinkedHashMap<>();
        candidates.forEach(method -> problems.put(method, CaptureChecker.check(method, diagnostics.rule().captures())));
        return problems;
    }

    private void drop(CaptureChecker.Problem problem) {
        problem.path().drop();
        String line = settings.origin().at(problem.field()) + ": " + problem.message() + " (capture dropped; rule '"
                + settings.name() + "' records everything else)";
        if (reported.add(line)) {
            log.error(line);
        }
    }

    private void report(MethodDescription method, CaptureChecker.Problem problem) {
        String line = settings.origin().at(problem.field()) + ": " + problem.message() + " (rule '" + settings.name()
                + "' does not instrument " + MethodNames.of(method) + ")";
        if (reported.add(line)) {
            log.error(line);
        }
    }
}
