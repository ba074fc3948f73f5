package io.genscope.agent.it.hostile;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import java.util.Arrays;

/**
 * Everything a JMX client can read from Genscope: every attribute of every {@code io.genscope}
 * MBean and the result of every operation that returns something ({@code exportEvents}
 * included, asked for all events), as one text to search.
 */
public final class PrivacyMBeanText {

    private PrivacyMBeanText() {
    }

    public static String everything(MBeanServerConnection connection) throws Exception {
        StringBuilder text = new StringBuilder();
        for (ObjectName name : connection.queryNames(new ObjectName("io.genscope:*"), null)) {
            MBeanInfo info = connection.getMBeanInfo(name);
            text.append(name).append('\n');
            for (MBeanAttributeInfo attribute : info.getAttributes()) {
                text.append(attribute.getName()).append('=')
                        .append(render(connection.getAttribute(name, attribute.getName()))).append('\n');
            }
            for (MBeanOperationInfo operation : info.getOperations()) {
                if (operation.getReturnType().equals("void")) {
                    continue; // reset: changes, returns nothing
                }
                MBeanParameterInfo[] signature = operation.getSignature();
                Object[] arguments = Arrays.stream(signature).map(p -> argument(p.getType())).toArray();
                String[] types = Arrays.stream(signature).map(MBeanParameterInfo::getType).toArray(String[]::new);
                text.append(operation.getName()).append("()=")
                        .append(render(connection.invoke(name, operation.getName(), arguments, types))).append('\n');
            }
        }
        return text.toString();
    }

    /** A count (events, top errors) or a window in seconds large enough to cover everything. */
    private static Object argument(String type) {
        return switch (type) {
            case "int" -> 1_000_000;
            case "long" -> 3600L;
            default -> throw new IllegalArgumentException("no test argument for a parameter of type " + type);
        };
    }

    private static String render(Object value) {
        return value instanceof Object[] array ? Arrays.deepToString(array) : String.valueOf(value);
    }
}
