package io.genscope.agent.install;

import io.genscope.agent.advice.CallAdvice;
import io.genscope.agent.advice.EntryArguments;
import io.genscope.agent.advice.ExitArguments;
import io.genscope.agent.advice.RuleIndex;
import io.genscope.agent.capture.CaptureChecker;
import io.genscope.agent.capture.CaptureFields;
import io.genscope.agent.capture.MethodNames;
import io.genscope.agent.config.RuleSettings;
import io.genscope.runtime.RuntimeLog;
import io.genscope.runtime.diagnostics.RuleDiagnostics;
import io.genscope.runtime.rule.RuleDefinition;
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
import java.util.List;
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

    private static final TypeDescription.Generic OBJECT_ARRAY =
            TypeDescription.Generic.OfNonGenericType.ForLoadedType.of(Object[].class);

    private final RuleSettings settings;
    private final RuleDiagnostics diagnostics;
    private final ElementMatcher<? super MethodDescription> methods;
    private final Advice.WithCustomMapping advice;
    private final RuntimeLog log;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    RuleTransformer(int index, RuleSettings settings, RuleDiagnostics diagnostics,
                    ElementMatcher<? super MethodDescription> methods, RuntimeLog log) {
        this.settings = settings;
        this.diagnostics = diagnostics;
        this.methods = methods;
        this.log = log;
        RuleDefinition rule = diagnostics.rule();
        this.advice = Advice.withCustomMapping()
                .bind(RuleIndex.class, index)
                .bind(EntryArguments.class, arguments(CaptureFields.argumentsOnEntry(rule.role(), rule.captures())))
                .bind(ExitArguments.class, arguments(CaptureFields.argumentsOnExit(rule.role(), rule.captures())));
    }

    /**
     * All arguments as a read-only {@code Object[]} (the mapping takes the component type), or
     * {@code null} when the rule reads none.
     */
    private static Advice.OffsetMapping arguments(boolean needed) {
        return needed
                ? new Advice.OffsetMapping.ForAllArguments(TypeDescription.Generic.OBJECT, true, Assigner.Typing.DYNAMIC, false, false)
                : new Advice.OffsetMapping.ForStackManipulation(NullConstant.INSTANCE, OBJECT_ARRAY, OBJECT_ARRAY,
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
                diagnostics.matched(MethodNames.of(method));
            } else {
                problems.forEach(problem -> report(method, problem));
            }
        }
        return instrumented.isEmpty() ? builder : builder.visit(advice.to(CallAdvice.class).on(anyOf(instrumented)));
    }

    private void report(MethodDescription method, CaptureChecker.Problem problem) {
        String line = settings.origin().at(problem.field()) + ": " + problem.message() + " (rule '" + settings.name()
                + "' does not instrument " + MethodNames.of(method) + ")";
        if (reported.add(line)) {
            log.error(line);
        }
    }
}
