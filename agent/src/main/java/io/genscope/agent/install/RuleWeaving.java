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
import io.genscope.runtime.Role;
import io.genscope.runtime.RuntimeLog;
import io.genscope.runtime.capture.ArgumentSlots;
import io.genscope.runtime.capture.PathRoot;
import io.genscope.runtime.capture.PropertyPath;
import io.genscope.runtime.diagnostics.RuleDiagnostics;
import io.genscope.runtime.rule.RuleCaptures;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.implementation.bytecode.constant.IntegerConstant;
import net.bytebuddy.implementation.bytecode.constant.NullConstant;
import net.bytebuddy.matcher.ElementMatcher;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

import static net.bytebuddy.matcher.ElementMatchers.anyOf;

/**
 * Instruments the methods one rule selects in a class being loaded: checks the rule's captures
 * against each method, inlines {@link CallAdvice} with the rule's index into those that pass,
 * and records them in the rule's diagnostics. A capture that cannot work is reported once, with
 * the config file's line, and costs its method (when another method of the class fits) or
 * itself on that method only (when none does): the method is woven with the index of a
 * {@linkplain RuleVariants variant} of the rule without it, so other classes the rule selects,
 * loaded before or after, keep it. A selected class where no method matches is reported too
 * ({@link UnmatchedClasses}).
 *
 * <p>Its matchers are made, and its advice read, when the first class the rule's name filter lets
 * through arrives ({@link OnFirstUse}), so a rule whose classes never load costs no Byte Buddy.
 *
 * <p>Thread-safe: classes load concurrently; the state is a concurrent set of reported problems.
 */
final class RuleWeaving implements ClassWeaving {

    /** The captures a validation's outcome comes from. */
    private static final Set<String> OUTCOME_FIELDS = Set.of("capture.errors.each", "capture.validation-ok");

    private final int index;
    private final RuleSettings settings;
    private final RuleDiagnostics diagnostics;
    private final RuleVariants variants;
    private final AdviceClassFiles adviceClassFiles;
    private final OnFirstUse<Selectors> selectors;
    private final RuntimeLog log;
    private final UnmatchedClasses unmatched;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private final Map<String, Advice> advice = new ConcurrentHashMap<>();

    RuleWeaving(int index, RuleSettings settings, RuleDiagnostics diagnostics, RuleVariants variants,
                AdviceClassFiles adviceClassFiles, RuntimeLog log) {
        this.index = index;
        this.settings = settings;
        this.diagnostics = diagnostics;
        this.variants = variants;
        this.adviceClassFiles = adviceClassFiles;
        this.selectors = new OnFirstUse<>(() -> Selectors.of(settings));
        this.unmatched = new UnmatchedClasses(settings, log);
        this.log = log;
    }

