package io.genscope.runtime.jmx;

import io.genscope.runtime.alerts.AlertCondition;
import io.genscope.runtime.alerts.AlertDefinition;
import io.genscope.runtime.alerts.AlertMonitor;
import io.genscope.runtime.alerts.AlertScope;
import io.genscope.runtime.testing.GeneratorLoop.Code;
import io.genscope.runtime.testing.GeneratorLoop.Request;
import io.genscope.runtime.time.ManualClock;
import org.junit.jupiter.api.Test;

import javax.management.JMException;
import javax.management.MBeanNotificationInfo;
import javax.management.Notification;
import javax.management.NotificationBroadcaster;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.genscope.runtime.testing.GenscopeMBeans.name;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Alerts MBean on an MBean server: registered only when an alert is configured, its
 * notifications declared in its MBean info (what JConsole's Notifications tab lists) and sent
 * once per change with the logged line and the alert's row as user data.
 */
class AlertsMBeanTest {

    private static final ObjectName ALERTS = name("type=Alerts");
    private static final String ALERT = "generation-failure-rate/generate";

    private final JmxFixture jmx = new JmxFixture();
    private final List<Notification> received = new CopyOnWriteArrayList<>();

    private AlertMonitor startWithAnAlert() throws JMException {
        AlertMonitor monitor = jmx.alerts(new AlertDefinition(AlertCondition.GENERATION_FAILURE_RATE,
                AlertScope.GENERATOR, 0.5, 0.2, Duration.ofMinutes(5), 4));
        jmx.start();
        jmx.server.addNotificationListener(ALERTS, (notification, handback) -> received.add(notification), null, null);
        return monitor;
    }

    private void generations(int failures, int successes) throws Exception {
        for (int i = 0; i < failures + successes; i++) {
            boolean fails = i < failures;
            try {
                jmx.loop.generate(Request.of("gpt-4"), () -> {
                    if (fails) {
                        throw new IllegalStateException("overloaded");
                    }
                    return Code.of("x");
                });
            } catch (IllegalStateException expected) {
                // failed as asked
            }
        }
    }

    private CompositeData row(String alert) throws JMException {
        return (CompositeData) ((TabularData) jmx.server.getAttribute(ALERTS, "Alerts")).get(new Object[] {alert}).get("value");
    }

    @Test
    void noAlertNoAlertsMBean() {
        jmx.alerts();
        jmx.start();

        assertThat(jmx.registered()).doesNotContain(ALERTS).isNotEmpty();
    }

    @Test
    void theMBeanInfoDeclaresTheFiredAndRecoveredNotifications() throws JMException {
        startWithAnAlert();

        MBeanNotificationInfo[] notifications = jmx.server.getMBeanInfo(ALERTS).getNotifications();

        assertThat(notifications).flatExtracting(info -> List.of(info.getNotifTypes()))
                .containsExactly("io.genscope.alert.fired", "io.genscope.alert.recovered");
        assertThat(notifications).allSatisfy(info -> {
            assertThat(info.getName()).isEqualTo(Notification.class.getName());
            assertThat(info.getDescription()).contains("min-samples");
        });
        assertThat(jmx.server.isInstanceOf(ALERTS, NotificationBroadcaster.class.getName())).isTrue();
    }

    @Test
    void eachAlertsStateIsARowOfTheAlertsAttribute() throws Exception {
        AlertMonitor monitor = startWithAnAlert();
        assertThat(row(ALERT).get("state")).isEqualTo("NOT_ENOUGH_DATA");

        generations(3, 1);
        monitor.evaluate();

        CompositeData firing = row(ALERT);
        assertThat(List.of(firing.get("state"), firing.get("value"), firing.get("samples"), firing.get("fireAbove"),
                firing.get("recoverBelow"), firing.get("windowSeconds"), firing.get("generator"), firing.get("since")))
                .containsExactly("FIRING", 0.75, 4L, 0.5, 0.2, 300L, "generate", ManualClock.START.toString());
        assertThat(jmx.server.getAttribute(ALERTS, "Firing")).isEqualTo(new String[] {ALERT});
        assertThat(jmx.server.getAttribute(ALERTS, "Evaluations")).isEqualTo(1L);
        assertThat(jmx.server.getAttribute(ALERTS, "EvaluationPeriodSeconds")).isEqualTo(1.0);
        assertThat(row("generation-failure-rate/generate-declared").get("state")).isEqualTo("NOT_ENOUGH_DATA");
    }

    @Test
    void firingAndRecoveringEachSendOneNotificationWithTheLoggedLineAndTheAlertsRow() throws Exception {
        AlertMonitor monitor = startWithAnAlert();
        generations(3, 1);
        monitor.evaluate();
        CompositeData firingRow = row(ALERT);
        monitor.evaluate();
        monitor.evaluate();

        assertThat(received).singleElement().satisfies(fired -> {
            assertThat(fired.getType()).isEqualTo("io.genscope.alert.fired");
            assertThat(fired.getSource()).isEqualTo(ALERTS);
            assertThat(fired.getMessage()).isEqualTo(jmx.loop.log.warnings().get(0)).startsWith("alert " + ALERT + " fired");
            assertThat(fired.getUserData()).isEqualTo(firingRow);
        });

        generations(0, 16);
        monitor.evaluate();

        assertThat(received).hasSize(2);
        Notification recovered = received.get(1);
        assertThat(recovered.getType()).isEqualTo("io.genscope.alert.recovered");
        assertThat(recovered.getMessage()).isEqualTo(jmx.loop.log.infos().get(0));
        assertThat(((CompositeData) recovered.getUserData()).get("state")).isEqualTo("OK");
        assertThat(recovered.getSequenceNumber()).isGreaterThan(received.get(0).getSequenceNumber());
        assertThat(jmx.server.getAttribute(ALERTS, "Firing")).isEqualTo(new String[0]);
    }
}
