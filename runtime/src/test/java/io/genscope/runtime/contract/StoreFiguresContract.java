package io.genscope.runtime.contract;

import io.genscope.runtime.testing.GeneratorLoop;
import io.genscope.runtime.testing.GeneratorLoop.Code;
import io.genscope.runtime.testing.GeneratorLoop.Request;
import io.genscope.runtime.testing.GeneratorLoop.Verdict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

/**
 * The store's figures for one known generator loop, the same whichever way they are read: each
 * subclass supplies a {@link FiguresReader} and every assertion here runs against it.
 *
 * <p>The loop, on a manual clock:
 * <ol>
 *   <li>gpt-4, 100 ms: compile fails (E1, E2), a retry compiles with org.junit and com.google, code "12345"</li>
 *   <li>gpt-4, 200 ms: compile passes, code "1234567"</li>
 *   <li>claude, 300 ms: compile fails (E1), then throws IllegalStateException</li>
 *   <li>gpt-4 through the generate-declared rule, 400 ms: declares org.junit, code "123"</li>
 * </ol>
 */
abstract class StoreFiguresContract {

    private static final double MILLIS_TOLERANCE_PERCENT = 3.2;

    protected final GeneratorLoop loop = new GeneratorLoop();
    private FiguresReader reader;

    /** A reader over {@code loop}'s store; called once per test, before any traffic. */
    protected abstract FiguresReader reader(GeneratorLoop loop);

    @BeforeEach
    void createReader() {
        reader = reader(loop);
    }

    private <T> GeneratorLoop.Body<T> taking(long millis, GeneratorLoop.Body<T> body) {
        return () -> {
            loop.clock.advance(Duration.ofMillis(millis));
            return body.run();
        };
    }

    protected void runKnownLoop() throws Exception {
        loop.generate(Request.of("gpt-4"), taking(100, () -> {
            loop.compile(Verdict.failed("E1", "E2"));
            loop.regenerate(() -> loop.compile(Verdict.passed("org.junit", "com.google")));
            return Code.of("12345");
        }));
        loop.generate(Request.of("gpt-4"), taking(200, () -> {
            loop.compile(Verdict.passed());
            return Code.of("1234567");
        }));
        assertThatThrownBy(() -> loop.generate(Request.of("claude"), taking(300, () -> {
            loop.compile(Verdict.failed("E1"));
            throw new IllegalStateException("gave up");
        }))).isInstanceOf(IllegalStateException.class);
        loop.generateDeclared(Request.of("gpt-4"), taking(400, () -> Code.of("123", "org.junit")));
    }

    /** Each named figure equals its expected value: a {@code Long} count or a {@code Double}. */
    private static void assertFigures(Figures figures, Map<String, ?> expected) {
        expected.forEach((name, value) -> assertThat(figures.value(name)).as(name).isEqualTo(value));
    }

    @Test
    void countsOfTheLoop() throws Exception {
        runKnownLoop();

        assertFigures(reader.all(), Map.of("generations", 4L, "completedGenerations", 4L,
                "generationSuccesses", 3L, "generationFailures", 1L, "retryAttempts", 1L, "retriedGenerations", 1L,
                "validations", 4L, "validationFailures", 2L, "windowSeconds", 3600L));
    }

    @Test
    void ratesAndAveragesOfTheLoop() throws Exception {
        runKnownLoop();

        assertFigures(reader.all(), Map.of("generationSuccessRate", 0.75, "averageRetryCount", 0.25,
                "retrySuccessRate", 1.0, "validationFailureRate", 0.5,
                "averagePromptLength", (double) Request.of("x").prompt().length(), "averageCodeLength", 5.0,
                "generationTimeMeanMillis", 250.0, "generationTimeMaxMillis", 400.0));
    }

    @Test
    void generationTimePercentilesOfTheLoop() throws Exception {
        runKnownLoop();

        Figures all = reader.all();
        Map.of("generationTimeP50Millis", 200.0, "generationTimeP95Millis", 400.0, "generationTimeP99Millis", 400.0)
                .forEach((name, millis) -> assertThat(all.number(name)).as(name)
                        .isCloseTo(millis, withinPercentage(MILLIS_TOLERANCE_PERCENT)));
    }

    @Test
    void tablesOfTheLoopAreMostFrequentFirst() throws Exception {
        runKnownLoop();

        Figures all = reader.all();
        assertThat(all.table("topValidationErrors")).containsExactly(Map.entry("E1", 2L), Map.entry("E2", 1L));
        assertThat(all.table("dependencyUsage")).containsExactly(Map.entry("org.junit", 2L), Map.entry("com.google", 1L));
        assertThat(all.table("generationFailureTypes"))
                .containsExactly(Map.entry(IllegalStateException.class.getName(), 1L));
    }

    @Test
    void figuresOfEachGenerator() throws Exception {
        runKnownLoop();

        assertFigures(reader.generator("generate"), Map.of("generations", 3L, "generationFailures", 1L,
                "validations", 4L, "generationTimeMaxMillis", 300.0));
        Figures declared = reader.generator("generate-declared");
        assertFigures(declared, Map.of("generations", 1L, "validations", 0L, "validationFailureRate", 0.0));
        assertThat(declared.table("dependencyUsage")).containsExactly(Map.entry("org.junit", 1L));
    }

    @Test
    void figuresOfEachModel() throws Exception {
        runKnownLoop();

        assertFigures(reader.model("gpt-4"), Map.of("generations", 3L, "generationSuccessRate", 1.0,
                "generationTimeMeanMillis", (100 + 200 + 400) / 3.0));
        Figures claude = reader.model("claude");
        assertFigures(claude, Map.of("generationFailures", 1L, "generationSuccessRate", 0.0));
        assertThat(claude.table("topValidationErrors")).containsExactly(Map.entry("E1", 1L));
    }

    @Test
    void windowCountsOnlyItsSlices() throws Exception {
        runKnownLoop();
        loop.clock.advance(Duration.ofMinutes(30));
        loop.generate(Request.of("gpt-4"), taking(50, () -> Code.of("1")));

        assertThat(reader.all().count("generations")).isEqualTo(5);
        Figures lastMinute = reader.allOver(Duration.ofMinutes(1));
        assertFigures(lastMinute, Map.of("generations", 1L, "windowSeconds", 60L, "generationTimeMaxMillis", 50.0));
        assertThat(lastMinute.table("topValidationErrors")).isEmpty();
    }

    @Test
    void everythingIsZeroBeforeAnyTrafficAndAfterReset() throws Exception {
        assertAllZero(reader.all());

        runKnownLoop();
        reader.reset();

        assertAllZero(reader.all());
        assertAllZero(reader.generator("generate"));
    }

    private static void assertAllZero(Figures figures) {
        for (String count : List.of("generations", "completedGenerations", "generationSuccesses",
                "generationFailures", "retryAttempts", "retriedGenerations", "validations", "validationFailures")) {
            assertThat(figures.count(count)).as(count).isZero();
        }
        for (String number : List.of("generationSuccessRate", "averageRetryCount", "retrySuccessRate",
                "validationFailureRate", "generationTimeMeanMillis", "generationTimeP50Millis",
                "generationTimeP95Millis", "generationTimeP99Millis", "generationTimeMaxMillis",
                "averagePromptLength", "averageCodeLength")) {
            assertThat(figures.number(number)).as(number).isZero();
        }
        for (String table : List.of("topValidationErrors", "dependencyUsage", "generationFailureTypes")) {
            assertThat(figures.table(table)).as(table).isEmpty();
        }
    }
}
