package io.genscope.runtime.store;

import io.genscope.runtime.testing.TestSettings;
import io.genscope.runtime.time.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.genscope.runtime.testing.Records.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

/**
 * Which slices a query covers: 10 s slices, a 30 s default window (3 slices) and 60 s retention (a
 * ring of 6 slices), driven by a manual clock that starts at the beginning of a slice.
 */
class TelemetryStoreWindowTest {

    private static final Duration RESOLUTION = Duration.ofSeconds(10);
    private static final Duration WINDOW = Duration.ofSeconds(30);
    private static final Duration RETENTION = Duration.ofSeconds(60);
    private static final Instant SLICE_START = ManualClock.START;

    /** Starts an hour early, so tests can record just before the slice boundary they examine. */
    private final ManualClock clock = new ManualClock().setWall(SLICE_START.minus(Duration.ofHours(1)));
    private final TelemetryStore store = new TelemetryStore(
            TestSettings.slices(RESOLUTION, WINDOW, RETENTION).eventRingSize(100).build(), 1, clock, model -> { });

    private long generations(Duration window) {
        return store.totals(window, Dimension.all()).generations();
    }

    private void recordAt(Instant wall, int generations) {
        clock.moveTo(wall);
        for (int i = 0; i < generations; i++) {
            success(store, "m", Duration.ZERO);
        }
    }

    @Test
    void windowCoversTheCurrentSliceAndTheSlicesBeforeItButNotTheOneBeforeTheFirst() {
        recordAt(SLICE_START.minusMillis(1), 1);
        recordAt(SLICE_START, 10);

        clock.moveTo(SLICE_START.plus(WINDOW).minusMillis(1));

        assertThat(generations(WINDOW)).isEqualTo(10);
        assertThat(generations(WINDOW.plus(RESOLUTION))).isEqualTo(11);
    }

    @Test
    void windowIsRoundedUpToWholeSlices() {
        recordAt(SLICE_START, 1);
        clock.moveTo(SLICE_START.plus(RESOLUTION));

        assertThat(generations(Duration.ofSeconds(10))).isZero();
        assertThat(generations(Duration.ofSeconds(11))).isEqualTo(1);
    }

    @Test
    void windowLongerThanTheRetentionIsCappedAtTheRetention() {
        recordAt(SLICE_START, 1);

        clock.moveTo(SLICE_START.plus(RETENTION).minusMillis(1));
        assertThat(generations(Duration.ofDays(1))).isEqualTo(1);

        clock.moveTo(SLICE_START.plus(RETENTION));
        assertThat(generations(Duration.ofDays(1))).isZero();
    }

    @Test
    void nothingIsReportedOnceTheRetentionHasPassed() {
        recordAt(SLICE_START, 3);
        assertThat(store.events(100)).isNotEmpty();
        assertThat(store.models(RETENTION)).containsExactly("m");

        clock.advance(RETENTION.plus(RESOLUTION));

        assertThat(store.totals(RETENTION, Dimension.all()).completed()).isZero();
        assertThat(store.totals(RETENTION, Dimension.model("m")).generations()).isZero();
        assertThat(store.events(100)).isEmpty();
        assertThat(store.models(RETENTION)).isEmpty();
    }

    @Test
    void ringReusesItsSlotsSoOnlyTheRetentionIsReportedAfterManyRotations() {
        int slices = 3 * (int) (RETENTION.toMillis() / RESOLUTION.toMillis());
        for (int slice = 0; slice < slices; slice++) {
            recordAt(SLICE_START.plus(RESOLUTION.multipliedBy(slice)), slice + 1);
        }

        // slices 12..17 hold 13..18 generations; everything older was in the slots they reuse
        assertThat(generations(RETENTION)).isEqualTo(13 + 14 + 15 + 16 + 17 + 18);
        assertThat(generations(WINDOW)).isEqualTo(16 + 17 + 18);
        assertThat(generations(RESOLUTION)).isEqualTo(18);
    }

    @Test
    void ringKeepsCountingAfterAGapLongerThanTheRetention() {
        recordAt(SLICE_START, 5);
        recordAt(SLICE_START.plus(RETENTION.multipliedBy(10)), 2);

        assertThat(generations(RETENTION)).isEqualTo(2);
    }

    @Test
    void wallClockStepsNeitherMoveNorLoseCounts() {
        recordAt(SLICE_START.plus(RESOLUTION), 1);
        clock.setWall(SLICE_START.minus(RETENTION));
        success(store, "m", Duration.ZERO);
        clock.setWall(SLICE_START.plus(RETENTION.multipliedBy(2)));
        success(store, "m", Duration.ZERO);

        assertThat(generations(RESOLUTION)).as("slices follow the monotonic clock").isEqualTo(3);
    }

    @Test
    void resetForgetsCountsAndEventsAndLaterRecordsCountFromZero() {
        recordAt(SLICE_START, 4);

        store.reset();

        assertThat(generations(RETENTION)).isZero();
        assertThat(store.events(100)).isEmpty();
        assertThat(store.models(RETENTION)).isEmpty();

        recordAt(SLICE_START, 1);
        assertThat(generations(RETENTION)).isEqualTo(1);
        assertThat(store.events(100)).hasSize(2);
    }

    @Test
    void durationsOfSeveralSlicesMergeIntoOneDistribution() {
        clock.moveTo(SLICE_START);
        success(store, "m", Duration.ofMillis(100));
        clock.advance(RESOLUTION);
        success(store, "m", Duration.ofMillis(300));

        DurationDistribution merged = store.totals(WINDOW, Dimension.all()).generationTime();

        assertThat(merged.count()).isEqualTo(2);
        assertThat(merged.meanNanos()).isEqualTo(200_000_000.0);
        assertThat(merged.maxNanos()).isEqualTo(300_000_000L);
        assertThat(merged.quantileNanos(0.5)).isCloseTo(100_000_000.0, withinPercentage(3.2));
    }

    @Test
    void theTopBucketOfADistributionIsMergedWhetherItsSliceIsLiveOrRetired() {
        // the top of a bucket's range: the middle of the bucket, which percentiles report, lies
        // 1.6 % below it, and is reported only if the bucket holding the maximum is merged
        long top = (1L << 27) - 1;
        double middle = ((31L << 22) + (32L << 22) - 1) / 2.0;
        clock.moveTo(SLICE_START);
        for (int i = 0; i < 3; i++) {
            success(store, "m", Duration.ofNanos(top));
        }
        assertThat(store.totals(WINDOW, Dimension.all()).generationTime().quantileNanos(0.5))
                .as("live").isEqualTo(middle);

        clock.advance(RESOLUTION);
        success(store, "m", Duration.ZERO);

        assertThat(store.totals(WINDOW, Dimension.all()).generationTime().quantileNanos(0.9))
                .as("retired").isEqualTo(middle);
    }
}
