package io.genscope.runtime.metrics;

import io.genscope.runtime.store.BreakdownDimension;
import io.genscope.runtime.store.CallCounts;
import io.genscope.runtime.store.CumulativeTotals;
import io.genscope.runtime.store.CumulativeTotals.BreakdownCounters;
import io.genscope.runtime.store.FixedBuckets;
import io.genscope.runtime.store.TelemetryStore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.ToDoubleFunction;

/**
 * The store's totals since start as Prometheus families: counters of generations, retries,
 * validations, errors, failures and dependency uses, and histograms of generation and
 * validation times in seconds with the fixed bounds of {@link FixedBuckets}. Labels:
 * {@code generator} (the generation rule), {@code model}, and per family {@code outcome},
 * {@code type} or {@code dependency}; calls outside any generation have
 * {@code generator="(none)", model="(none)"}.
 *
 * <p>Series: a generator's model gets its series in a family once that family has counted
 * anything for it, each outcome included, and keeps them. Names are capped per generator by the
 * store's caps, past which they count under "(other)" for good; at most, with {@code R}
 * generation rules and the caps {@code M} (models), {@code E} (error types), {@code F}
 * (failure types) and {@code D} (dependencies):
 * {@code 43·R(M+1) + 21 + (R+1)(E+1) + R(F+1) + (R+1)(D+1) + 7(V+1) + 7(C+1)} series: per model 2
 * outcomes of generations, of retried generations and of validations, retries, and 18 samples per
 * histogram; per variant (cap {@code V}, {@code store.max-variants}) and per prompt category (cap
 * {@code C}) 2 outcomes of generations, of first validations and of validations, and retries.
 *
 * <p>Thread-safe; scrapes are taken one at a time. Counters never go down between two calls:
 * the store's totals only grow (see {@link TelemetryStore#cumulative()}), and as a backstop each
 * sample is reported at least as high as the last time (a guard the size of the series).
 */
public final class FleetMetrics implements MetricsSource {

    private static final String OUTCOME = "outcome";
    /**
     * The breakdown dimensions with families of their own: variants and prompt categories are a
     * handful of labels a team chooses. Projects and users are not: both grow with the business
     * (a series per tenant or per person, kept by Prometheus for its whole retention), and user
     * ids, even as pseudonyms, are personal data a TSDB should not index. Their figures are in the
     * Breakdown MBeans and the summary.
     */
    private static final List<BreakdownDimension> LABELLED =
            List.of(BreakdownDimension.VARIANT, BreakdownDimension.PROMPT_CATEGORY);

    private final TelemetryStore store;
    /** The name of the rule in a store slot, {@code null} for a slot no rule ever took. */
    private final IntFunction<String> generators;
    /** The last value of each sample; guarded by this. */
    private final Map<Series, Double> last = new HashMap<>();

    private record Series(String name, List<Label> labels) {
    }

    /** One generator's model, or the calls outside any generation: its labels and counts. */
    private record Row(String generator, String model, CallCounts counts, boolean outside) {

        List<Label> labels(Label... more) {
            List<Label> labels = new ArrayList<>(2 + more.length);
            labels.add(new Label("generator", generator));
            labels.add(new Label("model", model));
            labels.addAll(List.of(more));
            return labels;
        }
    }

    /**
     * @param ruleNames the name of the rule in each store slot, the {@code generator} label;
     *                  {@code null} for a slot no rule ever took. A slot's rule keeps its name
     *                  for good, so its counters go on across reloads.
     */
    public FleetMetrics(TelemetryStore store, IntFunction<String> ruleNames) {
        this.store = store;
        this.generators = ruleNames;
    }

