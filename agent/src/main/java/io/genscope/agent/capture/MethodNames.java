package io.genscope.agent.capture;

import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.jar.asm.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/** Readable method signatures for messages and the Diagnostics MBean: {@code a.b.C#m(String, int)}. */
public final class MethodNames {

    private MethodNames() {
    }

    public static String of(MethodDescription method) {
        List<String> parameters = new ArrayList<>();
        for (TypeDefinition parameter : method.getParameters().asTypeList().asErasures()) {
            parameters.add(parameter.getActualName());
        }
        return of(method.getDeclaringType().asErasure().getName(), method.getName(), parameters);
    }

    /** The same for a method read from its class file, with the JVM's descriptor. */
    public static String of(String className, String methodName, String descriptor) {
        List<String> parameters = new ArrayList<>();
        for (Type parameter : Type.getArgumentTypes(descriptor)) {
            parameters.add(parameter.getClassName());
        }
        return of(className, methodName, parameters);
    }

    private static String of(String className, String methodName, List<String> parameterNames) {
        StringJoiner parameters = new StringJoiner(", ", "(", ")");
        for (String name : parameterNames) {
            parameters.add(name.substring(name.lastIndexOf('.') + 1));
        }
        return className + "#" + methodName + parameters;
    }
}