    /**
     * One weaving per rule, the rule at index {@code i} recording into {@code diagnostics.apply(i)}:
     * what the agent installs, and what {@link ClassPathCheck} runs offline.
     */
    static List<ClassWeaving> forRules(List<RuleSettings> rules, IntFunction<RuleDiagnostics> diagnostics,
                                       RuleVariants variants, AdviceClassFiles adviceClassFiles, RuntimeLog log) {
        List<ClassWeaving> weavings = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            weavings.add(new RuleWeaving(i, rules.get(i), diagnostics.apply(i), variants, adviceClassFiles, log));
        }
        return weavings;
    }

    /**
     * The advice for the rule (or variant) at {@code ruleIndex}, with the arguments its captures
     * read bound to the slots. Known only once the captures have been checked against a method,
     * which binds named parameters.
     */
    private Advice advice(int ruleIndex, int[] positions, boolean returned) {
        Class<?> exit = diagnostics.rule().readsCallAtExit() ? CallAdvice.class : ResultExitAdvice.class;
        return advice.computeIfAbsent(ruleIndex + Arrays.toString(positions) + returned, key -> adviceClassFiles.advice(
                CallAdvice.class, exit, Advice.withCustomMapping()
                        .bind(RuleIndex.class, IntegerConstant.forValue(ruleIndex), Mappings.INT)
                        .bind(Slot0.class, slot(positions, 0))
                        .bind(Slot1.class, slot(positions, 1))
                        .bind(Slot2.class, slot(positions, 2))
                        .bind(Returned.class, returned
                                ? new Advice.OffsetMapping.ForReturnValue(Mappings.OBJECT, true, Assigner.Typing.DYNAMIC)
                                : Mappings.NULL)));
    }

    /**
     * Whether the advice must hand over the method's result: when a capture reads it, or when it
     * is a reference that may be a future. Only a primitive result nobody reads is left out, so
     * it is never boxed.
     */
    private static boolean needsResult(MethodDescription method, RuleCaptures captures) {
        if (!method.getReturnType().isPrimitive()) {
            return true;
        }
        for (PropertyPath path : captures.callPaths().values()) {
            if (path.root() == PathRoot.RETURN) {
                return true;
            }
        }
        return false;
    }

    /** The argument at the slot's position, boxed if primitive, or {@code null} for an unused slot. */
    private static Advice.OffsetMapping slot(int[] positions, int slot) {
        return slot < positions.length
                ? new Advice.OffsetMapping.ForArgument.Unresolved(Mappings.OBJECT, true, Assigner.Typing.DYNAMIC,
                        positions[slot])
                : Mappings.NULL;
    }

    /** The rule's class and method selectors as Byte Buddy matchers. */
    private record Selectors(ElementMatcher<? super TypeDescription> types,
                             ElementMatcher<? super MethodDescription> methods) {

        static Selectors of(RuleSettings rule) {
            return new Selectors(RuleMatchers.types(rule), RuleMatchers.methods(rule));
        }
    }

    /**
     * Byte Buddy constants of the advice's bindings, made with the first advice (a nested class
     * initialises on first use). The rule index is bound as a stack manipulation of a known type:
     * bound as a plain value, Byte Buddy would first look for the JDK's constant descriptions
     * among its types, which builds ten reflection proxies, about 15 ms of the first weave.
     */
    private static final class Mappings {

        static final TypeDescription.Generic INT = TypeDescription.Generic.OfNonGenericType.ForLoadedType.of(int.class);
        static final TypeDescription.Generic OBJECT = TypeDescription.Generic.OBJECT;
        static final Advice.OffsetMapping NULL =
                new Advice.OffsetMapping.ForStackManipulation(NullConstant.INSTANCE, OBJECT, OBJECT, Assigner.Typing.STATIC);
    }

    @Override
    public ElementMatcher<? super TypeDescription> types() {
        return selectors.get().types();
    }

    @Override
    public DynamicType.Builder<?> weave(DynamicType.Builder<?> builder, TypeDescription type) {
        List<MethodDescription> candidates = type.isInterface() ? List.of()
                : List.copyOf(type.getDeclaredMethods().filter(selectors.get().methods()));
        if (candidates.isEmpty()) {
            unmatched.noMethodMatched(type, diagnostics.hasMatched());
            return builder;
        }
        Map<MethodDescription, Integer> dropped = woven(candidates);
        Map<Integer, List<MethodDescription>> byDropped = new LinkedHashMap<>();
        for (Map.Entry<MethodDescription, Integer> method : dropped.entrySet()) {
            byDropped.computeIfAbsent(method.getValue(), key -> new ArrayList<>()).add(method.getKey());
        }
        DynamicType.Builder<?> visited = builder;
        for (Map.Entry<Integer, List<MethodDescription>> group : byDropped.entrySet()) {
            visited = weave(visited, group.getValue(), group.getKey());
        }
        return visited;
    }

    /** Weaves {@code methods} with the rule less the captures {@code dropped} (bits of {@link RuleCaptures#bit}). */
    private DynamicType.Builder<?> weave(DynamicType.Builder<?> builder, List<MethodDescription> methods, int dropped) {
        RuleCaptures captures = diagnostics.rule().captures().without(dropped);
        int[] positions;
        try {
            positions = ArgumentSlots.positions(captures);
        } catch (IllegalStateException tooMany) {
            for (MethodDescription method : methods) {
                report(method, new CaptureChecker.Problem("capture", tooMany.getMessage()));
            }
            return builder;
        }
        int ruleIndex = variants.variant(index, dropped);
        DynamicType.Builder<?> visited = builder;
        for (boolean returned : new boolean[] {false, true}) {
            List<MethodDescription> group = new ArrayList<>();
            for (MethodDescription method : methods) {
                if (needsResult(method, captures) == returned) {
                    group.add(method);
                    diagnostics.matched(MethodNames.of(method));
                }
            }
            if (!group.isEmpty()) {
                visited = visited.visit(advice(ruleIndex, positions, returned).on(anyOf(group)));
            }
        }
        return visited;
    }

    /**
     * The candidate methods to instrument, each with the captures it is woven without. A method
     * that does not fit while another of its class does is left out (a static overload of a rule
     * reading {@code this}, say), with one line. When none fits, each method is woven without the
     * captures that fail on it, with one line each: one broken capture costs only itself, on that
     * method only, never the rule's counts nor the captures of other classes. A {@code failure-type}
     * goes with its {@code success-when}, without a line of its own.
     */
    private Map<MethodDescription, Integer> woven(List<MethodDescription> candidates) {
        RuleCaptures captures = diagnostics.rule().captures();
        Map<MethodDescription, List<CaptureChecker.Problem>> problems = new LinkedHashMap<>();
        boolean someFit = false;
        for (MethodDescription method : candidates) {
            List<CaptureChecker.Problem> found = CaptureChecker.check(method, captures);
            problems.put(method, found);
            someFit |= found.isEmpty();
        }
        Map<MethodDescription, Integer> woven = new LinkedHashMap<>();
        for (Map.Entry<MethodDescription, List<CaptureChecker.Problem>> checked : problems.entrySet()) {
            MethodDescription method = checked.getKey();
            if (someFit && !checked.getValue().isEmpty()) {
                for (CaptureChecker.Problem problem : checked.getValue()) {
                    report(method, problem);
                }
                continue;
            }
            List<CaptureChecker.Problem> failing = new ArrayList<>(checked.getValue());
            failing.addAll(CaptureChecker.bind(method, captures.without(mask(failing))));
            int dropped = mask(failing);
            boolean judgedByReturning = (dropped & RuleCaptures.bit("success-when")) != 0;
            for (CaptureChecker.Problem problem : failing) {
                if (!(judgedByReturning && problem.field().equals("failure-type"))) {
                    drop(method, problem, captures.without(dropped));
                }
            }
            woven.put(method, dropped);
        }
        return woven;
    }

    private static int mask(List<CaptureChecker.Problem> problems) {
        int mask = 0;
        for (CaptureChecker.Problem problem : problems) {
            mask |= RuleCaptures.bit(problem.field());
        }
        return mask;
    }

    /**
     * Reports a capture dropped for {@code method}. A validation whose {@code errors} or
     * {@code validation-ok} is dropped, leaving ({@code kept}) neither, is judged by its exception
     * alone (it fails when it throws, else passes), and a generation whose {@code success-when} is
     * dropped succeeds when it returns normally: its line says so, rather than let it pass
     * silently.
     */
    private void drop(MethodDescription method, CaptureChecker.Problem problem, RuleCaptures kept) {
        String line = settings.origin().at(problem.field()) + ": " + problem.message() + " (capture dropped for "
                + MethodNames.of(method) + " only" + consequence(problem.field(), kept) + "; rule '"
                + settings.name() + "' records everything else)";
        if (reported.add(line)) {
            log.error(line);
        }
    }

    /** What the method's calls now go by, when the dropped capture decided their outcome. */
    private String consequence(String field, RuleCaptures kept) {
        Role role = diagnostics.rule().role();
        if (role == Role.VALIDATION && OUTCOME_FIELDS.contains(field) && kept.errors() == null
                && kept.validationOk() == null) {
            return ", whose validations now fail only when they throw";
        }
        if (role == Role.GENERATION && field.equals("success-when")) {
            return ", whose generations now succeed when they return normally";
        }
        return role == Role.GENERATION && field.equals("failure-type")
                ? ", whose generations success-when finds failed now have the type " + RuleCaptures.UNSUCCESSFUL : "";
    }

    private void report(MethodDescription method, CaptureChecker.Problem problem) {
        String line = settings.origin().at(problem.field()) + ": " + problem.message() + " (rule '" + settings.name()
                + "' does not instrument " + MethodNames.of(method) + ")";
        if (reported.add(line)) {
            log.error(line);
        }
    }
}
