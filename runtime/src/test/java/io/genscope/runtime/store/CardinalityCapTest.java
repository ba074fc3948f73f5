package io.genscope.runtime.store;

import io.genscope.runtime.testing.TestSettings;
import io.genscope.runtime.time.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static io.genscope.runtime.testing.Records.failedValidation;
import static io.genscope.runtime.testing.Records.failure;
import static io.genscope.runtime.testing.Records.success;
import static io.genscope.runtime.testing.Records.successUsing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Keyed counts stop growing at their cap: further keys fold into "(other)", and no count is lost
 * in the fold. Key {@code k<i>} is recorded {@code i + 1} times, in order, so the first keys
 * (those admitted) are known.
 */
class CardinalityCapTest {

    private static final int CAP = 3;
    private static final int KEYS = 10;
    /** 1 + 2 + ... + KEYS. */
    private static final long ALL = KEYS * (KEYS + 1) / 2;
    /** Counts of k3..k9, the keys past the cap. */
    private static final long FOLDED = ALL - (1 + 2 + 3);

    private final ManualClock clock = new ManualClock();
    /** Every announcement of the store's new-model listener, repeats included. */
    private final List<String> announced = new ArrayList<>();
    private final TelemetryStore store = new TelemetryStore(TestSettings.defaults()
            .maxErrorTypes(CAP).maxDependencies(CAP).maxFailureTypes(CAP).maxModels(CAP).build(),
            1, clock, announced::add);

    private static void eachKeyItsIndexPlusOneTimes(Consumer<String> record) {
        IntStream.range(0, KEYS).forEach(i -> IntStream.rangeClosed(0, i).forEach(n -> record.accept("k" + i)));
    }

    private TallyTotals totals(Dimension dimension) {
        return store.totals(store.settings().retention(), dimension);
    }

    private static Map<String, Long> foldedPastCap() {
        return Map.of("k0", 1L, "k1", 2L, "k2", 3L, KeyedCounter.OTHER, FOLDED);
    }

    @Test
    void errorTypesPastTheCapFoldIntoOtherWithTheirExactCount() {
        eachKeyItsIndexPlusOneTimes(type -> failedValidation(store, type));

        assertThat(totals(Dimension.all()).errorTypes()).isEqualTo(foldedPastCap());
        assertThat(totals(Dimension.all()).validationFailures()).isEqualTo(ALL);
    }

    @Test
    void dependenciesPastTheCapFoldIntoOtherWithTheirExactCount() {
        eachKeyItsIndexPlusOneTimes(dependency -> successUsing(store, "m", dependency));

        assertThat(totals(Dimension.all()).dependencies()).isEqualTo(foldedPastCap());
    }

    @Test
    void failureTypesPastTheCapFoldIntoOtherWithTheirExactCount() {
        eachKeyItsIndexPlusOneTimes(type -> failure(store, "m", type));

        assertThat(totals(Dimension.all()).failureTypes()).isEqualTo(foldedPastCap());
        assertThat(totals(Dimension.all()).failures()).isEqualTo(ALL);
    }

    @Test
    void modelsPastTheCapShareTheOtherTallyAndEveryGenerationIsStillCounted() {
        eachKeyItsIndexPlusOneTimes(model -> success(store, model, Duration.ZERO));

        assertThat(store.models(store.settings().retention())).containsExactly(KeyedCounter.OTHER, "k0", "k1", "k2");
        Map<String, Long> byModel = new HashMap<>();
        for (String model : store.models(store.settings().retention())) {
            byModel.put(model, totals(Dimension.model(model)).generations());
        }
        assertThat(byModel).isEqualTo(foldedPastCap());
        assertThat(totals(Dimension.model("k9")).generations()).isZero();
        assertThat(totals(Dimension.all()).generations()).isEqualTo(ALL);
        assertThat(announced).containsOnly("k0", "k1", "k2", KeyedCounter.OTHER);
    }

    @Test
    void eachModelIsAnnouncedOncePerSliceEvenPastTheCap() {
        eachKeyItsIndexPlusOneTimes(model -> success(store, model, Duration.ZERO));
        clock.advance(store.settings().resolution());
        success(store, "k0", Duration.ZERO);

        assertThat(announced).containsExactly("k0", "k1", "k2", KeyedCounter.OTHER, "k0");
    }

    @Test
    void capAppliesPerSliceSoANewSliceAdmitsNewKeys() {
        failedValidation(store, "a", "b", "c", "d");
        clock.advance(store.settings().resolution());
        failedValidation(store, "d");

        assertThat(totals(Dimension.all()).errorTypes())
                .containsOnly(entry("a", 1L), entry("b", 1L), entry("c", 1L), entry(KeyedCounter.OTHER, 1L),
                        entry("d", 1L));
    }

    @Test
    void keyedCounterAdmitsExactlyCapKeysBeforeFolding() {
        KeyedCounter counter = new KeyedCounter(2);
        counter.increment("x");
        counter.increment("y");
        counter.increment("z");
        counter.increment("x");
        counter.increment("z");

        KeyedSums sums = new KeyedSums();
        counter.addTo(sums);

        assertThat(sums.toMap()).containsOnly(entry("x", 2L), entry("y", 1L), entry(KeyedCounter.OTHER, 2L));
    }
}
