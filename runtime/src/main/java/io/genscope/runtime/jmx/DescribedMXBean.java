package io.genscope.runtime.jmx;

import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.Descriptor;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanException;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.ReflectionException;
import javax.management.RuntimeOperationsException;
import javax.management.StandardMBean;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An MXBean that explains itself in JConsole, VisualVM and Mission Control instead of showing the
 * JDK's placeholder text: the descriptions of the MBean, its attributes, operations and parameters
 * come from {@link Description} annotations on its interface; the items of its composite values and
 * the columns of its tables are described too (see {@link DescribedOpenTypes}), in the MBean info
 * and in the values read; and each operation declares its impact, {@code ACTION} for one marked
 * {@link Action}, {@code INFO} (a query) for every other.
 *
 * <p>Thread-safe: the described info and types are worked out once, when it is made.
 */
final class DescribedMXBean extends StandardMBean {

    private final Class<?> type;
    private final MBeanInfo info;
    /** The described open type of each attribute and operation result, by name. */
    private final Map<String, OpenType<?>> attributeTypes = new HashMap<>();
    private final Map<String, OpenType<?>> resultTypes = new HashMap<>();

    <T> DescribedMXBean(T implementation, Class<T> type) {
        super(implementation, type, true);
        this.type = type;
        try {
            this.info = described(super.getMBeanInfo());
        } catch (OpenDataException e) {
            throw new IllegalStateException("cannot describe the items of " + type.getName(), e);
        }
    }

    @Override
    public MBeanInfo getMBeanInfo() {
        return info;
    }

    @Override
    public Object getAttribute(String attribute) throws AttributeNotFoundException, MBeanException, ReflectionException {
        return rebuilt(super.getAttribute(attribute), attributeTypes.get(attribute));
    }

    @Override
    public AttributeList getAttributes(String[] attributes) {
        AttributeList values = super.getAttributes(attributes);
        AttributeList rebuilt = new AttributeList(values.size());
        for (Attribute value : values.asList()) {
            rebuilt.add(new Attribute(value.getName(), rebuilt(value.getValue(), attributeTypes.get(value.getName()))));
        }
        return rebuilt;
    }

    @Override
    public Object invoke(String operation, Object[] params, String[] signature) throws MBeanException, ReflectionException {
        return rebuilt(super.invoke(operation, params, signature), resultTypes.get(operation));
    }

    @Override
    protected int getImpact(MBeanOperationInfo info) {
        return operation(info).filter(m -> m.isAnnotationPresent(Action.class)).isPresent()
                ? MBeanOperationInfo.ACTION : MBeanOperationInfo.INFO;
    }

    /** {@code info} with every attribute's and operation's open type described. */
    private MBeanInfo described(MBeanInfo info) throws OpenDataException {
        MBeanAttributeInfo[] attributes = info.getAttributes().clone();
        for (int i = 0; i < attributes.length; i++) {
            MBeanAttributeInfo a = attributes[i];
            OpenType<?> described = DescribedOpenTypes.describe(a.getName(), openType(a.getDescriptor()));
            attributeTypes.put(a.getName(), described);
            attributes[i] = new MBeanAttributeInfo(a.getName(), a.getType(), a.getDescription(), a.isReadable(),
                    a.isWritable(), a.isIs(), DescribedOpenTypes.withOpenType(a.getDescriptor(), described));
        }
        MBeanOperationInfo[] operations = info.getOperations().clone();
        for (int i = 0; i < operations.length; i++) {
            MBeanOperationInfo o = operations[i];
            OpenType<?> described = DescribedOpenTypes.describe(o.getName(), openType(o.getDescriptor()));
            resultTypes.put(o.getName(), described);
            operations[i] = new MBeanOperationInfo(o.getName(), o.getDescription(), o.getSignature(), o.getReturnType(),
                    o.getImpact(), DescribedOpenTypes.withOpenType(o.getDescriptor(), described));
        }
        return new MBeanInfo(info.getClassName(), info.getDescription(), attributes, info.getConstructors(), operations,
                info.getNotifications(), info.getDescriptor());
    }

    /** The open type an MXBean's info gives an attribute or an operation's result. */
    private static OpenType<?> openType(Descriptor descriptor) {
        return (OpenType<?>) descriptor.getFieldValue("openType");
    }

    private static Object rebuilt(Object value, OpenType<?> type) {
        try {
            return type == null ? value : DescribedOpenTypes.rebuild(value, type);
        } catch (OpenDataException e) {
            throw new RuntimeOperationsException(new IllegalStateException(e), "cannot describe the items of " + type.getTypeName());
        }
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
