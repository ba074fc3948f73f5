package io.genscope.agent.it.alerts;

import io.genscope.agent.it.SecuredJmx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import javax.management.MBeanNotificationInfo;
import javax.management.MBeanServerConnection;
import javax.management.Notification;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import javax.management.remote.JMXConnector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.genscope.agent.it.alerts.AlertsHostLaunch.ALERT;
import static io.genscope.agent.it.alerts.AlertsHostLaunch.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * An in-JVM alert end to end: {@link AlertsHost} with the agent and the JVM's own password-protected
 * remote JMX, its generation failure rate driven under, over, between and under the thresholds
 * again; a {@code NotificationListener} connected as the {@code readonly} user receives the fired
 * and the recovered notification, the host's stderr has one line for each, and the alert's state
 * is read as an attribute by that same user.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AlertsIT {

    private static final ObjectName ALERTS = name("io.genscope:type=Alerts");

    private AlertsHostLaunch host;
    private JMXConnector connector;
    private MBeanServerConnection operator;
    private final BlockingQueue<Notification> notifications = new LinkedBlockingQueue<>();
    private final List<Notification> received = new ArrayList<>();

    @BeforeAll
    void startTheHostAndListenAsTheReadonlyUser(@TempDir Path directory) throws Exception {
        SecuredJmx jmx = new SecuredJmx(directory);
        host = AlertsHostLaunch.start(directory, jmx.jvmFlags());
        connector = jmx.connect(SecuredJmx.READONLY_USER, SecuredJmx.READONLY_PASSWORD);
        operator = connector.getMBeanServerConnection();
        await().atMost(PATIENCE).until(() -> operator.isRegistered(ALERTS));
        operator.addNotificationListener(ALERTS, (notification, handback) -> notifications.add(notification), null,
                null);
    }

    @AfterAll
    void stop() throws Exception {
        if (connector != null) {
            connector.close();
        }
        if (host != null) {
            host.close();
        }
    }

    private static ObjectName name(String name) {
        try {
            return new ObjectName(name);
        } catch (Exception e) {
            throw new IllegalArgumentException(name, e);
        }
    }

    /** The alert's row of the Alerts attribute, read by the readonly user. */
    private CompositeData alert() throws Exception {
        return (CompositeData) ((TabularData) operator.getAttribute(ALERTS, "Alerts")).get(new Object[] {ALERT})
                .get("value");
    }

    /** Waits until an evaluation has seen {@code samples} generations, and gives the alert's row then. */
    private CompositeData evaluatedWith(long samples) throws Exception {
        await().atMost(PATIENCE).until(() -> (Long) alert().get("samples") == samples);
        return alert();
    }

    private long evaluations() throws Exception {
        return (Long) operator.getAttribute(ALERTS, "Evaluations");
    }

    private Notification nextNotification() throws InterruptedException {
        Notification notification = notifications.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(notification).as("a notification within " + PATIENCE).isNotNull();
        received.add(notification);
        return notification;
    }

    @Test
    @Order(1)
    void theNotificationsAreDeclaredForJConsoleAndTheReadonlyUserMayReadAndListenOnly() throws Exception {
        MBeanNotificationInfo[] declared = operator.getMBeanInfo(ALERTS).getNotifications();

        assertThat(declared).flatExtracting(info -> List.of(info.getNotifTypes()))
                .containsExactly("io.genscope.alert.fired", "io.genscope.alert.recovered");
        assertThat(operator.isInstanceOf(ALERTS, "javax.management.NotificationBroadcaster")).isTrue();
        assertThat(operator.getMBeanInfo(ALERTS).getOperations()).isEmpty();
        assertThatThrownBy(() -> operator.invoke(name("io.genscope:type=Telemetry"), "reset", new Object[0],
                new String[0])).isInstanceOf(SecurityException.class);
    }

    @Test
    @Order(2)
    void anIdleJvmAndATinySampleNeverFire() throws Exception {
        long before = evaluations();
        await().atMost(PATIENCE).until(() -> evaluations() >= before + 2);
        assertThat(alert().get("state")).isEqualTo("NOT_ENOUGH_DATA");
        assertThat(alert().get("samples")).isEqualTo(0L);

        host.run(5, true);

        CompositeData fiveFailures = evaluatedWith(5);
        assertThat(fiveFailures.get("value")).isEqualTo(1.0);
        assertThat(fiveFailures.get("state")).isEqualTo("NOT_ENOUGH_DATA");
        assertThat(notifications).isEmpty();
        assertThat(host.stderrWith("alert ")).isEmpty();
    }

    @Test
    @Order(3)
    void crossingTheThresholdFiresOneNotificationAndOneWarnLine() throws Exception {
        host.run(10, true);

        Notification fired = nextNotification();
        assertThat(fired.getType()).isEqualTo("io.genscope.alert.fired");
        assertThat(fired.getSource()).isEqualTo(ALERTS);
        assertThat(fired.getMessage()).matches("alert " + ALERT + " fired: generation failure rate 1 > 0\\.5 over the"
                + " last 5m \\(1[0-5] completed generations, at least 10 needed\\); it recovers below 0\\.2");
        CompositeData data = (CompositeData) fired.getUserData();
        assertThat(List.of(data.get("alert"), data.get("state"), data.get("value"), data.get("fireAbove"),
                data.get("recoverBelow"), data.get("windowSeconds"), data.get("minSamples"), data.get("unit")))
                .containsExactly(ALERT, "FIRING", 1.0, 0.5, 0.2, 300L, 10, "fraction");
        assertThat((Long) data.get("samples")).isBetween(10L, 15L);

        assertThat(host.awaitStderr(" fired: ")).isEqualTo("[genscope] WARN " + fired.getMessage());
        assertThat(evaluatedWith(15).get("state")).isEqualTo("FIRING");
        assertThat((String[]) operator.getAttribute(ALERTS, "Firing")).containsExactly(ALERT);
    }

    @Test
    @Order(4)
    void betweenTheThresholdsTheAlertKeepsFiring() throws Exception {
        host.run(20, false);

        CompositeData between = evaluatedWith(35);
        assertThat((Double) between.get("value")).isEqualTo(15 / 35.0);
        assertThat(between.get("state")).isEqualTo("FIRING");
        assertThat(notifications).isEmpty();
    }

    @Test
    @Order(5)
    void goingUnderTheRecoveryThresholdRecoversWithOneNotificationAndOneLine() throws Exception {
        host.run(45, false);

        Notification recovered = nextNotification();
        assertThat(recovered.getType()).isEqualTo("io.genscope.alert.recovered");
        assertThat(recovered.getMessage()).matches("alert " + ALERT + " recovered: generation failure rate 0\\.1\\d+"
                + " < 0\\.2 over the last 5m \\((7[6-9]|80) completed generations, at least 10 needed\\)");
        assertThat(((CompositeData) recovered.getUserData()).get("state")).isEqualTo("OK");
        assertThat(host.awaitStderr(" recovered: ")).isEqualTo("[genscope] INFO " + recovered.getMessage());
        assertThat(evaluatedWith(80).get("state")).isEqualTo("OK");
        assertThat((String[]) operator.getAttribute(ALERTS, "Firing")).isEmpty();
    }

    @Test
    @Order(6)
    void eachChangeIsOneLineAndOneNotificationNeverOnePerEvaluation() throws Exception {
        long before = evaluations();
        await().atMost(PATIENCE).until(() -> evaluations() >= before + 3);

        assertThat(host.stderrWith("alert " + ALERT)).hasSize(2);
        assertThat(notifications).isEmpty();
        assertThat(received).extracting(Notification::getType)
                .containsExactly("io.genscope.alert.fired", "io.genscope.alert.recovered");
        assertThat(received.get(1).getSequenceNumber()).isGreaterThan(received.get(0).getSequenceNumber());
    }
}
