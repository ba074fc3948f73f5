package io.genscope.runtime.store;

import io.genscope.runtime.testing.Records;
import io.genscope.runtime.testing.TestSettings;
import io.genscope.runtime.time.ManualClock;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A thread's reusable records let go of the names of a call once the store has recorded it, so a
 * pooled thread that records no more keeps none of them past the retention.
 */
class RecordsLetGoTest {

    private final TelemetryStore store = new TelemetryStore(TestSettings.defaults().build(), 1, new ManualClock(),
            model -> { });

    @Test
    void aRecordedGenerationKeepsNoNames() {
        GenerationRecord generation = Records.generation("gpt-4");
        generation.projectId = "shop";
        generation.functionName = "createOrder";
        generation.failureType = "java.io.IOException";
        generation.dependencyNames.append("com.acme.lib");
        generation.dependencies = generation.dependencyNames;

        Records.record(store, generation);

        assertThat(Arrays.asList(names(generation))).containsOnlyNulls();
        assertThat(generation.dependencies).isEmpty();
        assertThat(store.events(10)).first().satisfies(event -> assertThat(event.model()).isEqualTo("gpt-4"));
    }

    @Test
    void aRecordedValidationKeepsNoDetectedNames() {
        ValidationRecord validation = new ValidationRecord();
        validation.begin("compile", 0);
        validation.ok = false;
        validation.detectedNames.append("com.acme.lib");
        validation.detectedDependencies = validation.detectedNames;

        store.validationCompleted(store.currentThread(), null, validation, store.clock().monotonicNanos());

        assertThat(validation.detectedDependencies).isEmpty();
        assertThat(store.events(10)).first().satisfies(event ->
                assertThat(event.dependencies()).containsExactly("com.acme.lib"));
    }

    private static Object[] names(GenerationRecord generation) {
        return new Object[] {generation.projectId, generation.model, generation.functionName, generation.failureType};
    }
}
