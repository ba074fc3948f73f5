package io.genscope.runtime.jmx;

import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.InvalidAttributeValueException;
import javax.management.ListenerNotFoundException;
import javax.management.MBeanException;
import javax.management.MBeanInfo;
import javax.management.MBeanNotificationInfo;
import javax.management.NotificationBroadcasterSupport;
import javax.management.NotificationEmitter;
import javax.management.NotificationFilter;
import javax.management.NotificationListener;
import javax.management.ReflectionException;

/**
 * A {@link DescribedMXBean} that also sends notifications: attributes and operations are the
 * described MXBean's, and its MBean info lists the notifications of {@code emitter}, which is
 * what makes JConsole show a Notifications node with their types and descriptions. (The JDK's
 * {@code StandardEmitterMBean} would list them too, but cannot take the descriptions.)
 *
 * <p>Thread-safe as far as the two halves are.
 */
final class EmittingMBean implements DynamicMBean, NotificationEmitter {

    private final DescribedMXBean described;
    private final NotificationBroadcasterSupport emitter;

    EmittingMBean(DescribedMXBean described, NotificationBroadcasterSupport emitter) {
        this.described = described;
        this.emitter = emitter;
    }

    @Override
    public MBeanInfo getMBeanInfo() {
        MBeanInfo info = described.getMBeanInfo();
        return new MBeanInfo(info.getClassName(), info.getDescription(), info.getAttributes(), info.getConstructors(),
                info.getOperations(), emitter.getNotificationInfo(), info.getDescriptor());
    }

    @Override
    public Object getAttribute(String attribute) throws AttributeNotFoundException, MBeanException, ReflectionException {
        return described.getAttribute(attribute);
    }

    @Override
    public void setAttribute(Attribute attribute)
            throws AttributeNotFoundException, InvalidAttributeValueException, MBeanException, ReflectionException {
        described.setAttribute(attribute);
    }

    @Override
    public AttributeList getAttributes(String[] attributes) {
        return described.getAttributes(attributes);
    }

    @Override
    public AttributeList setAttributes(AttributeList attributes) {
        return described.setAttributes(attributes);
    }

    @Override
    public Object invoke(String actionName, Object[] params, String[] signature) throws MBeanException, ReflectionException {
        return described.invoke(actionName, params, signature);
    }

    @Override
    public void addNotificationListener(NotificationListener listener, NotificationFilter filter, Object handback) {
        emitter.addNotificationListener(listener, filter, handback);
    }

    @Override
    public void removeNotificationListener(NotificationListener listener) throws ListenerNotFoundException {
        emitter.removeNotificationListener(listener);
    }

    @Override
    public void removeNotificationListener(NotificationListener listener, NotificationFilter filter, Object handback)
            throws ListenerNotFoundException {
        emitter.removeNotificationListener(listener, filter, handback);
    }

    @Override
    public MBeanNotificationInfo[] getNotificationInfo() {
        return emitter.getNotificationInfo();
    }
}
