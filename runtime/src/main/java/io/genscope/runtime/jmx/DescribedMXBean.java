package io.genscope.runtime.jmx;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.StandardMBean;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;

/**
 * An MXBean whose descriptions come from {@link Description} annotations on its interface, so
 * every attribute, operation and parameter explains itself in JConsole instead of showing the
 * JDK's placeholder text.
 */
final class DescribedMXBean extends StandardMBean {

    private final Class<?> type;

    <T> DescribedMXBean(T implementation, Class<T> type) {
        super(implementation, type, true);
        this.type = type;
    }

    @Override
    protected String getDescription(MBeanInfo info) {
        Description description = type.getAnnotation(Description.class);
        return description != null ? description.value() : super.getDescription(info);
    }

    @Override
    protected String getDescription(MBeanAttributeInfo info) {
        return method("get" + info.getName()).or(() -> method("is" + info.getName()))
                .map(m -> m.getAnnotation(Description.class))
                .map(Description::value)
                .orElseGet(() -> super.getDescription(info));
    }

    @Override
    protected String getDescription(MBeanOperationInfo info) {
        return operation(info).map(m -> m.getAnnotation(Description.class))
                .map(Description::value)
                .orElseGet(() -> super.getDescription(info));
    }

    @Override
    protected String getParameterName(MBeanOperationInfo op, MBeanParameterInfo param, int sequence) {
        return parameter(op, sequence).map(Description::name).filter(name -> !name.isEmpty())
                .orElseGet(() -> super.getParameterName(op, param, sequence));
    }

    @Override
    protected String getDescription(MBeanOperationInfo op, MBeanParameterInfo param, int sequence) {
        return parameter(op, sequence).map(Description::value)
                .orElseGet(() -> super.getDescription(op, param, sequence));
    }

    private Optional<Description> parameter(MBeanOperationInfo op, int sequence) {
        return operation(op).map(m -> m.getParameters()[sequence].getAnnotation(Description.class));
    }

    private Optional<Method> operation(MBeanOperationInfo info) {
        return Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(info.getName()) && m.getParameterCount() == info.getSignature().length)
                .findFirst();
    }

    private Optional<Method> method(String name) {
        return Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(name) && m.getParameterCount() == 0)
                .findFirst();
    }
}
