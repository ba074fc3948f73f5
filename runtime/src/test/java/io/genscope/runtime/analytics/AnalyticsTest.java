package io.genscope.runtime.analytics;

import io.genscope.runtime.store.Dimension;
import io.genscope.runtime.testing.GeneratorLoop;
import io.genscope.runtime.testing.GeneratorLoop.Code;
import io.genscope.runtime.testing.GeneratorLoop.Request;
import io.genscope.runtime.testing.GeneratorLoop.Verdict;
import io.genscope.runtime.testing.TestSettings;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Figures derived from the counts: rates, averages, the covered window and the top tables. */
class AnalyticsTest {

    private final GeneratorLoop loop = new GeneratorLoop(
            TestSettings.slices(Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofHours(1)).build());

    private void randomTraffic(Random random) throws Exception {
        for (int i = 0; i < 200; i++) {
            try {
                loop.generate(Request.of("m" + random.nextInt(3)), () -> {
                    for (int v = random.nextInt(4); v > 0; v--) {
                        loop.compile(random.nextBoolean() ? Verdict.passed() : Verdict.failed("E" + random.nextInt(5)));
                        if (random.nextInt(3) == 0) {
                            loop.regenerate(() -> null);
                        }
                    }
                    if (random.nextInt(4) == 0) {
                        throw new IllegalStateException("failed");
                    }
                    return Code.of("x");
                });
            } catch (IllegalStateException expected) {
                // a quarter of the generations fail on purpose
            }
            if (random.nextInt(10) == 0) {
                loop.clock.advance(Duration.ofSeconds(random.nextInt(120)));
            }
        }
    }

    @RepeatedTest(20)
    void everyRateLiesBetweenZeroAndOneAndIsTheRatioOfItsCounts(RepetitionInfo repetition) throws Exception {
        randomTraffic(new Random(repetition.getCurrentRepetition()));

        for (Duration window : new Duration[] {Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofHours(1)}) {
            AnalyticsSummary s = loop.analytics.summary(Dimension.all(), window);
            assertThat(s.generationSuccessRate()).isBetween(0.0, 1.0)
                    .isEqualTo(Analytics.ratio(s.generationSuccesses(), s.completedGenerations()));
            assertThat(s.retrySuccessRate()).isBetween(0.0, 1.0);
            assertThat(s.validationFailureRate()).isBetween(0.0, 1.0)
                    .isEqualTo(Analytics.ratio(s.validationFailures(), s.validations()));
            assertThat(s.averageRetryCount()).isGreaterThanOrEqualTo(0.0);
            assertThat(s.completedGenerations()).isEqualTo(s.generationSuccesses() + s.generationFailures());
        }
    }

    @Test
    void emptyWindowHasZeroForEveryFigure() {
        AnalyticsSummary s = loop.analytics.summary(Dimension.all());

        assertThat(new double[] {s.generationSuccessRate(), s.averageRetryCount(), s.retrySuccessRate(),
                s.validationFailureRate(), s.generationTimeMeanMillis(), s.generationTimeP50Millis(),
                s.generationTimeP95Millis(), s.generationTimeP99Millis(), s.generationTimeMaxMillis(),
                s.averagePromptLength(), s.averageCodeLength()}).containsOnly(0.0);
        assertThat(new long[] {s.generations(), s.completedGenerations(), s.generationSuccesses(),
                s.generationFailures(), s.retryAttempts(), s.retriedGenerations(), s.validations(),
                s.validationFailures()}).containsOnly(0L);
        assertThat(s.topValidationErrors()).isEmpty();
        assertThat(s.dependencyUsage()).isEmpty();
        assertThat(s.generationFailureTypes()).isEmpty();
    }

    @Test
    void windowThatHasMovedPastAllTrafficReadsZeroRates() throws Exception {
        loop.generate(Request.of("m"), () -> {
            loop.compile(Verdict.failed("E1"));
            return Code.of("x");
        });
        loop.clock.advance(Duration.ofMinutes(11));

        AnalyticsSummary s = loop.analytics.summary(Dimension.all());
        assertThat(s.generationSuccessRate()).isZero();
        assertThat(s.validationFailureRate()).isZero();
        assertThat(loop.analytics.validationFailureRate(Dimension.all(), Duration.ofMinutes(10))).isZero();
        assertThat(loop.analytics.validationFailureRate(Dimension.all(), Duration.ofMinutes(20))).isEqualTo(1.0);
    }

    @Test
    void coveredWindowIsRoundedUpToWholeSlicesAndCappedAtTheRetention() {
        assertThat(loop.analytics.summary(Dimension.all()).windowSeconds()).isEqualTo(600);
        assertThat(loop.analytics.summary(Dimension.all(), Duration.ofSeconds(90)).windowSeconds()).isEqualTo(120);
        assertThat(loop.analytics.summary(Dimension.all(), Duration.ofSeconds(1)).windowSeconds()).isEqualTo(60);
        assertThat(loop.analytics.summary(Dimension.all(), Duration.ofDays(2)).windowSeconds()).isEqualTo(3600);
    }

    @Test
    void averagesDivideSumsByHowManyWereCaptured() throws Exception {
        loop.generate(new Request("m", "p", "f", "12345"), () -> Code.of("1234567890"));
        loop.generate(new Request("m", "p", "f", "1234567"), () -> Code.of("123456"));
        loop.generate(new Request("m", "p", "f", null), () -> null);

        AnalyticsSummary s = loop.analytics.summary(Dimension.all());
        assertThat(s.averagePromptLength()).isEqualTo(6.0);
        assertThat(s.averageCodeLength()).isEqualTo(8.0);
    }

    @Test
    void topTablesAreMostFrequentFirstWithTiesByNameAndCutToN() {
        Map<String, Long> top = Analytics.top(Map.of("b", 2L, "a", 2L, "c", 5L, "d", 1L), 3);

        assertThat(top).containsExactly(Map.entry("c", 5L), Map.entry("a", 2L), Map.entry("b", 2L));
        assertThat(Analytics.top(Map.of("a", 1L), 0)).isEmpty();
        assertThat(Analytics.top(Map.of("a", 1L), -1)).isEmpty();
    }

    @Test
    void topErrorsOfAWindowComeFromItsSlicesOnly() throws Exception {
        loop.compile(Verdict.failed("Old"));
        loop.clock.advance(Duration.ofMinutes(5));
        loop.compile(Verdict.failed("New", "New2"));
        loop.compile(Verdict.failed("New"));

        assertThat(loop.analytics.topErrors(Dimension.all(), Duration.ofMinutes(1), 10))
                .containsExactly(Map.entry("New", 2L), Map.entry("New2", 1L));
        assertThat(loop.analytics.topErrors(Dimension.all(), Duration.ofMinutes(10), 1))
                .containsExactly(Map.entry("New", 2L));
    }

    @Test
    void summaryForOneModelCountsOnlyItsGenerations() throws Exception {
        loop.generate(Request.of("gpt-4"), () -> Code.of("x"));
        assertThatThrownBy(() -> loop.generate(Request.of("claude"), () -> {
            throw new IllegalStateException("x");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(loop.analytics.summary(Dimension.model("gpt-4")).generationSuccessRate()).isEqualTo(1.0);
        assertThat(loop.analytics.summary(Dimension.model("claude")).generationSuccessRate()).isZero();
        assertThat(loop.analytics.summary(Dimension.model("nobody")).generations()).isZero();
    }
}
