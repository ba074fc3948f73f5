package io.genscope.agent.it.hostile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A host that names a new model in every call, at the finest resolution: Genscope keeps at most
 * {@code max-models} Model MBeans plus {@code (other)}, and a model's MBean goes once the model
 * has left the retention. Before, each slice admitted its own {@code max-models}, so the flood
 * registered an MBean per model and none ever went.
 */
class MemoryModelFloodIT {

    private static final String STORE = """
              resolution: 100ms
              window: 1s
              retention: 2s
              max-models: 3
            """;

    @TempDir
    Path directory;

    @Test
    void modelMBeansAreBoundedAndGoWhenTheirModelLeavesTheRetention() throws Exception {
        MemoryHostLaunch.Output without = MemoryHostLaunch.run(directory, null, List.of(), "models");
        MemoryHostLaunch.Output with = MemoryHostLaunch.run(directory, STORE, List.of(), "models");

        assertThat(with.host()).isEqualTo(without.host()).hasSize(1);
        assertThat(Integer.parseInt(with.probe("most model MBeans during the flood")))
                .as("3 models plus (other)").isBetween(1, 4);
        assertThat(with.probe("model MBeans after the retention")).isEqualTo("[steady]");
    }
}
