package io.genscope.runtime.jmx;

import io.genscope.runtime.alerts.AlertChange;
import io.genscope.runtime.alerts.AlertListener;
import io.genscope.runtime.alerts.AlertMonitor;
import io.genscope.runtime.alerts.AlertState;
import io.genscope.runtime.alerts.AlertStatus;

import javax.management.JMException;
import javax.management.MBeanNotificationInfo;
import javax.management.Notification;
import javax.management.NotificationBroadcasterSupport;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import javax.management.openmbean.CompositeData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@link AlertsMXBean}, read live from the {@link AlertMonitor}, and the notifications it
 * sends: {@value #FIRED} when an alert fires, {@value #RECOVERED} when it recovers. Each carries
 * the line Genscope logs as its message and, as its user data, the alert's row of the
 * {@code Alerts} attribute (the same open data, so a program reads both alike).
 *
 * <p>Thread-safe. Notifications are sent on the monitor's thread, to each listener in turn; a
 * remote listener's notification only goes into the JMX connector's buffer there.
 */
final class AlertsView extends NotificationBroadcasterSupport implements AlertsMXBean, AlertListener {

    static final String FIRED = "io.genscope.alert.fired";
    static final String RECOVERED = "io.genscope.alert.recovered";

    private static final MBeanNotificationInfo[] NOTIFICATIONS = {
        new MBeanNotificationInfo(new String[] {FIRED}, Notification.class.getName(),
                "An alert fired: its value went above fire-above over its window, with at least min-samples samples."
                        + " Message: the alert, value, threshold, window and samples; user data: the alert's row"
                        + " of the Alerts attribute"),
        new MBeanNotificationInfo(new String[] {RECOVERED}, Notification.class.getName(),
                "A firing alert recovered: its value went below recover-below with at least min-samples samples,"
                        + " or its window holds no sample at all (state NOT_ENOUGH_DATA). Message and user data as"
                        + " for " + FIRED),
    };

    private final AlertMonitor monitor;
    private final ObjectName source;
    private final AtomicLong sequence = new AtomicLong();

    /** @param source the MBean's name, the notifications' source */
    AlertsView(AlertMonitor monitor, ObjectName source) {
        super(NOTIFICATIONS);
        this.monitor = monitor;
        this.source = source;
    }

    @Override
    public Map<String, AlertStatus> getAlerts() {
        Map<String, AlertStatus> alerts = new LinkedHashMap<>();
        monitor.statuses().forEach(status -> alerts.put(status.alert(), status));
        return alerts;
    }

    @Override
    public List<String> getFiring() {
        return monitor.statuses().stream().filter(status -> status.state() == AlertState.FIRING)
                .map(AlertStatus::alert).toList();
    }

    @Override
    public double getEvaluationPeriodSeconds() {
        return monitor.evaluationPeriod().toMillis() / 1000.0;
    }

    @Override
    public long getEvaluations() {
        return monitor.evaluations();
    }

    @Override
    public void changed(AlertChange change) {
        Notification notification = new Notification(change.fired() ? FIRED : RECOVERED, source,
                sequence.incrementAndGet(), change.timeMillis(), change.message());
        notification.setUserData(openData(change.status()));
        sendNotification(notification);
    }

    /**
     * {@code status} as the MXBean mapping makes it for the {@code Alerts} attribute, made by that
     * mapping itself (through an MXBean that is never registered), so the two never differ.
     */
    private static CompositeData openData(AlertStatus status) {
        try {
            return (CompositeData) new StandardMBean((StatusMXBean) () -> status, StatusMXBean.class, true)
                    .getAttribute("Status");
        } catch (JMException e) {
            throw new IllegalStateException("AlertStatus has no open data form", e);
        }
    }

    /** The one attribute whose open data is a notification's user data; public, as the MXBean mapping requires. */
    public interface StatusMXBean {
        AlertStatus getStatus();
    }
}
