package io.genscope.agent.capture;

import io.genscope.runtime.capture.PropertyPath;
import io.genscope.runtime.rule.RuleCaptures;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.method.ParameterDescription;
import net.bytebuddy.description.type.TypeDescription;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Checks a rule's capture paths against a method the rule matched, before it is instrumented:
 * does the root exist ({@code this} on a static method, {@code return} on a void one,
 * {@code args[3]} of a two-parameter method), and does each step name a member of the declared
 * type? A path that cannot work is reported with its config field, and the method is left
 * uninstrumented, rather than failing on every call.
 *
 * <p>Where the declared type cannot decide (an interface, an abstract or non-final class, a map, a
 * type variable), the step is left to run-time resolution on the actual class.
 */
public final class CaptureChecker {

    private CaptureChecker() {
    }

    /** A problem with one capture field of a rule on one method. */
    public record Problem(String field, String message) {
    }

    /**
     * The problems of {@code captures} on {@code method}; when there are none, the positions of
     * the named parameters they read are fixed to this method's. A method left uninstrumented
     * fixes nothing, so it cannot turn away a later method of the rule that has them elsewhere.
     */
    public static List<Problem> check(MethodDescription method, RuleCaptures captures) {
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<String, PropertyPath> field : captures.callPaths().entrySet()) {
            rootType(method, field.getValue())
                    .ifLeft(message -> problems.add(new Problem(field.getKey(), message)))
                    .ifRight(type -> StepChecker.check(type, field.getValue())
                            .ifPresent(message -> problems.add(new Problem(field.getKey(), message))));
        }
        if (problems.isEmpty()) {
            bindNamedParameters(method, captures, problems);
        }
        return problems;
    }

    /** Binds each named parameter to its position in {@code method}; another class woven at once may have won. */
    private static void bindNamedParameters(MethodDescription method, RuleCaptures captures, List<Problem> problems) {
        for (Map.Entry<String, PropertyPath> field : captures.callPaths().entrySet()) {
            PropertyPath path = field.getValue();
            if (path.parameterName() != null) {
                ParameterDescription parameter = named(method, path).orElseThrow(); // checked above
                if (!path.bindParameter(parameter.getIndex())) {
                    problems.add(new Problem(field.getKey(), boundElsewhere(method, path, parameter)));
                }
            }
        }
    }

    /** The declared type the path starts from, or why it has none on this method. */
    private static Either rootType(MethodDescription method, PropertyPath path) {
        return switch (path.root()) {
            case THIS -> method.isStatic()
                    ? Either.left("'" + path + "' reads 'this', but " + MethodNames.of(method) + " is static")
                    : Either.right(method.getDeclaringType().asErasure());
            case RETURN -> returnType(method, path);
            case THROWN -> Either.right(TypeDescription.ForLoadedType.of(Throwable.class));
            case ARGUMENT -> argumentType(method, path);
            case ELEMENT -> Either.right(null);
        };
    }

    /** The declared return type; for a future, unknown: captures read the value it completes with. */
    private static Either returnType(MethodDescription method, PropertyPath path) {
        TypeDescription type = method.getReturnType().asErasure();
        if (type.represents(void.class)) {
            return Either.left("'" + path + "' reads 'return', but " + MethodNames.of(method) + " returns void");
        }
        return Either.right(type.isAssignableTo(CompletionStage.class) ? null : type);
    }

    private static Either argumentType(MethodDescription method, PropertyPath path) {
        List<? extends ParameterDescription> parameters = method.getParameters();
        if (path.parameterName() != null) {
            Optional<? extends ParameterDescription> named = named(method, path);
            if (named.isEmpty()) {
                return Either.left("'" + path + "': " + MethodNames.of(method) + " has no parameter named '"
                        + path.parameterName() + "' (parameter names need javac -parameters; else use args[N])");
            }
            int bound = path.argumentIndex();
            if (bound >= 0 && bound != named.get().getIndex()) {
                return Either.left(boundElsewhere(method, path, named.get()));
            }
            return Either.right(named.get().getType().asErasure());
        }
        if (path.argumentIndex() >= parameters.size()) {
            return Either.left("'" + path + "': " + MethodNames.of(method) + " takes " + parameters.size()
                    + " parameter(s); valid are args[0] to args[" + (parameters.size() - 1) + "]");
        }
        return Either.right(parameters.get(path.argumentIndex()).getType().asErasure());
    }

    private static Optional<? extends ParameterDescription> named(MethodDescription method, PropertyPath path) {
        return method.getParameters().stream()
                .filter(p -> p.isNamed() && p.getName().equals(path.parameterName()))
                .findFirst();
    }

    private static String boundElsewhere(MethodDescription method, PropertyPath path, ParameterDescription parameter) {
        return "'" + path + "': parameter '" + path.parameterName() + "' is at position " + parameter.getIndex()
                + " in " + MethodNames.of(method)
                + " but elsewhere in another method of this rule; use args[N] or split the rule";
    }

    /** A message or a type (a {@code null} type means: decided at run time). */
    private record Either(String message, TypeDescription type, boolean isLeft) {

        static Either left(String message) {
            return new Either(message, null, true);
        }

        static Either right(TypeDescription type) {
            return new Either(null, type, false);
        }

        Either ifLeft(java.util.function.Consumer<String> action) {
            if (isLeft) {
                action.accept(message);
            }
            return this;
        }

        void ifRight(java.util.function.Consumer<TypeDescription> action) {
            if (!isLeft) {
                action.accept(type);
            }
        }
    }
}
