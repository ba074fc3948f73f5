package io.genscope.agent.capture;

import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDefinition;

import java.util.StringJoiner;

/** Readable method signatures for messages and the Diagnostics MBean: {@code a.b.C#m(String, int)}. */
public final class MethodNames {

    private MethodNames() {
    }

    public static String of(MethodDescription method) {
        StringJoiner parameters = new StringJoiner(", ", "(", ")");
        for (TypeDefinition parameter : method.getParameters().asTypeList().asErasures()) {
            String name = parameter.getActualName();
            parameters.add(name.substring(name.lastIndexOf('.') + 1));
        }
        return method.getDeclaringType().asErasure().getName() + "#" + method.getName() + parameters;
    }
}
