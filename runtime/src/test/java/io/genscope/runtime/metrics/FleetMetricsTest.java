package io.genscope.runtime.metrics;

import io.genscope.runtime.store.GenerationRecord;
import io.genscope.runtime.store.TelemetryStore;
import io.genscope.runtime.store.ValidationRecord;
import io.genscope.runtime.testing.TestSettings;
import io.genscope.runtime.testing.Threads;
import io.genscope.runtime.time.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.genscope.runtime.testing.Records.failedValidation;
import static io.genscope.runtime.testing.Records.failure;
import static io.genscope.runtime.testing.Records.generation;
import static io.genscope.runtime.testing.Records.record;
import static io.genscope.runtime.testing.Records.success;
import static io.genscope.runtime.testing.Records.successUsing;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The families {@link FleetMetrics} gives: the contract's names, order, types, labels and values,
 * read from a store recorded into directly.
 */
class FleetMetricsTest {

    private final ManualClock clock = new ManualClock();
    private final TelemetryStore store = new TelemetryStore(TestSettings.slices(Duration.ofSeconds(1),
            Duration.ofSeconds(2), Duration.ofSeconds(2)).build(), 2, clock, model -> { });
    private final FleetMetrics metrics = new FleetMetrics(store, List.of("codegen", "compile")::get);

    /** Every sample as {@code name{label=value,...}} to its value. */
    private Map<String, Double> samples() {
        return metrics.collect().stream().flatMap(family -> family.samples().stream())
                .collect(Collectors.toMap(FleetMetricsTest::key, Sample::value));
    }

    private static String key(Sample sample) {
        return sample.name() + sample.labels().stream().map(label -> label.name() + "=" + label.value())
                .collect(Collectors.joining(",", "{", "}"));
    }

    @Test
    void familiesComeInTheContractsOrderWithTheirTypesAndUnits() {
        List<MetricFamily> families = metrics.collect();

        assertThat(families).extracting(MetricFamily::name).containsExactly("genscope_generations",
                "genscope_retries", "genscope_retried_generations", "genscope_validations",
                "genscope_validation_errors", "genscope_generation_failures", "genscope_dependencies",
                "genscope_generation_duration_seconds", "genscope_validation_duration_seconds",
                "genscope_variant_generations", "genscope_variant_first_validations", "genscope_variant_retries",
                "genscope_variant_validations", "genscope_prompt_category_generations",
                "genscope_prompt_category_first_validations", "genscope_prompt_category_retries",
                "genscope_prompt_category_validations");
        assertThat(families).extracting(MetricFamily::type).containsExactly(MetricType.COUNTER, MetricType.COUNTER,
                MetricType.COUNTER, MetricType.COUNTER, MetricType.COUNTER, MetricType.COUNTER, MetricType.COUNTER,
                MetricType.HISTOGRAM, MetricType.HISTOGRAM, MetricType.COUNTER, MetricType.COUNTER, MetricType.COUNTER,
                MetricType.COUNTER, MetricType.COUNTER, MetricType.COUNTER, MetricType.COUNTER, MetricType.COUNTER);
        assertThat(families.get(7).unit()).isEqualTo("seconds");
        assertThat(families).allSatisfy(family -> assertThat(family.help()).isNotBlank());
        assertThat(families).allSatisfy(family -> assertThat(family.samples()).isEmpty());
    }

    @Test
    void variantsAndPromptCategoriesCountSinceStartAndProjectsAndUsersHaveNoSeries() throws InterruptedException {
        GenerationRecord passed = generation("gpt");
        passed.variant = "v1";
        passed.promptCategory = "dto";
        passed.projectId = "billing";
        passed.userId = "0123456789ab";
        passed.validations = 1;
        passed.firstValidationPassed = true;
        record(store, passed);
        GenerationRecord failed = generation("gpt");
        failed.variant = "v1";
        failed.failureType = "java.io.IOException";
        failed.validations = 2;
        failed.failedValidations = 2;
        failed.retries = 1;
        Threads.runToEnd(() -> record(store, failed)); // a thread that ends: its rows are handed over, not read live
        store.reset();
        clock.advance(Duration.ofHours(3));

        Map<String, Double> samples = samples();
        assertThat(samples).as("kept through a reset and past the retention")
                .containsEntry("genscope_variant_generations_total{variant=v1,outcome=success}", 1.0)
                .containsEntry("genscope_variant_generations_total{variant=v1,outcome=failure}", 1.0)
                .containsEntry("genscope_variant_first_validations_total{variant=v1,outcome=passed}", 1.0)
                .containsEntry("genscope_variant_first_validations_total{variant=v1,outcome=failed}", 1.0)
                .containsEntry("genscope_variant_retries_total{variant=v1}", 1.0)
                .containsEntry("genscope_variant_validations_total{variant=v1,outcome=passed}", 1.0)
                .containsEntry("genscope_variant_validations_total{variant=v1,outcome=failed}", 2.0)
                .containsEntry("genscope_prompt_category_generations_total{prompt_category=dto,outcome=success}", 1.0);
        assertThat(samples.keySet()).noneMatch(series -> series.contains("billing") || series.contains("0123456789ab"));
    }

