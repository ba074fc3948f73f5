package io.genscope.runtime.jmx;

import io.genscope.runtime.testing.GeneratorLoop.Code;
import io.genscope.runtime.testing.GeneratorLoop.Request;
import io.genscope.runtime.testing.TestSettings;
import org.junit.jupiter.api.Test;

import javax.management.MBeanServerDelegate;
import javax.management.MBeanServerNotification;
import javax.management.Notification;
import javax.management.ObjectName;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static io.genscope.runtime.testing.GenscopeMBeans.named;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Model MBeans are registered and unregistered on Genscope's own thread, never on the thread that
 * records: the MBean server delivers its (un)registration notifications, to any listener the host
 * added, on the thread that (un)registers, and such host code must never run inside a host's call.
 */
class ModelMBeansThreadTest {

    private static final Duration RESOLUTION = Duration.ofSeconds(1);
    private static final Duration RETENTION = Duration.ofSeconds(3);

    private final JmxFixture jmx = new JmxFixture(TestSettings.slices(RESOLUTION, RETENTION, RETENTION).build());
    /** The threads a listener on the MBean server heard a Model MBean come or go on. */
    private final Set<String> notifiedOn = ConcurrentHashMap.newKeySet();

    @Test
    void modelMBeansComeAndGoOnGenscopesThreadNotOnTheRecordingThread() throws Exception {
        jmx.server.addNotificationListener(MBeanServerDelegate.DELEGATE_NAME, this::heard, null, null);
        jmx.start();

        generate("gpt-4");
        await().until(() -> jmx.server.isRegistered(named("Model", "gpt-4")));
        jmx.loop.clock.advance(RETENTION.plus(RESOLUTION));
        generate("claude");
        await().until(() -> !jmx.server.isRegistered(named("Model", "gpt-4"))
                && jmx.server.isRegistered(named("Model", "claude")));

        assertThat(notifiedOn).containsExactly(ModelMBeans.THREAD_NAME);
        assertThat(modelThreads()).isNotEmpty().allSatisfy(thread -> assertThat(thread.isDaemon()).isTrue());
    }

    @Test
    void noThreadIsStartedBeforeTheExporterIs() throws Exception {
        int before = modelThreads().size();

        generate("gpt-4");
        jmx.loop.clock.advance(RETENTION.plus(RESOLUTION));
        generate("claude");

        assertThat(modelThreads()).hasSize(before);
        assertThat(jmx.registered()).isEmpty();
    }

    private void heard(Notification notification, Object handback) {
        if (notification instanceof MBeanServerNotification change
                && "Model".equals(change.getMBeanName().getKeyProperty("type"))) {
            notifiedOn.add(Thread.currentThread().getName());
        }
    }

    private void generate(String model) throws Exception {
        jmx.loop.generate(Request.of(model), () -> Code.of("x"));
    }

    /** The live threads named as the exporter names its own; other tests' exporters may have started some. */
    private static List<Thread> modelThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals(ModelMBeans.THREAD_NAME)).toList();
    }
}
