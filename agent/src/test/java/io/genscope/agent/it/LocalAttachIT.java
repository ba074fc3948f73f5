package io.genscope.agent.it;

import com.sun.tools.attach.VirtualMachine;
import org.junit.jupiter.api.Test;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What JConsole and VisualVM do with a local process: attach, start the JVM's local management
 * agent, connect. The sample runs with no JMX flag at all, so nothing has created the platform
 * MBean server before the attach; Genscope's MBeans must be there once it is.
 */
class LocalAttachIT {

    @Test
    void mBeansAppearWhenAJmxClientAttachesToAProcessThatNeverUsedJmx() throws Exception {
        try (ForkedJvm jvm = ForkedJvm.start(List.of(SampleLaunch.agentFlag(SampleLaunch.SAMPLE_CONFIG)),
                SampleLaunch.JAR.mainArgs(List.of("--keep-running")))) {
            GroundTruth truth = GroundTruth.parse(jvm.awaitLine(GroundTruth.PREFIX, Duration.ofMinutes(2)));

            VirtualMachine vm = VirtualMachine.attach(Long.toString(jvm.pid()));
            String address;
            try {
                address = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
            try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address))) {
                MBeanServerConnection connection = connector.getMBeanServerConnection();
                assertThat(connection.queryNames(new ObjectName("io.genscope:*"), null))
                        .extracting(ObjectName::toString)
                        .contains(GenscopeMBeans.TELEMETRY, GenscopeMBeans.DIAGNOSTICS,
                                "io.genscope:type=Model,name=\"codex-mini\"");
                assertThat(new GenscopeMBeans(connection).longAttribute(GenscopeMBeans.TELEMETRY, "Generations"))
                        .isEqualTo(truth.generations());
            }
        }
    }
}
