package io.genscope.agent.capture;

import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDefinition;

import java.util.stream.Collectors;

/** Readable method signatures for messages and the Diagnostics MBean: {@code a.b.C#m(String, int)}. */
public final class MethodNames {

    private MethodNames() {
    }

    public static String of(MethodDescription method) {
        return method.getDeclaringType().asErasure().getName() + "#" + method.getName() + "("
                + method.getParameters().asTypeList().asErasures().stream()
                .map(TypeDefinition::getActualName)
                .map(name -> name.substring(name.lastIndexOf('.') + 1))
                .collect(Collectors.joining(", "))
                + ")";
    }
}
