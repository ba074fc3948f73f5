package io.genscope.runtime.store;

import io.genscope.runtime.testing.TestSettings;
import io.genscope.runtime.time.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.genscope.runtime.testing.Records.failure;
import static io.genscope.runtime.testing.Records.success;
import static io.genscope.runtime.testing.Records.successUsing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The totals since start cap their names per generator with the store's caps, and a name never
 * moves between series: once admitted it keeps its own counters, once past the cap it counts
 * under "(other)" for good, even where each slice, capped on its own, admitted it. Caps of 2;
 * 1 s slices, 2 s retention.
 */
class SinceStartCapsTest {

    private static final Duration RESOLUTION = Duration.ofSeconds(1);
    private static final Duration RETENTION = Duration.ofSeconds(2);
    private static final String OTHER = KeyedCounter.OTHER;

    private final ManualClock clock = new ManualClock();
    private final TelemetryStore store = new TelemetryStore(TestSettings.slices(RESOLUTION, RETENTION, RETENTION)
            .maxModels(2).maxDependencies(2).maxFailureTypes(2).maxErrorTypes(2).build(), 1, clock, model -> { });

    private CumulativeTotals.Generator generator() {
        return store.cumulative().generator(0);
    }

    @Test
    void modelsPastTheCapCountUnderOtherForGoodThoughALaterSliceAdmitsThem() {
        success(store, "m1", Duration.ZERO);
        success(store, "m2", Duration.ZERO);
        success(store, "m3", Duration.ZERO);
        assertThat(generator().models().keySet()).containsExactly("m1", "m2", OTHER);

        clock.advance(RESOLUTION);
        success(store, "m3", Duration.ZERO); // a slice of its own: m3 is admitted there
        success(store, "m1", Duration.ZERO);
        clock.advance(RETENTION.plus(RESOLUTION));

        assertThat(generator().models().keySet()).containsExactly("m1", "m2", OTHER);
        assertThat(generator().models().get("m1").successes()).isEqualTo(2);
        assertThat(generator().models().get(OTHER).successes()).isEqualTo(2);
    }

    @Test
    void aNameFirstSeenInAKeptSliceKeepsItsSeriesWhenOlderNamesAreFoldedLater() {
        successUsing(store, "m", "a");
        clock.advance(RESOLUTION);
        successUsing(store, "m", "b");
        assertThat(generator().dependencies()).containsExactly(entry("a", 1L), entry("b", 1L));

        clock.advance(RESOLUTION); // a's slice goes; c's slice takes its place in the ring, before b's
        successUsing(store, "m", "c");
        assertThat(generator().dependencies()).containsExactly(entry("a", 1L), entry("b", 1L), entry(OTHER, 1L));

        clock.advance(RETENTION.plus(RESOLUTION));
        store.reset();
        successUsing(store, "m", "c");
        assertThat(generator().dependencies()).containsExactly(entry("a", 1L), entry("b", 1L), entry(OTHER, 2L));
    }

    @Test
    void failureTypesPastTheCapFoldIntoOtherForGood() {
        failure(store, "m", "A");
        failure(store, "m", "B");
        store.reset();
        failure(store, "m", "C");
        failure(store, "m", "A");

        assertThat(generator().failureTypes()).containsExactly(entry("A", 2L), entry("B", 1L), entry(OTHER, 1L));
    }
}
