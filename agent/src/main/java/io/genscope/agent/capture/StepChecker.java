package io.genscope.agent.capture;

import io.genscope.runtime.capture.PropertyPath;
import io.genscope.runtime.capture.Step;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Walks a path's steps over declared types, as the runtime will over actual classes (a no-arg
 * method, then a getter, then a field), and says where it breaks for certain. It stops as soon
 * as the declared type no longer decides: an interface, an abstract or non-final class (a
 * subclass may add the member), a map (keys are data), or an erased type variable.
 */
final class StepChecker {

    private StepChecker() {
    }

    static Optional<String> check(TypeDescription start, PropertyPath path) {
        return Optional.ofNullable(walk(start, path).problem());
    }

    /**
     * The declared type {@code path} ends at from {@code start}, when the declared types decide
     * every step; empty when one does not (or the path breaks: see {@link #check}).
     */
    static Optional<TypeDescription> endType(TypeDescription start, PropertyPath path) {
        return Optional.ofNullable(walk(start, path).type());
    }

    private static Walk walk(TypeDescription start, PropertyPath path) {
        TypeDescription type = start;
        for (Step step : steps(path)) {
            if (type == null || undecided(type)) {
                return Walk.UNDECIDED;
            }
            if (type.isPrimitive()) {
                return Walk.broken("'" + path + "': cannot read '" + step + "' on a " + type.getName());
            }
            if (type.isArray()) {
                if (step.name().equals("length") && !step.invocation()) {
                    type = TypeDescription.ForLoadedType.of(int.class);
                    continue;
                }
                return Walk.broken("'" + path + "': an array only has 'length'");
            }
            Optional<TypeDescription> next = memberType(type, step);
            if (next.isEmpty()) {
                return Walk.broken("'" + path + "': '" + step + "' is not a field, getter or no-arg method of "
                        + type.getName() + "; check the spelling, or capture from another root");
            }
            type = next.get();
        }
        return new Walk(null, type);
    }

    /** Where a walk ended: a problem, or the type reached ({@code null} when undecided). */
    private record Walk(String problem, TypeDescription type) {

        static final Walk UNDECIDED = new Walk(null, null);

        static Walk broken(String problem) {
            return new Walk(problem, null);
        }
    }

    private static List<Step> steps(PropertyPath path) {
        String text = path.toString();
        int firstDot = text.indexOf('.');
        List<Step> steps = new ArrayList<>();
        if (firstDot < 0) {
            return steps;
        }
        for (String part : text.substring(firstDot + 1).split("\\.")) {
            boolean invocation = part.endsWith("()");
            steps.add(new Step(invocation ? part.substring(0, part.length() - 2) : part, invocation));
        }
        return steps;
    }

    private static boolean undecided(TypeDescription type) {
        try {
            return type.represents(Object.class)
                    || type.isInterface()
                    || type.isAbstract() && !type.isPrimitive() && !type.isArray()
                    || !type.isFinal() && !type.isRecord() && !type.isPrimitive() && !type.isArray()
                            && !type.getName().startsWith("java.")
                    || type.isAssignableTo(Map.class);
        } catch (RuntimeException unresolvable) {
            return true;
        }
    }

    private static Optional<TypeDescription> memberType(TypeDescription type, Step step) {
        List<String> names = new ArrayList<>(List.of(step.name()));
        if (!step.invocation()) {
            String capitalised = step.name().substring(0, 1).toUpperCase(Locale.ROOT) + step.name().substring(1);
            names.add("get" + capitalised);
            names.add("is" + capitalised);
        }
        try {
            for (String name : names) {
                Optional<TypeDescription> method = noArgMethod(type, name);
                if (method.isPresent()) {
                    return method;
                }
            }
            return step.invocation() ? Optional.empty() : field(type, step.name());
        } catch (RuntimeException unresolvable) {
            return Optional.of(TypeDescription.ForLoadedType.of(Object.class));
        }
    }

    private static Optional<TypeDescription> noArgMethod(TypeDescription type, String name) {
        List<TypeDefinition> pending = new ArrayList<>(List.of(type));
        while (!pending.isEmpty()) {
            TypeDefinition current = pending.remove(0);
            for (MethodDescription method : current.getDeclaredMethods()) {
                if (method.getName().equals(name) && method.getParameters().isEmpty() && !method.isStatic()
                        && !method.getReturnType().represents(void.class)) {
                    return Optional.of(method.getReturnType().asErasure());
                }
            }
            if (current.getSuperClass() != null) {
                pending.add(current.getSuperClass());
            }
            pending.addAll(current.getInterfaces());
        }
        return Optional.empty();
    }

    private static Optional<TypeDescription> field(TypeDescription type, String name) {
        for (TypeDefinition current = type; current != null; current = current.getSuperClass()) {
            for (FieldDescription field : current.getDeclaredFields()) {
                if (field.getName().equals(name) && !field.isStatic()) {
                    return Optional.of(field.getType().asErasure());
                }
            }
        }
        return Optional.empty();
    }
}
