package io.genscope.runtime.store;

import io.genscope.runtime.testing.TestSettings;
import io.genscope.runtime.time.ManualClock;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.genscope.runtime.testing.Records.generation;
import static io.genscope.runtime.testing.Records.successUsing;
import static io.genscope.runtime.testing.Threads.runToEnd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Dependencies are counted per thread and dimension, and merged when a thread moves on: where
 * each one is counted, and how the cap holds for a thread and for the merged counts.
 */
class DependencyCountsTest {

    private static final int CAP = 4;

    private final ManualClock clock = new ManualClock();
    private final TelemetryStore store = new TelemetryStore(
            TestSettings.defaults().maxDependencies(CAP).build(), 2, clock, model -> { });

    private Map<String, Long> dependencies(Dimension dimension) {
        return store.totals(store.settings().retention(), dimension).dependencies();
    }

    /** Settles the current slice: this thread moves on to the next one. */
    private void moveOn() {
        clock.advance(store.settings().resolution());
        successUsing(store, "m");
    }

    @Test
    void aSuccessfulGenerationCountsItsDependenciesForItsRuleItsModelAndOverall() {
        successUsing(store, "m", "java.util", "java.io");
        successUsing(store, "m", "java.util");

        Map<String, Long> expected = Map.of("java.util", 2L, "java.io", 1L);
        assertThat(dependencies(Dimension.all())).isEqualTo(expected);
        assertThat(dependencies(Dimension.rule(0))).isEqualTo(expected);
        assertThat(dependencies(Dimension.model("m"))).isEqualTo(expected);
        assertThat(dependencies(Dimension.rule(1))).isEmpty();
        assertThat(dependencies(Dimension.model("other"))).isEmpty();
    }

    @Test
    void aValidationOutsideAnyGenerationCountsItsDependenciesOverallOnly() {
        ValidationRecord validation = new ValidationRecord();
        validation.begin("compile", 0);
        validation.detectedDependencies = List.of("java.net");
        store.validationCompleted(store.currentThread(), null, validation, clock.monotonicNanos());
        store.validationCompleted(store.currentThread(), null, validation, clock.monotonicNanos());

        assertThat(dependencies(Dimension.all())).containsOnly(entry("java.net", 2L));
        assertThat(dependencies(Dimension.rule(0))).isEmpty();
    }

    @Test
    void countsMovedToTheSliceWhenTheirThreadMovesOnAreKeptExactly() {
        for (int i = 0; i < 3; i++) {
            successUsing(store, "m", "a", "b");
        }
        moveOn();

        assertThat(dependencies(Dimension.all())).containsOnly(entry("a", 3L), entry("b", 3L));
        assertThat(dependencies(Dimension.model("m"))).containsOnly(entry("a", 3L), entry("b", 3L));
    }

    @Test
    void eachThreadCountsUpToTheCapAndTheSliceFoldsWhatItMergesPastTheCap() throws Exception {
        long now = clock.monotonicNanos();
        runToEnd(() -> successUsing(store, "m", "a", "b", "c"));
        // this thread's joining the slice merges the one that ended before it: a, b and c
        runToEnd(() -> successUsing(store, "m", "d", "e", "f"));

        assertThat(dependencies(Dimension.all()))
                .as("one thread merged, one live, each under the cap")
                .containsOnly(entry("a", 1L), entry("b", 1L), entry("c", 1L),
                        entry("d", 1L), entry("e", 1L), entry("f", 1L));

        runToEnd(() -> { // joining merges the second thread: d fills the cap, e and f fold
            GenerationRecord generation = generation("m");
            store.generationStarted(store.currentThread(), generation, now);
            store.generationCompleted(store.currentThread(), generation, now);
        });

        assertThat(dependencies(Dimension.all())).containsOnly(entry("a", 1L), entry("b", 1L), entry("c", 1L),
                entry("d", 1L), entry(KeyedCounter.OTHER, 2L));
    }

    @Test
    void aThreadPastTheCapCountsTheRestUnderOther() {
        successUsing(store, "m", "a", "b", "c", "d", "e", "f");
        successUsing(store, "m", "f", "a");

        assertThat(dependencies(Dimension.all())).containsOnly(entry("a", 2L), entry("b", 1L), entry("c", 1L),
                entry("d", 1L), entry(KeyedCounter.OTHER, 3L));
    }

    @Test
    void absorbingATallyFoldsWhatGoesPastTheCap() {
        KeyTally into = new KeyTally(3);
        into.increment("a");
        into.increment("b");
        KeyTally other = new KeyTally(3);
        other.increment("b");
        other.increment("c");
        other.increment("d");
        other.increment("d");

        into.absorb(other);

        KeyedSums sums = new KeyedSums();
        into.addTo(sums);
        assertThat(sums.toMap()).containsOnly(entry("a", 1L), entry("b", 2L), entry("c", 1L),
                entry(KeyedCounter.OTHER, 2L));
    }

    @Test
    void aTallyThatGrowsKeepsEveryKeyWithItsCount() {
        KeyTally tally = new KeyTally(1_000);
        for (int key = 0; key < 300; key++) {
            for (int n = 0; n <= key % 7; n++) {
                tally.increment("dep." + key);
            }
        }

        KeyedSums sums = new KeyedSums();
        tally.addTo(sums);

        assertThat(sums.toMap()).hasSize(300);
        for (int key = 0; key < 300; key++) {
            assertThat(sums.toMap()).containsEntry("dep." + key, (long) (key % 7 + 1));
        }
    }
}
