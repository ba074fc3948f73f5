package io.genscope.agent.it.hostile;

import io.genscope.agent.it.SampleLaunch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A glob never reaches the JDK or Genscope: {@code class: "*"} with {@code method: "get*"}
 * instrumented {@code java.lang.management.ManagementFactory}, so every JMX call of the host
 * counted as a generation. A rule naming JDK classes, exactly or by a glob that can only match
 * them, is refused with one line.
 */
class WeavingSelectionIT {

    private static final String CONFIG = """
            rules:
              - name: every-getter
                role: generation
                class: "*"
                method: "get*"
              - name: management-glob
                role: generation
                class: "java.lang.management.*"
                method: "get*"
              - name: management-class
                role: generation
                class: java.lang.management.ManagementFactory
                method: getRuntimeMXBean
            """;

    @TempDir
    Path directory;

    @Test
    void aGlobOverEveryClassCountsTheHostsGettersButNoJmxCall() throws Exception {
        Path config = Files.writeString(directory.resolve("genscope.yaml"), CONFIG);
        List<String> without = WeavingHosts.run(List.of());
        List<String> with = WeavingHosts.run(List.of(SampleLaunch.agentFlag(config)));

        assertThat(WeavingHosts.hostLines(with)).isEqualTo(WeavingHosts.hostLines(without));
        long getCalls = Long.parseLong(WeavingHosts.field(without, "host", "get-calls"));
        assertThat(WeavingHosts.field(with, "genscope", "generations")).isEqualTo(Long.toString(getCalls));
    }

    @Test
    void aRuleNamingJdkClassesIsRefusedWithOneLineEach() throws Exception {
        Path config = Files.writeString(directory.resolve("genscope.yaml"), CONFIG);
        List<String> with = WeavingHosts.run(List.of(SampleLaunch.agentFlag(config)));

        List<String> errors = with.stream().filter(line -> line.startsWith("[genscope] ERROR")).toList();
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0)).contains("genscope.yaml:8 rules[1].class", "java.lang.management.*",
                "never instruments");
        assertThat(errors.get(1)).contains("genscope.yaml:12 rules[2].class",
                "java.lang.management.ManagementFactory", "never instruments");
    }
}
