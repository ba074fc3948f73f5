package io.genscope.agent.install;

import io.genscope.agent.capture.CaptureChecker;
import io.genscope.agent.capture.MethodNames;
import io.genscope.agent.config.RuleSettings;
import io.genscope.agent.matching.ClassOutline;
import io.genscope.agent.matching.RuleMatchers;
import io.genscope.agent.weave.CallWeaver;
import io.genscope.agent.weave.WovenCall;
import io.genscope.runtime.Role;
import io.genscope.runtime.RuntimeLog;
import io.genscope.runtime.capture.ArgumentSlots;
import io.genscope.runtime.capture.PathRoot;
import io.genscope.runtime.capture.PropertyPath;
import io.genscope.runtime.diagnostics.RuleDiagnostics;
import io.genscope.runtime.rule.RuleCaptures;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import net.bytebuddy.matcher.ElementMatcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * Instruments the methods one rule selects in a class being loaded: checks the rule's captures
 * against each method, writes the calls into the runtime with the rule's index into those that
 * pass ({@link CallWeaver}), and records those woven in the rule's diagnostics; a method whose
 * code cannot take the calls (see {@link CallWeaver#weave}) is reported once and costs only
 * itself. A capture that cannot work is reported once, with
 * the config file's line, and costs its method (when another method of the class fits) or
 * itself on that method only (when none does): the method is woven with the index of a
 * {@linkplain RuleVariants variant} of the rule without it, so other classes the rule selects,
 * loaded before or after, keep it. A selected class where no method matches is reported too
 * ({@link UnmatchedClasses}).
 *
 * <p>Its Byte Buddy matchers are made when the first class that needs them arrives ({@link
 * OnFirstUse}); a rule that selects by names and declarations and captures nothing needs none.
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
    private final OnFirstUse<Selectors> selectors;
    private final RuntimeLog log;
    private final UnmatchedClasses unmatched;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    RuleWeaving(int index, RuleSettings settings, RuleDiagnostics diagnostics, RuleVariants variants,
                RuntimeLog log) {
        this.index = index;
        this.settings = settings;
        this.diagnostics = diagnostics;
        this.variants = variants;
        this.selectors = new OnFirstUse<>(() -> Selectors.of(settings));
        this.unmatched = new UnmatchedClasses(settings, log);
        this.log = log;
    }

    /**
     * One weaving per rule, the rule at index {@code i} recording into {@code diagnostics.apply(i)}:
     * what the agent installs, and what {@link ClassPathCheck} runs offline.
     */
    static List<ClassWeaving> forRules(List<RuleSettings> rules, IntFunction<RuleDiagnostics> diagnostics,
                                       RuleVariants variants, RuntimeLog log) {
        List<ClassWeaving> weavings = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            weavings.add(new RuleWeaving(i, rules.get(i), diagnostics.apply(i), variants, log));
        }
        return weavings;
    }

    /**
     * Whether the exit must hand over the method's result: when a capture reads it, or when it
     * is a reference that may be a future. Only a primitive result nobody reads is left out, so
     * it is never boxed.
     */
    private static boolean needsResult(Candidate method, RuleCaptures captures) {
        if (!method.primitiveResult()) {
            return true;
        }
        for (PropertyPath path : captures.callPaths().values()) {
            if (path.root() == PathRoot.RETURN) {
                return true;
            }
        }
        return false;
    }

    /** The rule's class and method selectors as Byte Buddy matchers. */
    private record Selectors(ElementMatcher<? super TypeDescription> types,
                             ElementMatcher<? super MethodDescription> methods) {

        static Selectors of(RuleSettings rule) {
            return new Selectors(RuleMatchers.types(rule), RuleMatchers.methods(rule));
        }
    }

    @Override
    public ElementMatcher<? super TypeDescription> types() {
        return selectors.get().types();
    }

    /** By name when the rule's class selector is a name or glob, else by the class's type description. */
    @Override
    public boolean selects(ArrivingClass arriving) {
        return RuleMatchers.selectsByName(settings, arriving.outline()).orElseGet(() -> types().matches(arriving.type()));
    }

    /**
     * Selects the methods from the class's outline and weaves them with the whole rule when
     * nothing needs declared types (no capture to check, no annotation selector), so a simple
     * rule's first class costs no Byte Buddy type description; else from its description.
     */
    @Override
    public byte[] weave(byte[] classFile, ArrivingClass arriving) {
        if (!RuleMatchers.methodsByDeclaration(settings) || !diagnostics.rule().captures().callPaths().isEmpty()) {
            return weave(classFile, arriving.type());
        }
        ClassOutline outline = arriving.outline();
        List<Candidate> candidates = new ArrayList<>();
        if (!outline.is(Opcodes.ACC_INTERFACE)) {
            for (ClassOutline.Method method : outline.methods()) {
                if (RuleMatchers.selects(settings, method)) {
                    candidates.add(new Candidate(method.name() + method.descriptor(),
                            MethodNames.of(outline.name(), method.name(), method.descriptor()),
                            Type.getReturnType(method.descriptor()).getSort() < Type.ARRAY));
                }
            }
        }
        if (candidates.isEmpty()) {
            unmatched.noMethodMatched(arriving.type(), diagnostics.hasMatched());
            return classFile;
        }
        Map<String, Planned> planned = new LinkedHashMap<>();
        plan(planned, candidates, 0);
        return weave(classFile, planned);
    }

    private byte[] weave(byte[] classFile, TypeDescription type) {
        List<MethodDescription> candidates = type.isInterface() ? List.of()
                : List.copyOf(type.getDeclaredMethods().filter(selectors.get().methods()));
        if (candidates.isEmpty()) {
            unmatched.noMethodMatched(type, diagnostics.hasMatched());
            return classFile;
        }
        Map<MethodDescription, Integer> dropped = woven(candidates);
        Map<Integer, List<Candidate>> byDropped = new LinkedHashMap<>();
        for (Map.Entry<MethodDescription, Integer> method : dropped.entrySet()) {
            MethodDescription described = method.getKey();
            byDropped.computeIfAbsent(method.getValue(), key -> new ArrayList<>()).add(new Candidate(
                    described.getInternalName() + described.getDescriptor(), MethodNames.of(described),
                    described.getReturnType().isPrimitive()));
        }
        Map<String, Planned> planned = new LinkedHashMap<>();
        for (Map.Entry<Integer, List<Candidate>> group : byDropped.entrySet()) {
            plan(planned, group.getValue(), group.getKey());
        }
        return weave(classFile, planned);
    }

    /**
     * Writes the planned calls in, and records the methods woven in the rule's diagnostics, in the
     * order planned; a method whose code cannot take them is reported once and left as it is.
     */
    private byte[] weave(byte[] classFile, Map<String, Planned> planned) {
        if (planned.isEmpty()) {
            return classFile;
        }
        Map<String, WovenCall> calls = new LinkedHashMap<>();
        planned.forEach((key, method) -> calls.put(key, method.call()));
        CallWeaver.Woven woven = CallWeaver.weave(classFile, calls);
        planned.forEach((key, method) -> {
            String refusal = woven.refused().get(key);
            if (refusal == null) {
                diagnostics.matched(method.name());
            } else {
                report(method.name(), new CaptureChecker.Problem("method",
                        "the method's code cannot be woven: " + refusal));
            }
        });
        return woven.classFile();
    }

    /**
     * A method to instrument.
     *
     * @param key             its name and descriptor, as {@link CallWeaver} takes them
     * @param name            its readable signature ({@link MethodNames})
     * @param primitiveResult whether it returns a primitive or nothing
     */
    private record Candidate(String key, String name, boolean primitiveResult) {
    }

    /** A method's calls to write in, with its readable signature ({@link MethodNames}). */
    private record Planned(String name, WovenCall call) {
    }

    /**
     * Adds to {@code planned} (by method name and descriptor) {@code methods} with the rule less the
     * captures {@code dropped} (bits of {@link RuleCaptures#bit}).
     */
    private void plan(Map<String, Planned> planned, List<Candidate> methods, int dropped) {
        RuleCaptures captures = diagnostics.rule().captures().without(dropped);
        int[] positions;
        try {
            positions = ArgumentSlots.positions(captures);
        } catch (IllegalStateException tooMany) {
            for (Candidate method : methods) {
                report(method.name(), new CaptureChecker.Problem("capture", tooMany.getMessage()));
            }
            return;
        }
        int ruleIndex = variants.variant(index, dropped);
        boolean exitReadsCall = diagnostics.rule().readsCallAtExit();
        for (boolean returned : new boolean[] {false, true}) { // the order the diagnostics have always listed them in
            for (Candidate method : methods) {
                if (needsResult(method, captures) == returned) {
                    planned.put(method.key(), new Planned(method.name(),
                            new WovenCall(ruleIndex, positions, returned, exitReadsCall)));
                }
            }
        }
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
                    report(MethodNames.of(method), problem);
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

    private void report(String method, CaptureChecker.Problem problem) {
        String line = settings.origin().at(problem.field()) + ": " + problem.message() + " (rule '" + settings.name()
                + "' does not instrument " + method + ")";
        if (reported.add(line)) {
            log.error(line);
        }
    }
}