    @Override
    public synchronized List<MetricFamily> collect() {
        CumulativeTotals totals = store.cumulative();
        List<Row> rows = rows(totals);
        List<Row> generated = rows.stream().filter(row -> !row.outside()).toList();
        List<MetricFamily> families = new ArrayList<>();
        families.add(outcomes("genscope_generations", "Completed generations by outcome, since the JVM started",
                generated, CallCounts::successes, CallCounts::failures, "success", "failure"));
        families.add(counter("genscope_retries", "Retry calls, counted when they start, since the JVM started",
                retries(rows)));
        families.add(outcomes("genscope_retried_generations",
                "Completed generations that retried at least once, by outcome, since the JVM started",
                generated, CallCounts::retriedSuccesses, CallCounts::retriedFailures, "success", "failure"));
        families.add(outcomes("genscope_validations", "Validations by outcome, since the JVM started",
                rows, CallCounts::validationsPassed, CallCounts::validationsFailed, "passed", "failed"));
        families.add(keyed("genscope_validation_errors", "Errors reported by validations, by error type, since"
                + " the JVM started", totals, "type", CumulativeTotals.Generator::errorTypes));
        families.add(keyed("genscope_generation_failures", "Failed generations by failure type (exception"
                + " class), since the JVM started", totals, "type", CumulativeTotals.Generator::failureTypes));
        families.add(keyed("genscope_dependencies", "Dependencies reported by successful generations and"
                + " validations, by dependency, since the JVM started", totals, "dependency",
                CumulativeTotals.Generator::dependencies));
        families.add(histogram("genscope_generation_duration_seconds", "Generation time in seconds, of"
                + " completed generations", generated, CallCounts::generationBuckets, CallCounts::generationSeconds));
        families.add(histogram("genscope_validation_duration_seconds", "Validation time in seconds",
                rows, CallCounts::validationBuckets, CallCounts::validationSeconds));
        for (BreakdownDimension dimension : LABELLED) {
            families.addAll(breakdown(dimension, totals.breakdown(dimension)));
        }
        return families;
    }

    /**
     * The families of one breakdown dimension, {@code genscope_<dimension>_…} with the value as the
     * label named after the dimension: generations by outcome, validated generations by the outcome
     * of their first validation (the first-pass rate), retries, and validations by outcome.
     */
    private List<MetricFamily> breakdown(BreakdownDimension dimension, Map<String, BreakdownCounters> values) {
        String label = dimension.configName().replace('-', '_');
        String prefix = "genscope_" + label + "_";
        String by = ", by " + dimension.configName().replace('-', ' ') + ", since the JVM started";
        List<Sample> generations = new ArrayList<>();
        List<Sample> firstValidations = new ArrayList<>();
        List<Sample> retries = new ArrayList<>();
        List<Sample> validations = new ArrayList<>();
        values.forEach((value, counts) -> {
            Label key = new Label(label, value);
            pair(generations, prefix + "generations_total", key, "success", counts.successes(), "failure",
                    counts.generations() - counts.successes());
            pair(firstValidations, prefix + "first_validations_total", key, "passed", counts.firstPassGenerations(),
                    "failed", counts.validatedGenerations() - counts.firstPassGenerations());
            if (counts.generations() > 0) {
                retries.add(sample(prefix + "retries_total", List.of(key), counts.retries()));
            }
            pair(validations, prefix + "validations_total", key, "passed",
                    counts.validations() - counts.validationFailures(), "failed", counts.validationFailures());
        });
        return List.of(
                counter(prefix + "generations", "Completed generations by outcome" + by, generations),
                counter(prefix + "first_validations", "Completed generations with a validation, by the outcome of"
                        + " their first validation" + by, firstValidations),
                counter(prefix + "retries", "Retries made by completed generations" + by, retries),
                counter(prefix + "validations", "Validations inside completed generations, by outcome" + by,
                        validations));
    }

    /** The two outcome samples of one value, once either has counted anything. */
    private void pair(List<Sample> samples, String name, Label key, String first, long a, String second, long b) {
        if (a + b > 0) {
            samples.add(sample(name, List.of(key, new Label(OUTCOME, first)), a));
            samples.add(sample(name, List.of(key, new Label(OUTCOME, second)), b));
        }
    }

