package io.genscope.agent.install;

import io.genscope.agent.advice.CallAdvice;
import io.genscope.agent.advice.RuleIndex;
import io.genscope.agent.advice.Slot0;
import io.genscope.agent.advice.Slot1;
import io.genscope.agent.advice.Slot2;
import io.genscope.agent.capture.CaptureChecker;
import io.genscope.agent.capture.MethodNames;
import io.genscope.agent.config.RuleSettings;
import io.genscope.runtime.RuntimeLog;
import io.genscope.runtime.capture.ArgumentSlots;
import io.genscope.runtime.diagnostics.RuleDiagnostics;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.implementation.bytecode.constant.NullConstant;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static net.bytebuddy.matcher.ElementMatchers.anyOf;

/**
 * Instruments the methods one rule selects in a class being loaded: checks the rule's captures
 * against each method, inlines {@link CallAdvice} with the rule's index into those that pass,
 * and records them in the rule's diagnostics. A method whose captures cannot work is reported
 * once, with the config file's line, and left as it is.
 *
 * <p>Thread-safe: classes load concurrently; the state is a concurrent set of reported problems.
 */
final class RuleTransformer implements AgentBuilder.Transformer {

    private static final TypeDescription.Generic OBJECT = TypeDescription.Generic.OBJECT;

    private final int index;
    private final RuleSettings settings;
    private final RuleDiagnostics diagnostics;
    private final ElementMatcher<? super MethodDescription> methods;
    private final RuntimeLog log;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private final Map<String, Advice> advice = new ConcurrentHashMap<>();

    RuleTransformer(int index, RuleSettings settings, RuleDiagnostics diagnostics,
                    ElementMatcher<? super MethodDescription> methods, RuntimeLog log) {
        this.index = index;
        this.settings = settings;
        this.diagnostics = diagnostics;
        this.methods = methods;
        this.log = log;
    }

    /**
     * The advice for the rule, with the arguments its captures read bound to the slots. Known
     * only once the captures have been checked against a method, which binds named parameters.
     */
    private Advice advice(int[] positions) {
        return advice.computeIfAbsent(Arrays.toString(positions), key -> Advice.withCustomMapping()
                .bind(RuleIndex.class, index)
                .bind(Slot0.class, slot(positions, 0))
                .bind(Slot1.class, slot(positions, 1))
                .bind(Slot2.class, slot(positions, 2))
                .to(CallAdvice.class));
    }

    /** The argument at the slot's position, boxed if primitive, or {@code null} for an unused slot. */
    private static Advice.OffsetMapping slot(int[] positions, int slot) {
        return slot < positions.length
                ? new Advice.OffsetMapping.ForArgument.Unresolved(OBJECT, true, Assigner.Typing.DYNAMIC, positions[slot])
                : new Advice.OffsetMapping.ForStackManipulation(NullConstant.INSTANCE, OBJECT, OBJECT,
                        Assigner.Typing.STATIC);
    }

    @Override
    public DynamicType.Builder<?> transform(DynamicType.Builder<?> builder, TypeDescription type,
                                            ClassLoader classLoader, JavaModule module, ProtectionDomain domain) {
        List<MethodDescription> instrumented = new ArrayList<>();
        for (MethodDescription method : type.getDeclaredMethods().filter(methods)) {
            List<CaptureChecker.Problem> problems = CaptureChecker.check(method, diagnostics.rule().captures());
            if (problems.isEmpty()) {
                instrumented.add(method);
            } else {
                problems.forEach(problem -> report(method, problem));
            }
        }
        if (instrumented.isEmpty()) {
            return builder;
        }
        int[] positions;
        try {
            positions = ArgumentSlots.positions(diagnostics.rule().captures());
        } catch (IllegalStateException tooMany) {
            instrumented.forEach(method -> report(method, new CaptureChecker.Problem("capture", tooMany.getMessage())));
            return builder;
        }
        instrumented.forEach(method -> diagnostics.matched(MethodNames.of(method)));
        return builder.visit(advice(positions).on(anyOf(instrumented)));
    }

    private void report(MethodDescription method, CaptureChecker.Problem problem) {
        String line = settings.origin().at(problem.field()) + ": " + problem.message() + " (rule '" + settings.name()
                + "' does not instrument " + MethodNames.of(method) + ")";
        if (reported.add(line)) {
            log.error(line);
        }
    }
}
