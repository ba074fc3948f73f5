package io.genscope.runtime.analytics.compare;

import io.genscope.runtime.analytics.BreakdownRow;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The A/B table as the summary prints it: every figure in its column, the baseline first. */
class AbTableTest {

    private static final List<BreakdownRow> ROWS = List.of(
            new BreakdownRow("v1", 80, 48, 80, 40, 0, 80, 40, 500, 1000, 0, 0, 0),
            new BreakdownRow("v2", 70, 56, 70, 50, 0, 70, 20, 600, 1250, 0, 0, 0),
            new BreakdownRow("v3", 5, 5, 0, 0, 0, 0, 0, 400, 900, 0, 0, 0));

    @Test
    void printsTheBaselineThenEachVariantAligned() {
        String table = AbTable.format(new VariantComparator(ComparisonSettings.defaults()).compare(ROWS, 3600));

        // v2: Newcombe's Table II (a), 0.2000 (0.0524 to 0.3339); its first-pass rate 50/70
        // against 40/80. v3: 5 generations, 25 short of min-generations 30.
        assertThat(table).isEqualTo("""
                [genscope] A/B comparison of prompt variants over the last 3600 s, against v1
                  variant  generations  success  difference (95 % CI)       first pass  difference (95 % CI)       \
                p95 time  difference  verdict
                  v1                80   60.0 %                                 50.0 %                              \
                1000 ms
                  v2                70   80.0 %  +20.0 pts (+5.2 to +33.4)      71.4 %  +21.4 pts (+5.7 to +35.6)   \
                1250 ms     +250 ms  v2 better
                  v3                 5  100.0 %  +40.0 pts (-4.6 to +51.0)           -  -                            \
                900 ms     -100 ms  too few generations: need ~25 more""");
    }

    @Test
    void withoutAComparisonSaysWhy() {
        assertThat(AbTable.format(new VariantComparator(ComparisonSettings.defaults()).compare(List.of(), 300)))
                .isEqualTo("[genscope] A/B comparison of prompt variants over the last 300 s: no variant has a"
                        + " generation in the window");
    }
}
