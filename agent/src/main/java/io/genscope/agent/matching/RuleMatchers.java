package io.genscope.agent.matching;

import io.genscope.agent.config.ClassSelector;
import io.genscope.agent.config.OffLimitsClasses;
import io.genscope.agent.config.RuleSettings;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;
import net.bytebuddy.matcher.ElementMatcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isAnnotatedWith;
import static net.bytebuddy.matcher.ElementMatchers.isBridge;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isNative;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;

/**
 * Byte Buddy matchers for a rule's class and method selectors. They work on type descriptions
 * read from class files, so matching never loads or initialises a class of the host. Where a
 * class's name and its methods' declarations decide, the same answers come from a {@link
 * ClassOutline} too, without a type description.
 */
public final class RuleMatchers {

    private RuleMatchers() {
    }

    /**
     * The classes whose methods the rule may instrument, never a class of the JDK or of Genscope
     * ({@link OffLimitsClasses}). A glob or supertype never selects interfaces (they have no
     * bodies); a rule naming an interface selects it, so that the weaving can say it should be
     * {@code implements}.
     */
    public static ElementMatcher.Junction<TypeDescription> types(RuleSettings rule) {
        ClassSelector selector = rule.classSelector();
        ElementMatcher.Junction<TypeDescription> selected;
        if (selector instanceof ClassSelector.Named named) {
            selected = named(named.className());
        } else if (selector instanceof ClassSelector.Glob glob) {
            selected = where((TypeDescription type) -> glob.matches(type.getName())).and(not(isInterface()));
        } else {
            selected = hasSuperType(named(((ClassSelector.SubtypeOf) selector).typeName())).and(not(isInterface()));
        }
        return selected.and(where(type -> !OffLimitsClasses.contains(type.getName())));
    }

    /** The methods of a matched class the rule instruments: concrete, declared, selected by name etc. */
    public static ElementMatcher.Junction<MethodDescription> methods(RuleSettings rule) {
        ElementMatcher.Junction<MethodDescription> methods = isMethod()
                .and(not(isAbstract()))
                .and(not(isNative()))
                .and(not(isBridge()))
                .and(not(isSynthetic()))
                .and(where(method -> rule.matchesMethodName(method.getName())));
        if (rule.parameterTypes() != null) {
            List<String> expected = rule.parameterTypes();
            methods = methods.and(where(method -> expected.equals(method.getParameters().asTypeList().asErasures()
                    .stream().map(TypeDefinition::getActualName).toList())));
        }
        if (rule.annotation() != null) {
            methods = methods.and(isAnnotatedWith(named(rule.annotation())));
        }
        return methods;
    }

    /**
     * What {@link #types} answers for {@code type}, when its name and modifiers decide it ({@code
     * class:} and globs); empty when the supertypes do ({@code implements:}).
     */
    public static Optional<Boolean> selectsByName(RuleSettings rule, ClassOutline type) {
        ClassSelector selector = rule.classSelector();
        boolean selected;
        if (selector instanceof ClassSelector.Named named) {
            selected = type.name().equals(named.className());
        } else if (selector instanceof ClassSelector.Glob glob) {
            selected = glob.matches(type.name()) && !type.is(Opcodes.ACC_INTERFACE);
        } else {
            return Optional.empty();
        }
        return Optional.of(selected && !OffLimitsClasses.contains(type.name()));
    }

    /**
     * Whether {@link #methods} can be answered from a method's name, descriptor and modifiers:
     * not when the rule selects by annotation.
     */
    public static boolean methodsByDeclaration(RuleSettings rule) {
        return rule.annotation() == null;
    }

    /** What {@link #methods} answers for {@code method}, for a rule {@link #methodsByDeclaration selecting by declaration}. */
    public static boolean selects(RuleSettings rule, ClassOutline.Method method) {
        if (method.name().equals("<init>") || method.name().equals("<clinit>")
                || method.is(Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_BRIDGE | Opcodes.ACC_SYNTHETIC)
                || !rule.matchesMethodName(method.name())) {
            return false;
        }
        if (rule.parameterTypes() == null) {
            return true;
        }
        Type[] parameters = Type.getArgumentTypes(method.descriptor());
        List<String> names = new ArrayList<>(parameters.length);
        for (Type parameter : parameters) {
            names.add(parameter.getClassName());
        }
        return rule.parameterTypes().equals(names);
    }

    private static <T> ElementMatcher.Junction<T> where(Predicate<T> test) {
        return new ElementMatcher.Junction.AbstractBase<>() {
            @Override
            public boolean matches(T target) {
                return test.test(target);
            }
        };
    }
}
