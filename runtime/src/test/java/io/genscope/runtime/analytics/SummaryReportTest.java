package io.genscope.runtime.analytics;

import io.genscope.runtime.store.Dimension;
import io.genscope.runtime.testing.GeneratorLoop;
import io.genscope.runtime.testing.GeneratorLoop.Code;
import io.genscope.runtime.testing.GeneratorLoop.Request;
import io.genscope.runtime.testing.GeneratorLoop.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The report-on-exit text: every headline figure on its own labelled line, per model too. */
class SummaryReportTest {

    private final GeneratorLoop loop = new GeneratorLoop();

    private String report() {
        return SummaryReport.format(loop.analytics.summary(Dimension.all()),
                Map.of("gpt-4", loop.analytics.summary(Dimension.model("gpt-4"))));
    }

    @Test
    void reportsTheFiguresOfTheWindow() throws Exception {
        loop.generate(Request.of("gpt-4"), () -> {
            loop.clock.advance(Duration.ofMillis(120));
            loop.compile(Verdict.failed("E1"));
            loop.regenerate(() -> loop.compile(Verdict.passed("org.junit")));
            return Code.of("x");
        });

        AnalyticsSummary all = loop.analytics.summary(Dimension.all());
        assertThat(report()).isEqualTo(String.join("\n",
                "[genscope] summary of the last 3600 s",
                "  generations      1 started, 1 succeeded, 0 failed (success rate 100.0 %)",
                "  retries          1 (1.00 per generation; 100.0 % of retried generations succeeded)",
                "  validations      2, 1 failed (failure rate 50.0 %)",
                String.format(Locale.ROOT, "  generation time  p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max 120.0 ms",
                        all.generationTimeP50Millis(), all.generationTimeP95Millis(), all.generationTimeP99Millis()),
                "  top errors       E1 1",
                "  dependencies     org.junit 1",
                "  failure types    none",
                "  model gpt-4      1 generations, success rate 100.0 %, 1.00 retries each, validation failure rate 50.0 %"));
    }

    @Test
    void eachBreakdownIsATableOfItsValuesWithTheMostGenerationsFirstAndTheRestCounted() {
        AnalyticsSummary all = loop.analytics.summary(Dimension.all());
        java.util.List<BreakdownRow> rows = new java.util.ArrayList<>();
        rows.add(new BreakdownRow("prompt-v2", 40, 38, 40, 30, 12, 52, 12, 426.0, 852.0, 140, 144, 144));
        rows.add(new BreakdownRow("prompt-v1", 20, 15, 20, 10, 14, 34, 14, 491.5, 1441.8, 103.5, 104, 104));
        for (int i = 0; i < SummaryReport.BREAKDOWN_ROWS; i++) {
            rows.add(new BreakdownRow("arm-" + i, 1, 1, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0));
        }

        String report = SummaryReport.format(all, Map.of(), Map.of("variant", rows), null);

        assertThat(report).contains(String.join("\n",
                "  by variant generations  success first pass  retries val. failed    time p50    time p95 prompt p50/p95",
                "  prompt-v2           40   95.0 %     75.0 %     0.30      23.1 %    426.0 ms    852.0 ms        144/144",
                "  prompt-v1           20   75.0 %     50.0 %     0.70      41.2 %    491.5 ms   1441.8 ms        104/104",
                "  arm-0                1  100.0 %      0.0 %     0.00       0.0 %      1.0 ms      1.0 ms            0/0"))
                .endsWith("  (2 more)");
    }

    @Test
    void numbersDoNotDependOnTheDefaultLocale() throws Exception {
        loop.generate(Request.of("gpt-4"), () -> {
            loop.clock.advance(Duration.ofNanos(1_500_000));
            return Code.of("x");
        });
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(report()).contains("max 1.5 ms").doesNotContain("1,5");
        } finally {
            Locale.setDefault(before);
        }
    }
}
