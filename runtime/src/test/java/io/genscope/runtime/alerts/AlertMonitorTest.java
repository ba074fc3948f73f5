package io.genscope.runtime.alerts;

import io.genscope.runtime.testing.GeneratorLoop;
import io.genscope.runtime.testing.GeneratorLoop.Code;
import io.genscope.runtime.testing.GeneratorLoop.Request;
import io.genscope.runtime.testing.GeneratorLoop.Verdict;
import io.genscope.runtime.testing.TestSettings;
import io.genscope.runtime.time.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The alerts' state machine over a real recorder and store ({@link GeneratorLoop}), evaluated by
 * hand at times set on the store's manual clock: 10 s slices, 1 min alert windows.
 */
class AlertMonitorTest {

    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final String GENERATE = "generation-failure-rate/generate";

    private final GeneratorLoop loop = new GeneratorLoop(
            TestSettings.slices(Duration.ofSeconds(10), WINDOW, Duration.ofMinutes(5)).build());
    private final ManualClock clock = loop.clock;
    private final List<AlertChange> changes = new ArrayList<>();
    private AlertMonitor monitor;

    /** Generation failure rate over 1 min: fires above 0.5, recovers below 0.2, with at least 10 generations. */
    private AlertMonitor monitor(AlertScope scope) {
        return monitor(new AlertDefinition(AlertCondition.GENERATION_FAILURE_RATE, scope, 0.5, 0.2, WINDOW, 10));
    }

    private AlertMonitor monitor(AlertDefinition... alerts) {
        monitor = new AlertMonitor(new AlertSettings(Duration.ofSeconds(1), List.of(alerts)),
                GeneratorLoop.standardRules(), loop.store, loop.log, loop.log);
        monitor.listen(changes::add);
        return monitor;
    }

    private void generations(int rule, int failures, int successes) throws Exception {
        for (int i = 0; i < failures + successes; i++) {
            boolean fails = i < failures;
            try {
                loop.call(rule, loop, new Object[] {Request.of("gpt-4")}, () -> {
                    if (fails) {
                        throw new IllegalStateException("model overloaded");
                    }
                    return Code.of("x");
                });
            } catch (IllegalStateException expected) {
                // the generation failed, as asked
            }
        }
    }

    private void generations(int failures, int successes) throws Exception {
        generations(GeneratorLoop.GENERATE, failures, successes);
    }

    /** Generations of rule generate that each take {@code duration} on the manual clock. */
    private void generationsTaking(int count, Duration duration) throws Exception {
        for (int i = 0; i < count; i++) {
            loop.generate(Request.of("gpt-4"), () -> {
                clock.advance(duration);
                return Code.of("x");
            });
        }
    }

    private AlertStatus status(String alert) {
        return monitor.statuses().stream().filter(status -> status.alert().equals(alert)).findFirst().orElseThrow();
    }

    private AlertState state(String alert) {
        return status(alert).state();
    }

    private void evaluateTimes(int evaluations) {
        for (int i = 0; i < evaluations; i++) {
            monitor.evaluate();
            clock.advance(Duration.ofSeconds(1));
        }
    }

    @Test
    void anIdleJvmNeverFires() {
        monitor(AlertScope.BOTH);

        for (int i = 0; i < 100; i++) {
            monitor.evaluate();
            clock.advance(Duration.ofSeconds(10));
        }

        assertThat(monitor.statuses()).extracting(AlertStatus::state).containsOnly(AlertState.NOT_ENOUGH_DATA);
        assertThat(status(GENERATE).value()).isNaN();
        assertThat(status(GENERATE).samples()).isZero();
        assertThat(changes).isEmpty();
        assertThat(loop.log.warnings()).isEmpty();
        assertThat(monitor.evaluations()).isEqualTo(100);
    }

    @Test
    void fewerSamplesThanTheMinimumNeverFireHoweverBadTheyAre() throws Exception {
        monitor(AlertScope.GENERATOR);
        generations(9, 0);

        evaluateTimes(5);

        assertThat(state(GENERATE)).isEqualTo(AlertState.NOT_ENOUGH_DATA);
        assertThat(status(GENERATE).value()).isEqualTo(1.0);
        assertThat(status(GENERATE).samples()).isEqualTo(9);
        assertThat(changes).isEmpty();

        generations(1, 0);
        monitor.evaluate();

        assertThat(state(GENERATE)).isEqualTo(AlertState.FIRING);
        assertThat(changes).singleElement().satisfies(change -> assertThat(change.fired()).isTrue());
    }

