package io.genscope.agent.it.fleet;

import io.genscope.agent.it.GroundTruth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three sample generators with different seeds, each under the real agent jar with its metrics
 * endpoint on, scraped every second by a real Prometheus (the Debian package's server, started by
 * the test with a generated config, its own storage and a free loopback port); one of them is
 * killed and restarted halfway. What Prometheus computes from Genscope's counters, across the
 * fleet, equals what the samples counted themselves.
 *
 * <h2>Why the figures can be compared exactly</h2>
 * Over a window, {@code increase()} is not simply "the count in the window"; three things stand
 * in the way, and the test deals with each:
 * <ol>
 * <li><b>A series counts from its first scrape.</b> Genscope's labelled series appear with their
 *     first increment, so whatever a JVM did before Prometheus first saw a series is in no
 *     {@code increase()}. So each sample pauses after a warm-up of {@value FleetMember#WARM_UP}
 *     requests ({@code --pause-after}) that creates every series the rest of its run moves (checked
 *     from the samples' own counts before anything is compared); the test waits until Prometheus
 *     has scraped each JVM in its pause, and the window opens while they are all still paused.
 *     What the window holds is the ground truth at the end minus the ground truth at the pause.</li>
 * <li><b>Extrapolation.</b> {@code increase()} stretches the change between the first and the last
 *     sample in its range to the range's ends; the three targets are scraped at different moments,
 *     so over raw samples no end of the range falls on every target's samples and the result is
 *     not a whole number. The exact figures are asked over a subquery, {@code [<window>s:1s]},
 *     which reads every series at the same whole seconds; the window opens and closes on whole
 *     seconds, so its first and last points lie on the range's ends and nothing is stretched:
 *     the result is last minus first plus the value before each reset, a whole number. (The
 *     README's own queries, over plain {@code [5m]} ranges, are checked for sense, not equality.)</li>
 * <li><b>A restart.</b> {@code increase()} takes a drop for a counter reset and counts the new JVM
 *     from zero, but only if the first value it sees after the restart is below the last one
 *     before. The restarted sample runs the same seed and pauses after the same warm-up, and the
 *     test lets Prometheus scrape it paused: by the check in 1, every series it has then stands
 *     below its value before the restart. Its whole second run lies in the window.</li>
 * </ol>
 * The p95 is interpolated within a histogram bucket, so it is checked to lie in the bucket that
 * holds the samples' own p95 (at the rank {@code histogram_quantile} uses), which the samples time
 * around each generate call: the agent times the call from inside it, up to
 * {@link #TIMING_SLACK} less, which widens the accepted range by one bucket only when that slack
 * crosses a bucket bound.
 *
 * <p>Needs {@code prometheus} on the PATH ({@code apt-get install prometheus}, as {@code .ci/run}
 * does): without it the test fails and says so.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrometheusFleetIT {

    /** Three seeds whose warm-up creates every generation and validation series the rest of the run moves. */
    private static final long[] SEEDS = {2, 9, 6};
    /** The histogram's upper bounds in seconds, from the metrics contract. */
    private static final double[] BUCKET_BOUNDS =
            {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, Double.POSITIVE_INFINITY};
    private static final Duration TIMING_SLACK = Duration.ofMillis(20);
    private static final Duration PROMETHEUS_LAG = Duration.ofMinutes(1);
    private static final List<String> MODELS = List.of("codex-mini", "codex-pro");
    /**
     * What the test waits on to know Prometheus has scraped a JVM in a given state: its completed
     * generations, read from the histogram's count so that the counters the test checks are not
     * also what it waits on (a wrong counter then fails its own check, not a wait).
     */
    private static final String GENERATIONS_BY_INSTANCE = "sum by (instance) (genscope_generation_duration_seconds_count)";

    @TempDir
    static Path directory;

    private final List<FleetMember> fleet = new ArrayList<>();
    private PrometheusServer prometheus;
    private FleetMember restarted;
    /** What the window holds, summed over the fleet: each sample's run after its pause, and the restarted one's whole second run. */
    private Counted expected;
    /** The same for the restarted JVM alone: its first run after the pause and its whole second run. */
    private Counted expectedOfRestarted;
    private Instant windowEnd;
    /** The exact-window range selector, {@code [<seconds>s:1s]}. */
    private String window;
    private long wallMillis;

    /** What the samples counted that Prometheus must find in the window. */
    private record Counted(long successes, long failures, long validations, long validationFailures, List<Long> micros) {

        /** What a run counted between its pause ({@code before}) and its end. */
        static Counted between(GroundTruth before, GroundTruth after) {
            List<Long> micros = after.generationMicros().subList(before.generationMicros().size(), after.generationMicros().size());
            return new Counted(after.successes() - before.successes(), after.failures() - before.failures(),
                    after.validations() - before.validations(), after.validationFailures() - before.validationFailures(),
                    micros);
        }

        static Counted all(GroundTruth truth) {
            return new Counted(truth.successes(), truth.failures(), truth.validations(), truth.validationFailures(),
                    truth.generationMicros());
        }

        Counted plus(Counted other) {
            List<Long> both = new ArrayList<>(micros);
            both.addAll(other.micros);
            return new Counted(successes + other.successes, failures + other.failures,
                    validations + other.validations, validationFailures + other.validationFailures, both);
        }
    }

    @BeforeAll
    void runTheFleetThroughARestart() throws Exception {
        long started = System.nanoTime();
        for (long seed : SEEDS) {
            fleet.add(FleetMember.start(directory, seed));
        }
        prometheus = PrometheusServer.start(directory, fleet.stream().map(FleetMember::target).toList());
        restarted = fleet.get(fleet.size() - 1);

        List<GroundTruth> paused = new ArrayList<>();
        for (FleetMember member : fleet) {
            paused.add(member.awaitPaused());
        }
        Instant windowStart = windowEdgeWhereEveryJvmHas(FleetMember.WARM_UP);
        for (FleetMember member : fleet) {
            member.resume();
        }
        List<GroundTruth> finished = new ArrayList<>();
        for (FleetMember member : fleet) {
            finished.add(member.awaitFinished());
        }
        for (int i = 0; i < fleet.size(); i++) {
            assertEverySeriesExistsAtThePauseAndGrowsAfterIt(fleet.get(i).seed(), paused.get(i), finished.get(i));
        }
        awaitPrometheusCounts(fleet, FleetMember.REQUESTS);

        restarted.restart();
        GroundTruth pausedAgain = restarted.awaitPaused();
        assertThat(withoutTimes(pausedAgain)).as("the same seed gives the same warm-up")
                .isEqualTo(withoutTimes(paused.get(fleet.size() - 1)));
        awaitPrometheusCounts(List.of(restarted), FleetMember.WARM_UP);
        restarted.resume();
        GroundTruth finishedAgain = restarted.awaitFinished();
        windowEnd = windowEdgeWhereEveryJvmHas(FleetMember.REQUESTS);
        window = "[" + ChronoUnit.SECONDS.between(windowStart, windowEnd) + "s:1s]";

        assertThat(prometheus.vector(GENERATIONS_BY_INSTANCE, "instance", windowStart))
                .as("at the window's start Prometheus still holds every JVM's count at its pause (no scrape of a"
                        + " resumed JVM was stamped before it)")
                .containsOnlyKeys(targets()).allSatisfy((instance, count) -> assertThat(count).isEqualTo(FleetMember.WARM_UP));

        expected = Counted.all(finishedAgain);
        for (int i = 0; i < fleet.size(); i++) {
            expected = expected.plus(Counted.between(paused.get(i), finished.get(i)));
        }
        expectedOfRestarted = Counted.between(paused.get(fleet.size() - 1), finished.get(fleet.size() - 1))
                .plus(Counted.all(finishedAgain));
        wallMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        System.out.printf("PrometheusFleetIT: fleet run and scraped in %d ms, window %s; in the window the samples counted"
                + " %d successes, %d failures, %d validations (%d failed), %d timed generations%n", wallMillis, window,
                expected.successes(), expected.failures(), expected.validations(), expected.validationFailures(),
                expected.micros().size());
    }

    @AfterAll
    void stopEverything() throws InterruptedException {
        if (prometheus != null) {
            prometheus.close();
        }
        for (FleetMember member : fleet) {
            member.close();
        }
    }

    @Test
    void generationsByOutcomeAcrossTheFleetEqualTheSumOfTheGroundTruths() throws Exception {
        Map<String, Double> byOutcome = prometheus.vector(
                "sum by (outcome) (increase(genscope_generations_total" + window + "))", "outcome", windowEnd);

        report("generations by outcome", byOutcome, Map.of("success", expected.successes(), "failure", expected.failures()));
        assertThat(byOutcome).containsExactlyInAnyOrderEntriesOf(Map.of(
                "success", (double) expected.successes(), "failure", (double) expected.failures()));
    }

    @Test
    void theRestartedJvmsCounterResetIsCountedByIncrease() throws Exception {
        String instance = "{instance=\"" + restarted.target() + "\"}";
        String resetsOfEachSeries = "resets(genscope_generations_total" + instance + window + ")"
                + " and max_over_time(genscope_generations_total" + instance + window + ") > 0";
        Map<String, Double> generations = prometheus.vector(
                "sum(increase(genscope_generations_total" + instance + window + "))", "", windowEnd);
        Map<String, Double> countNow = prometheus.vector("sum(genscope_generations_total" + instance + ")", "", windowEnd);

        long truth = expectedOfRestarted.successes() + expectedOfRestarted.failures();
        report("restarted JVM: generations in the window", generations, Map.of("", truth));
        assertThat(prometheus.vector("min(" + resetsOfEachSeries + ")", "", windowEnd)).as("fewest resets of a series of the restarted JVM that counted anything")
                .containsExactly(Map.entry("", 1.0));
        assertThat(prometheus.vector("max(" + resetsOfEachSeries + ")", "", windowEnd)).as("most resets of a series of the restarted JVM that counted anything")
                .containsExactly(Map.entry("", 1.0));
        assertThat(generations).containsExactly(Map.entry("", (double) truth));
        assertThat(countNow).as("the counter itself started again from zero")
                .containsExactly(Map.entry("", (double) FleetMember.REQUESTS));
    }

    @Test
    void validationFailureRateAcrossTheFleetEqualsTheGroundTruthsRatio() throws Exception {
        Map<String, Double> rate = prometheus.vector("sum(increase(genscope_validations_total{outcome=\"failed\"}" + window + "))"
                + " / sum(increase(genscope_validations_total" + window + "))", "", windowEnd);

        double truth = (double) expected.validationFailures() / expected.validations();
        report("validation failure rate", rate, Map.of("", expected.validationFailures() + "/" + expected.validations()));
        assertThat(rate).containsExactly(Map.entry("", truth));
    }

    @Test
    void p95AcrossTheFleetLiesInTheBucketOfTheSamplesOwnP95() throws Exception {
        Map<String, Double> p95 = prometheus.vector("histogram_quantile(0.95, sum by (le) "
                + "(rate(genscope_generation_duration_seconds_bucket" + window + ")))", "", windowEnd);
        Map<String, Double> count = prometheus.vector(
                "sum(increase(genscope_generation_duration_seconds_count" + window + "))", "", windowEnd);

        List<Long> sorted = new ArrayList<>(expected.micros());
        Collections.sort(sorted);
        int rank = (int) Math.ceil(0.95 * sorted.size());
        double truth = sorted.get(rank - 1) / 1e6;
        double lowest = lowerBoundOfBucket(truth - TIMING_SLACK.toNanos() / 1e9);
        double highest = upperBoundOfBucket(truth);
        report("p95 (s)", p95, Map.of("", truth + " s, accepted [" + lowest + ", " + highest + "]"));
        assertThat(count).containsExactly(Map.entry("", (double) sorted.size()));
        assertThat(p95).containsOnlyKeys("").hasEntrySatisfying("", value -> assertThat(value).isBetween(lowest, highest));
    }

    // The README's PromQL for the seed's questions, across the fleet, over plain ranges: each
    // answers, with figures that make sense for this fleet.

    @Test
    void readmeValidationFailureRate() throws Exception {
        Map<String, Double> rate = readmeQuery("""
                sum(rate(genscope_validations_total{outcome="failed"}[5m]))
                  / sum(rate(genscope_validations_total[5m]))""", "");
        assertThat(rate).containsOnlyKeys("").hasEntrySatisfying("", value -> assertThat(value).isStrictlyBetween(0.0, 1.0));
    }

    @Test
    void readmeTopErrors() throws Exception {
        Map<String, Double> errors = readmeQuery(
                "topk(5, sum by (type) (increase(genscope_validation_errors_total[1h])))", "type");
        assertThat(errors).hasSize(5).allSatisfy((type, count) -> assertThat(type).startsWith("compiler.err."));
        assertThat(Collections.max(errors.values())).as("the top error's count").isPositive();
    }

    @Test
    void readmeTopDependencies() throws Exception {
        Map<String, Double> dependencies = readmeQuery(
                "topk(5, sum by (dependency) (increase(genscope_dependencies_total[1h])))", "dependency");
        assertThat(dependencies).hasSize(5).containsKey("java.util")
                .allSatisfy((dependency, count) -> assertThat(dependency).startsWith("java."));
    }

    @Test
    void readmeAverageRetries() throws Exception {
        Map<String, Double> retries = readmeQuery("""
                sum(increase(genscope_retries_total[1h]))
                  / sum(increase(genscope_generations_total[1h]))""", "");
        assertThat(retries).containsOnlyKeys("").hasEntrySatisfying("", value -> assertThat(value).isStrictlyBetween(0.0, 2.0));
    }

    @Test
    void readmeRetriedGenerationsSuccessRate() throws Exception {
        Map<String, Double> paidOff = readmeQuery("""
                sum(rate(genscope_retried_generations_total{outcome="success"}[1h]))
                  / sum(rate(genscope_retried_generations_total[1h]))""", "");
        assertThat(paidOff).containsOnlyKeys("").hasEntrySatisfying("", value -> assertThat(value).isStrictlyBetween(0.0, 1.0));
    }

    @Test
    void readmeSuccessRatePerModel() throws Exception {
        Map<String, Double> success = readmeQuery("""
                sum by (model) (rate(genscope_generations_total{outcome="success"}[5m]))
                  / sum by (model) (rate(genscope_generations_total[5m]))""", "model");
        assertThat(success).containsOnlyKeys(MODELS).allSatisfy((model, rate) -> assertThat(rate).isBetween(0.5, 1.0));
        assertThat(success.get("codex-pro")).as("the better model succeeds more often").isGreaterThan(success.get("codex-mini"));
    }

    @Test
    void readmeP95PerGenerator() throws Exception {
        Map<String, Double> p95 = readmeQuery("""
                histogram_quantile(0.95,
                  sum by (generator, le) (rate(genscope_generation_duration_seconds_bucket[5m])))""", "generator");
        assertThat(p95).containsOnlyKeys("generate").allSatisfy((generator, seconds) -> assertThat(seconds).isStrictlyBetween(0.0, 60.0));
    }

    private Map<String, Double> readmeQuery(String promql, String label) throws IOException, InterruptedException {
        Map<String, Double> answer = prometheus.vector(promql, label, windowEnd);
        report("README: " + promql.replaceAll("\\s+", " "), answer, Map.of());
        return answer;
    }

    /**
     * A series Prometheus does not have at the window's start loses what it counted before its
     * first scrape, and one that does not grow after the pause hides the restart: the seeds are
     * chosen so that neither happens, and this says so if they ever stop being right.
     */
    private static void assertEverySeriesExistsAtThePauseAndGrowsAfterIt(long seed, GroundTruth paused, GroundTruth finished) {
        Map<String, ToLongFunction<Map<String, Long>>> series = Map.of(
                "genscope_generations_total{outcome=\"success\"}", counts -> counts.get("successes"),
                "genscope_generations_total{outcome=\"failure\"}", counts -> counts.get("failures"),
                "genscope_validations_total{outcome=\"passed\"}", counts -> counts.get("validations") - counts.get("validationFailures"),
                "genscope_validations_total{outcome=\"failed\"}", counts -> counts.get("validationFailures"));
        for (String model : MODELS) {
            series.forEach((name, count) -> {
                long atPause = count.applyAsLong(paused.byModel().get(model));
                long atEnd = count.applyAsLong(finished.byModel().get(model));
                assertThat(atEnd == 0 || (atPause > 0 && atEnd > atPause))
                        .as("seed %d, model %s: %s is %d at the pause and %d at the end; pick seeds whose warm-up"
                                + " creates every series and whose rest moves it (see the class comment)",
                                seed, model, name, atPause, atEnd)
                        .isTrue();
            });
        }
    }

    /** Waits until Prometheus holds {@code count} generations for each of {@code members}. */
    private void awaitPrometheusCounts(List<FleetMember> members, int count) {
        await().atMost(PROMETHEUS_LAG).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            Map<String, Double> counts = prometheus.vector(GENERATIONS_BY_INSTANCE, "instance", Instant.now());
            for (FleetMember member : members) {
                assertThat(counts).as("generations Prometheus holds for %s; stderr: %s", member.target(), member.stderr())
                        .containsEntry(member.target(), (double) count);
            }
        });
    }

    /**
     * An end of the exact window: a whole second, already past, at which Prometheus holds
     * {@code count} generations for every JVM. A scrape that failed (a slow reply on a busy
     * machine) leaves a target's series without a value until the next one, and a window whose end
     * falls in that gap would be extrapolated; so a second without every value is passed over for
     * the next one.
     */
    private Instant windowEdgeWhereEveryJvmHas(int count) throws IOException, InterruptedException {
        Map<String, Double> expectedCounts = new HashMap<>();
        targets().forEach(target -> expectedCounts.put(target, (double) count));
        Instant giveUp = Instant.now().plus(PROMETHEUS_LAG);
        while (true) {
            Instant edge = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), edge).toMillis()) + 300);
            Map<String, Double> counts = prometheus.vector(GENERATIONS_BY_INSTANCE, "instance", edge);
            if (counts.equals(expectedCounts)) {
                return edge;
            }
            assertThat(Instant.now()).as("Prometheus holds %s generations for every JVM (it holds %s); stderr of each: %s",
                    count, counts, fleet.stream().map(FleetMember::stderr).toList()).isBefore(giveUp);
        }
    }

    private List<String> targets() {
        return fleet.stream().map(FleetMember::target).toList();
    }

    private static GroundTruth withoutTimes(GroundTruth truth) {
        return new GroundTruth(truth.generations(), truth.successes(), truth.failures(), truth.retries(), truth.validations(),
                truth.validationFailures(), truth.failuresByType(), truth.errorsByType(), truth.dependencies(), truth.byModel(),
                List.of());
    }

    private static double lowerBoundOfBucket(double seconds) {
        int bucket = bucketOf(seconds);
        return bucket == 0 ? 0 : BUCKET_BOUNDS[bucket - 1];
    }

    private static double upperBoundOfBucket(double seconds) {
        return BUCKET_BOUNDS[bucketOf(seconds)];
    }

    private static int bucketOf(double seconds) {
        int bucket = 0;
        while (BUCKET_BOUNDS[bucket] < seconds) {
            bucket++;
        }
        return bucket;
    }

    private static void report(String what, Map<String, Double> prometheusSays, Map<String, ?> truth) {
        System.out.printf("PrometheusFleetIT: %s: Prometheus %s, ground truth %s%n", what, prometheusSays, truth);
    }
}
