package io.genscope.agent.it.hostile;

import io.genscope.agent.it.SampleLaunch;
import io.genscope.agent.it.hostile.hosts.WeavingPluginHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An {@code implements:} rule remembers supertypes per class loader and name: the same class name
 * is a plugin in one plugin loader and not in another, and only the calls on plugins count.
 */
class WeavingImplementsIT {

    private static final String CONFIG = """
            rules:
              - name: plugins
                role: generation
                implements: fixture.weaving.Plugin
                method: generate
            """;

    @TempDir
    Path directory;

    @Test
    void theSameClassNameInTwoLoadersCountsOnlyWhereItIsASubtype() throws Exception {
        Path config = Files.writeString(directory.resolve("genscope.yaml"), CONFIG);
        List<String> host = List.of("-cp", SampleLaunch.TEST_CLASSES.toString(), WeavingPluginHost.class.getName(),
                SampleLaunch.TEST_CLASSES.toString());
        List<String> without = WeavingHosts.run(List.of(), host);
        List<String> with = WeavingHosts.run(List.of(SampleLaunch.agentFlag(config)), host);

        assertThat(WeavingHosts.hostLines(with)).isNotEmpty().isEqualTo(WeavingHosts.hostLines(without));
        assertThat(WeavingHosts.field(without, "host", "generations")).isEqualTo("2");
        assertThat(WeavingHosts.field(with, "genscope", "generations")).isEqualTo("2");
        assertThat(with).noneMatch(line -> line.startsWith("[genscope] ERROR") || line.startsWith("[genscope] WARN"));
    }
}