    /** Every generator's models in rule order, then the calls outside any generation. */
    private List<Row> rows(CumulativeTotals totals) {
        List<Row> rows = new ArrayList<>();
        for (int rule = 0; rule < totals.rules(); rule++) {
            String generator = generators.apply(rule);
            if (generator != null) {
                totals.generator(rule).models().forEach((model, counts) ->
                        rows.add(new Row(generator, model, counts, false)));
            }
        }
        totals.outsideGenerations().models().forEach((model, counts) ->
                rows.add(new Row(CumulativeTotals.NONE, model, counts, true)));
        return rows;
    }

    private MetricFamily outcomes(String name, String help, List<Row> rows, ToDoubleFunction<CallCounts> first,
                                  ToDoubleFunction<CallCounts> second, String firstOutcome, String secondOutcome) {
        List<Sample> samples = new ArrayList<>();
        for (Row row : rows) {
            double a = first.applyAsDouble(row.counts());
            double b = second.applyAsDouble(row.counts());
            if (a + b > 0) {
                samples.add(sample(name + "_total", row.labels(new Label(OUTCOME, firstOutcome)), a));
                samples.add(sample(name + "_total", row.labels(new Label(OUTCOME, secondOutcome)), b));
            }
        }
        return new MetricFamily(name, MetricType.COUNTER, "", help, samples);
    }

    private List<Sample> retries(List<Row> rows) {
        List<Sample> samples = new ArrayList<>();
        for (Row row : rows) {
            double value = row.counts().retries();
            if (value > 0) {
                samples.add(sample("genscope_retries_total", row.labels(), value));
            }
        }
        return samples;
    }

    private MetricFamily counter(String name, String help, List<Sample> samples) {
        return new MetricFamily(name, MetricType.COUNTER, "", help, samples);
    }

    private MetricFamily keyed(String name, String help, CumulativeTotals totals, String key,
                               Function<CumulativeTotals.Generator, Map<String, Long>> counts) {
        List<Sample> samples = new ArrayList<>();
        for (int rule = 0; rule <= totals.rules(); rule++) {
            boolean outside = rule == totals.rules();
            String generator = outside ? CumulativeTotals.NONE : generators.apply(rule);
            if (generator == null) {
                continue;
            }
            counts.apply(outside ? totals.outsideGenerations() : totals.generator(rule)).forEach((value, count) ->
                    samples.add(sample(name + "_total",
                            List.of(new Label("generator", generator), new Label(key, value)), count)));
        }
        return counter(name, help, samples);
    }

    private MetricFamily histogram(String name, String help, List<Row> rows, Function<CallCounts, long[]> buckets,
                                   ToDoubleFunction<CallCounts> seconds) {
        List<Sample> samples = new ArrayList<>();
        for (Row row : rows) {
            long[] cumulative = buckets.apply(row.counts());
            long count = cumulative[cumulative.length - 1];
            if (count == 0) {
                continue;
            }
            for (int i = 0; i < cumulative.length; i++) {
                samples.add(sample(name + "_bucket", row.labels(new Label("le", Bounds.LABELS.get(i))), cumulative[i]));
            }
            samples.add(sample(name + "_sum", row.labels(), seconds.applyAsDouble(row.counts())));
            samples.add(sample(name + "_count", row.labels(), count));
        }
        return new MetricFamily(name, MetricType.HISTOGRAM, "seconds", help, samples);
    }

    /** A sample at least as high as the last time it was reported. */
    private Sample sample(String name, List<Label> labels, double value) {
        double kept = last.merge(new Series(name, labels), value, Math::max);
        return new Sample(name, labels, kept);
    }

    /**
     * The buckets' {@code le} labels, worked out on the first scrape rather than when the runtime
     * starts: their decimal formatting is start-up work for every JVM, most of which no one scrapes.
     */
    private static final class Bounds {

        static final List<String> LABELS = FixedBuckets.labels();
    }
}