    @Test
    void firingIsOneWarnLineAndOneChangeNotOnePerEvaluation() throws Exception {
        monitor(AlertScope.GENERATOR);
        generations(6, 4);

        evaluateTimes(10);

        String line = "alert generation-failure-rate/generate fired: generation failure rate 0.6 > 0.5 over the last 1m"
                + " (10 completed generations, at least 10 needed); it recovers below 0.2";
        assertThat(loop.log.warnings()).containsExactly(line);
        assertThat(changes).singleElement().extracting(AlertChange::message).isEqualTo(line);
        assertThat(changes.get(0).timeMillis()).isEqualTo(ManualClock.START.toEpochMilli());
        assertThat(status(GENERATE)).isEqualTo(new AlertStatus(GENERATE, "generation-failure-rate", "generate",
                AlertState.FIRING, ManualClock.START.toString(), 0.6, 10, 10, 0.5, 0.2, "fraction", 60));
    }

    @Test
    void betweenTheThresholdsNothingChangesEitherWay() throws Exception {
        monitor(AlertScope.GENERATOR);
        generations(10, 5);
        evaluateTimes(1);
        assertThat(state(GENERATE)).isEqualTo(AlertState.FIRING);

        generations(0, 15);
        evaluateTimes(5);

        assertThat(status(GENERATE).value()).isEqualTo(1 / 3.0, within(1e-9));
        assertThat(state(GENERATE)).isEqualTo(AlertState.FIRING);
        assertThat(changes).hasSize(1);

        generations(0, 21);
        evaluateTimes(1);

        assertThat(status(GENERATE).value()).isLessThan(0.2);
        assertThat(state(GENERATE)).isEqualTo(AlertState.OK);
        assertThat(changes).extracting(AlertChange::fired).containsExactly(true, false);
        assertThat(loop.log.infos()).containsExactly("alert generation-failure-rate/generate recovered: generation"
                + " failure rate 0.196 < 0.2 over the last 1m (51 completed generations, at least 10 needed)");

        generations(14, 0);
        evaluateTimes(5);

        assertThat(status(GENERATE).value()).isEqualTo(24 / 65.0, within(1e-9));
        assertThat(state(GENERATE)).isEqualTo(AlertState.OK);
        assertThat(changes).hasSize(2);
        assertThat(loop.log.warnings()).hasSize(1);
    }

    @Test
    void aValueExactlyAtAThresholdIsNotAcrossIt() throws Exception {
        monitor(AlertScope.GENERATOR);
        generations(5, 5);
        evaluateTimes(1);

        assertThat(state(GENERATE)).isEqualTo(AlertState.OK);
    }

    @Test
    void aFiringAlertNeitherRecoversOnATinySampleNorStaysFiringOnceItsWindowIsEmpty() throws Exception {
        monitor(AlertScope.GENERATOR);
        generations(10, 0);
        evaluateTimes(1);

        clock.moveTo(ManualClock.START.plus(WINDOW));
        generations(0, 3);
        evaluateTimes(1);

        assertThat(status(GENERATE).samples()).isEqualTo(3);
        assertThat(status(GENERATE).value()).isZero();
        assertThat(state(GENERATE)).isEqualTo(AlertState.FIRING);

        clock.advance(WINDOW);
        evaluateTimes(1);

        assertThat(state(GENERATE)).isEqualTo(AlertState.NOT_ENOUGH_DATA);
        assertThat(status(GENERATE).since()).isEqualTo(ManualClock.START.plus(WINDOW.multipliedBy(2)).plusSeconds(1)
                .toString());
        assertThat(changes).extracting(AlertChange::fired).containsExactly(true, false);
        assertThat(changes.get(1).message()).isEqualTo(
                "alert generation-failure-rate/generate recovered: no completed generations in the last 1m");
    }

    @Test
    void eachGeneratorHasItsOwnStateAndTheOverallOneCountsThemAll() throws Exception {
        monitor(AlertScope.BOTH);
        generations(GeneratorLoop.GENERATE_DECLARED, 8, 2);
        generations(GeneratorLoop.GENERATE, 0, 9);

        evaluateTimes(1);

        assertThat(monitor.statuses()).extracting(AlertStatus::alert, AlertStatus::generator, AlertStatus::state)
                .containsExactly(
                        tuple(GENERATE, "generate", AlertState.NOT_ENOUGH_DATA),
                        tuple("generation-failure-rate/generate-declared",
                                "generate-declared", AlertState.FIRING),
                        tuple("generation-failure-rate", "(all)", AlertState.OK));
        assertThat(status("generation-failure-rate").samples()).isEqualTo(19);
    }

