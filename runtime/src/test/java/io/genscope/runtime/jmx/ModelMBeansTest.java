package io.genscope.runtime.jmx;

import io.genscope.runtime.testing.GeneratorLoop.Code;
import io.genscope.runtime.testing.GeneratorLoop.Request;
import io.genscope.runtime.testing.TestSettings;
import org.junit.jupiter.api.Test;

import io.genscope.runtime.testing.GenscopeMBeans;
import java.time.Duration;
import java.util.List;

import static io.genscope.runtime.testing.GenscopeMBeans.name;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Model MBeans are bounded: at most {@code max-models} models plus {@code (other)} have one,
 * however many models the slices of the retention admit between them, and a model's MBean goes
 * once no slice still kept has data for it.
 */
class ModelMBeansTest {

    private static final Duration RESOLUTION = Duration.ofSeconds(1);
    private static final Duration RETENTION = Duration.ofSeconds(3);

    private final JmxFixture jmx = new JmxFixture(TestSettings.slices(RESOLUTION, RETENTION, RETENTION)
            .maxModels(2).build());

    @Test
    void atMostMaxModelsModelsAndOtherHaveAnMBeanAcrossTheSlicesKept() throws Exception {
        jmx.start();
        for (int slice = 0; slice < 3; slice++) {
            for (int model = 0; model < 4; model++) {
                generate("s" + slice + "m" + model);
            }
            jmx.loop.clock.advance(RESOLUTION);
        }

        await().untilAsserted(() -> assertThat(modelBeans()).containsExactlyInAnyOrder("s0m0", "s0m1", "(other)"));
    }

    @Test
    void aModelsMBeanGoesOnceItHasLeftTheRetentionAndTheNextOneTakesItsPlace() throws Exception {
        generate("old");
        jmx.start();
        await().untilAsserted(() -> assertThat(modelBeans()).containsExactly("old"));

        jmx.loop.clock.advance(RETENTION.plus(RESOLUTION));
        generate("new");

        await().untilAsserted(() -> assertThat(modelBeans()).containsExactly("new"));
    }

    private void generate(String model) throws Exception {
        jmx.loop.generate(Request.of(model), () -> Code.of("x"));
    }

    private List<String> modelBeans() {
        return jmx.server.queryNames(name("type=Model,*"), null).stream()
                .map(GenscopeMBeans::nameOf).toList();
    }
}
