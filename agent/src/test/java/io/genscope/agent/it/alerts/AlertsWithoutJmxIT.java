package io.genscope.agent.it.alerts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.genscope.agent.it.alerts.AlertsHostLaunch.ALERT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JVM that nobody looks at over JMX (no remote agent, so no platform MBean server and no Genscope
 * MBean) still evaluates its alerts and says on stderr when one fires and when it recovers.
 */
class AlertsWithoutJmxIT {

    @Test
    void alertsFireAndRecoverInTheLogWithoutAnyMBeanServer(@TempDir Path directory) throws Exception {
        try (AlertsHostLaunch host = AlertsHostLaunch.start(directory, List.of())) {
            host.run(12, true);
            assertThat(host.awaitStderr(" fired: ")).startsWith("[genscope] WARN alert " + ALERT + " fired:");

            host.run(60, false);
            assertThat(host.awaitStderr(" recovered: ")).startsWith("[genscope] INFO alert " + ALERT + " recovered:");
            assertThat(host.stderrWith("alert " + ALERT)).hasSize(2);
        }
    }
}