    @Test
    void theValidationFailureRateCountsAGenerationsValidationsAndOverallTheOthersToo() throws Exception {
        monitor(new AlertDefinition(AlertCondition.VALIDATION_FAILURE_RATE, AlertScope.BOTH, 0.5, 0.2, WINDOW, 4));
        for (int i = 0; i < 2; i++) {
            loop.generate(Request.of("gpt-4"), () -> {
                loop.compile(Verdict.failed("E1"));
                loop.compile(Verdict.passed());
                return Code.of("x");
            });
        }
        for (int i = 0; i < 4; i++) {
            loop.compile(Verdict.failed("E2"));
        }

        evaluateTimes(1);

        assertThat(status("validation-failure-rate/generate").value()).isEqualTo(0.5);
        assertThat(state("validation-failure-rate/generate")).isEqualTo(AlertState.OK);
        assertThat(status("validation-failure-rate").value()).isEqualTo(0.75);
        assertThat(state("validation-failure-rate")).isEqualTo(AlertState.FIRING);
    }

    @Test
    void theP95GenerationTimeFiresOnSlowGenerationsAndRecoversOnFastOnes() throws Exception {
        monitor(new AlertDefinition(AlertCondition.GENERATION_TIME_P95, AlertScope.GENERATOR, 1_000, 500, WINDOW, 10));
        generationsTaking(10, Duration.ofSeconds(2));
        generationsTaking(10, Duration.ofMillis(1));

        evaluateTimes(1);

        assertThat(status(p95())).extracting(AlertStatus::state, AlertStatus::unit)
                .containsExactly(AlertState.FIRING, "ms");
        assertThat(status(p95()).value()).isCloseTo(2_000, within(60.0));
        assertThat(changes.get(0).message()).matches("alert generation-time-p95/generate fired: p95 generation time"
                + " \\d{4} ms > 1000 ms over the last 1m \\(20 completed generations, at least 10 needed\\);"
                + " it recovers below 500 ms");

        generationsTaking(200, Duration.ofMillis(1));
        evaluateTimes(1);

        assertThat(status(p95()).value()).isLessThan(500);
        assertThat(state(p95())).isEqualTo(AlertState.OK);
    }

    private static String p95() {
        return "generation-time-p95/generate";
    }

    @Test
    void statusesFollowTheConfigOrderAndStartAsNotEnoughDataSinceTheStart() {
        monitor(new AlertDefinition(AlertCondition.GENERATION_TIME_P95, AlertScope.OVERALL, 10, 5, WINDOW, 1),
                new AlertDefinition(AlertCondition.GENERATION_FAILURE_RATE, AlertScope.GENERATOR, 0.5, 0.2, WINDOW, 1));

        assertThat(monitor.statuses()).extracting(AlertStatus::alert, AlertStatus::state, AlertStatus::since)
                .containsExactly(
                        tuple("generation-time-p95", AlertState.NOT_ENOUGH_DATA, ManualClock.START.toString()),
                        tuple(GENERATE, AlertState.NOT_ENOUGH_DATA, ManualClock.START.toString()),
                        tuple("generation-failure-rate/generate-declared", AlertState.NOT_ENOUGH_DATA,
                                ManualClock.START.toString()));
    }

    @Test
    void theThreadStartsOnlyWhenAnAlertIsConfiguredAndEvaluatesEachPeriod() {
        Set<Thread> before = alertThreads();
        new AlertMonitor(AlertSettings.none(), GeneratorLoop.standardRules(), loop.store, loop.log, loop.log).start();
        assertThat(alertThreads()).isEqualTo(before);

        AlertMonitor running = new AlertMonitor(new AlertSettings(Duration.ofMillis(20), List.of(new AlertDefinition(
                AlertCondition.GENERATION_FAILURE_RATE, AlertScope.GENERATOR, 0.5, 0.2, WINDOW, 1))),
                GeneratorLoop.standardRules(), loop.store, loop.log, loop.log);
        running.start();
        running.start();
        Set<Thread> started = alertThreads();
        started.removeAll(before);
        try {
            assertThat(started).singleElement().satisfies(thread -> assertThat(thread.isDaemon()).isTrue());
            await().until(() -> running.evaluations() >= 3);
        } finally {
            started.forEach(Thread::interrupt);
        }
    }

    private static Set<Thread> alertThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals(AlertMonitor.THREAD_NAME))
                .collect(Collectors.toCollection(HashSet::new));
    }
}
