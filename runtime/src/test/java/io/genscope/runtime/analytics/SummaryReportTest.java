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