    @Test
    void generationsRetriesAndValidationsCountPerGeneratorModelAndOutcome() {
        success(store, "gpt", Duration.ofMillis(30));
        failure(store, "gpt", "java.io.IOException");
        GenerationRecord retried = generation("gpt");
        store.generationStarted(store.currentThread(), retried, clock.monotonicNanos());
        store.retryStarted(store.currentThread(), retried, "retry", clock.monotonicNanos());
        retried.retries = 1;
        validate(retried, false, "E1");
        store.generationCompleted(store.currentThread(), retried, clock.monotonicNanos());
        failedValidation(store, "E2");
        successUsing(store, null, "requests");

        Map<String, Double> samples = samples();
        assertThat(samples).containsEntry("genscope_generations_total{generator=codegen,model=gpt,outcome=success}", 2.0)
                .containsEntry("genscope_generations_total{generator=codegen,model=gpt,outcome=failure}", 1.0)
                .containsEntry("genscope_generations_total{generator=codegen,model=(unknown),outcome=success}", 1.0)
                .containsEntry("genscope_retries_total{generator=codegen,model=gpt}", 1.0)
                .containsEntry("genscope_retried_generations_total{generator=codegen,model=gpt,outcome=success}", 1.0)
                .containsEntry("genscope_retried_generations_total{generator=codegen,model=gpt,outcome=failure}", 0.0)
                .containsEntry("genscope_validations_total{generator=codegen,model=gpt,outcome=failed}", 1.0)
                .containsEntry("genscope_validations_total{generator=(none),model=(none),outcome=failed}", 1.0)
                .containsEntry("genscope_validations_total{generator=(none),model=(none),outcome=passed}", 0.0)
                .containsEntry("genscope_validation_errors_total{generator=codegen,type=E1}", 1.0)
                .containsEntry("genscope_validation_errors_total{generator=(none),type=E2}", 1.0)
                .containsEntry("genscope_generation_failures_total{generator=codegen,type=java.io.IOException}", 1.0)
                .containsEntry("genscope_dependencies_total{generator=codegen,dependency=requests}", 1.0);
        assertThat(samples.keySet()).noneMatch(key -> key.contains("generator=compile"));
    }

    @Test
    void histogramsGiveCumulativeBucketsWithLeLastThenSumInSecondsAndCount() {
        success(store, "gpt", Duration.ofMillis(5));
        success(store, "gpt", Duration.ofMillis(40));
        success(store, "gpt", Duration.ofSeconds(400));

        MetricFamily histogram = metrics.collect().get(7);
        List<Sample> samples = histogram.samples();
        assertThat(samples).hasSize(18);
        assertThat(samples.subList(0, 16)).allSatisfy(sample -> {
            assertThat(sample.name()).isEqualTo("genscope_generation_duration_seconds_bucket");
            assertThat(sample.labels()).extracting(Label::name).containsExactly("generator", "model", "le");
        });
        assertThat(samples.subList(0, 16)).extracting(sample -> sample.labels().get(2).value() + "=" + sample.value())
                .containsExactly("0.005=1.0", "0.01=1.0", "0.025=1.0", "0.05=2.0", "0.1=2.0", "0.25=2.0", "0.5=2.0",
                        "1=2.0", "2.5=2.0", "5=2.0", "10=2.0", "30=2.0", "60=2.0", "120=2.0", "300=2.0", "+Inf=3.0");
        assertThat(samples.get(16).name()).isEqualTo("genscope_generation_duration_seconds_sum");
        assertThat(samples.get(16).value()).isEqualTo(400.045);
        assertThat(samples.get(17).name()).isEqualTo("genscope_generation_duration_seconds_count");
        assertThat(samples.get(17).value()).isEqualTo(3.0);
    }

    @Test
    void countersDoNotGoDownAcrossResetsAndSlicesLetGo() {
        success(store, "gpt", Duration.ZERO);
        store.reset();
        success(store, "gpt", Duration.ZERO);
        clock.advance(Duration.ofSeconds(5));
        success(store, "gpt", Duration.ZERO);
        store.reset();

        assertThat(samples()).containsEntry(
                "genscope_generations_total{generator=codegen,model=gpt,outcome=success}", 3.0);
    }

    private void validate(GenerationRecord generation, boolean ok, String error) {
        ValidationRecord validation = new ValidationRecord();
        validation.begin("check", ++generation.validations);
        validation.ok = ok;
        validation.errors.add(store.error(error, null, null));
        store.validationCompleted(store.currentThread(), generation, validation, clock.monotonicNanos());
    }
}
