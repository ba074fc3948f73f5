package io.genscope.agent.capture;

import io.genscope.runtime.capture.PathRoot;
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
import java.util.stream.Collectors;

/**
 * Checks a rule's capture paths against a method the rule matched, before it is instrumented:
 * does the root exist ({@code this} on a static method, {@code return} on a void one,
 * {@code args[3]} of a two-parameter method), and does each step name a member of the declared
 * type? A path that cannot work is reported with its config field, for the weaving to leave the
 * method out or weave it without that capture, rather than failing on every call.
 *
 * <p>Where the declared type cannot decide (an interface, an abstract or non-final class, a map, a
 * type variable), the step is left to run-time resolution on the actual class. A {@code thrown}
 * path is checked against the exceptions the method declares.
 */
public final class CaptureChecker {

    /** The field of {@code success-when}, the one capture whose type is checked too. */
    private static final String SUCCESS_WHEN = "success-when";

    private CaptureChecker() {
    }

    /** A problem with one capture field of a rule on one method. */
    public record Problem(String field, String message) {
    }

    /**
     * The problems of {@code captures} on {@code method}. Binds nothing: see {@link #bind}.
     */
    public static List<Problem> check(MethodDescription method, RuleCaptures captures) {
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<String, PropertyPath> field : captures.callPaths().entrySet()) {
            PropertyPath path = field.getValue();
            problem(method, path).or(() -> field.getKey().equals(SUCCESS_WHEN) ? notBoolean(method, path) : Optional.empty())
                    .ifPresent(message -> problems.add(new Problem(field.getKey(), message)));
        }
        return problems;
    }

    /**
     * {@code success-when} must read a boolean or {@code Boolean}; a type the declared types leave
     * open (an {@code Object}, an interface's method) is checked on each call instead.
     */
    private static Optional<String> notBoolean(MethodDescription method, PropertyPath path) {
        Either root = rootType(method, path);
        return Optional.ofNullable(root.type()).flatMap(type -> StepChecker.endType(type, path))
                .filter(type -> !type.represents(boolean.class) && !type.represents(Boolean.class)
                        && !type.represents(Object.class))
                .map(type -> "'" + path + "' is a " + type.getName() + " on " + MethodNames.of(method)
                        + "; success-when needs a boolean or Boolean");
    }

    private static Optional<String> problem(MethodDescription method, PropertyPath path) {
        if (path.root() == PathRoot.THROWN) {
            return thrownProblem(method, path);
        }
        Either root = rootType(method, path);
        return root.message() != null ? Optional.of(root.message()) : StepChecker.check(root.type(), path);
    }

    /**
     * A {@code thrown} path must work on one of the exceptions the method declares (a subclass of
     * one may add the member, so an open class passes). A method that declares none may still
     * throw unchecked exceptions of any class: the path is then left to run time, where it is
     * resolved on the actual exception's class.
     */
    private static Optional<String> thrownProblem(MethodDescription method, PropertyPath path) {
        List<TypeDescription> declared = method.getExceptionTypes().asErasures();
        if (declared.isEmpty()) {
            return Optional.empty();
        }
        for (TypeDescription exception : declared) {
            if (StepChecker.check(exception, path).isEmpty()) {
                return Optional.empty();
            }
        }
        return Optional.of("'" + path + "' reads no member of the exceptions " + MethodNames.of(method)
                + " declares (" + declared.stream().map(TypeDescription::getName).collect(Collectors.joining(", "))
                + "); check the spelling, or declare the exception that has it in the method's throws clause");
    }

    /**
     * Fixes the named parameters that {@code captures} read (all {@link #check checked} on
     * {@code method}) to their positions in it, once the method is sure to be instrumented with
     * them: a method left out fixes nothing, so it cannot turn away a later method of the rule
     * that has them elsewhere.
     *
     * @return the captures whose parameter another method, woven at the same time, fixed elsewhere
     */
    public static List<Problem> bind(MethodDescription method, RuleCaptures captures) {
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<String, PropertyPath> field : captures.callPaths().entrySet()) {
            PropertyPath path = field.getValue();
            if (path.parameterName() != null) {
                ParameterDescription parameter = named(method, path).orElseThrow(); // checked before
                if (!path.bindParameter(parameter.getIndex())) {
                    problems.add(new Problem(field.getKey(), boundElsewhere(method, path, parameter)));
                }
            }
        }
        return problems;
    }

    /** The declared type the path starts from, or why it has none on this method. */
    private static Either rootType(MethodDescription method, PropertyPath path) {
        return switch (path.root()) {
            case THIS -> method.isStatic()
                    ? Either.left("'" + path + "' reads 'this', but " + MethodNames.of(method) + " is static")
                    : Either.right(method.getDeclaringType().asErasure());
            case RETURN -> returnType(method, path);
            case ARGUMENT -> argumentType(method, path);
            case THROWN, ELEMENT -> Either.right(null);
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
    private record Either(String message, TypeDescription type) {

        static Either left(String message) {
            return new Either(message, null);
        }

        static Either right(TypeDescription type) {
            return new Either(null, type);
        }
    }
}
