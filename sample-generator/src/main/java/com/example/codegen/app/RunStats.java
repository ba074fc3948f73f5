package com.example.codegen.app;

import com.example.codegen.batch.SpecCheck;
import com.example.codegen.batch.SpecProblem;

import com.example.codegen.CompilerError;
import com.example.codegen.GeneratedCode;
import com.example.codegen.GenerationListener;
import com.example.codegen.GenerationRequest;
import com.example.codegen.ValidationResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The run's own count of what happened, kept where it happens: around each generate call, from
 * its outcome, and through a {@link GenerationListener} for the validations and repairs inside
 * it. This is the ground truth the agent's telemetry is checked against, so nothing in it is
 * inferred: totals and per-model counts are each counted, not summed from one another.
 *
 * <p>Thread-safety: none; the sample app runs its requests on one thread.
 */
public final class RunStats {

    /** What is counted for the whole run and for each model. */
    public enum Tally {
        GENERATIONS("generations"),
        SUCCESSES("successes"),
        FAILURES("failures"),
        RETRIES("retries"),
        VALIDATIONS("validations"),
        VALIDATION_FAILURES("validationFailures");

        private final String key;

        Tally(String key) {
            this.key = key;
        }

        /** The name of this count in the ground-truth JSON. */
        public String key() {
            return key;
        }
    }

    private final Map<Tally, Integer> total = new EnumMap<>(Tally.class);
    private final SortedMap<String, Map<Tally, Integer>> byModel = new TreeMap<>();
    private final SortedMap<String, Integer> failuresByType = new TreeMap<>();
    private final SortedMap<String, Integer> errorsByType = new TreeMap<>();
    private final SortedMap<String, Integer> dependencies = new TreeMap<>();
    private final boolean timed;
    private final List<Long> generationMicros = new ArrayList<>();
    private int requests;
    private int requestsSucceeded;
    private final BreakdownStats breakdowns;
    private boolean succeeded;

    /**
     * @param models           the models to report, even if the run sends them nothing
     * @param timed            whether to keep how long each generate call took
     * @param userPrefixLength how many leading characters of each user id are the run's prefix
     *                         (left out of the per-user figures' keys)
     */
    public RunStats(List<String> models, boolean timed, int userPrefixLength) {
        models.forEach(model -> byModel.put(model, new EnumMap<>(Tally.class)));
        this.timed = timed;
        this.breakdowns = new BreakdownStats(userPrefixLength);
    }

    /** A generate call to this model for this request is about to start. */
    public void generationStarted(String model, GenerationRequest request) {
        count(model, Tally.GENERATIONS);
        breakdowns.started(request);
        succeeded = false;
    }

    /** A generate call returned this code. */
    public void succeeded(String model, GeneratedCode code) {
        count(model, Tally.SUCCESSES);
        code.dependencies().forEach(dependency -> increment(dependencies, dependency));
        succeeded = true;
    }

    /** A generate call threw this. */
    public void failed(String model, RuntimeException failure) {
        failedWith(model, failure.getClass().getName());
    }

    /** A generation failed, of this type: an exception's class name, or the code a batch result gave. */
    public void failedWith(String model, String type) {
        count(model, Tally.FAILURES);
        increment(failuresByType, type);
    }

    /**
     * A batch request ended (see {@code --batch}): its one generation returned normally, with a
     * result that says whether it succeeded.
     */
    public void requestEnded(boolean succeeded) {
        requests++;
        if (succeeded) {
            requestsSucceeded++;
        }
    }

    /** A spec check, made for a request to this model before its generation. */
    public void specChecked(String model, SpecCheck check) {
        validated(model, check.ok(), check.errors().stream().map(SpecProblem::code).toList());
    }

    /**
     * A generate call, successful or not, took this long, measured around the call: a little more
     * than the generation itself, never less. Ends the generation.
     */
    public void generationTook(long nanos) {
        if (timed) {
            generationMicros.add(nanos / 1_000);
        }
        breakdowns.ended(succeeded, nanos / 1_000);
    }

    /** The listener to give the generator of this model. */
    public GenerationListener listenerFor(String model) {
        return new GenerationListener() {
            @Override
            public void validated(ValidationResult result) {
                RunStats.this.validated(model, result.ok(), result.errors().stream().map(CompilerError::code).toList());
                breakdowns.validated(result.ok());
            }

            @Override
            public void repairStarted() {
                count(model, Tally.RETRIES);
                breakdowns.retried();
            }
        };
    }

    private void validated(String model, boolean ok, List<String> errorCodes) {
        count(model, Tally.VALIDATIONS);
        if (!ok) {
            count(model, Tally.VALIDATION_FAILURES);
            errorCodes.forEach(code -> increment(errorsByType, code));
        }
    }

    /** Batch requests ended ({@link #requestEnded}); 0 in a run without {@code --batch}. */
    public int requests() {
        return requests;
    }

    /** Batch requests whose generation succeeded. */
    public int requestsSucceeded() {
        return requestsSucceeded;
    }

    /** A count over the whole run. */
    public int total(Tally tally) {
        return total.getOrDefault(tally, 0);
    }

    /** The models reported: those given at construction and any other that was counted, sorted by name. */
    public Set<String> models() {
        return Collections.unmodifiableSet(byModel.keySet());
    }

    /** A count for one model; 0 for a model never seen. */
    public int ofModel(String model, Tally tally) {
        return byModel.getOrDefault(model, Map.of()).getOrDefault(tally, 0);
    }

    /** Failed generations by the exception's fully qualified class name. */
    public SortedMap<String, Integer> failuresByType() {
        return Collections.unmodifiableSortedMap(failuresByType);
    }

    /** Compiler errors in failed validations, by diagnostic code. */
    public SortedMap<String, Integer> errorsByType() {
        return Collections.unmodifiableSortedMap(errorsByType);
    }

    /** Successful generations by each package their source imports. */
    public SortedMap<String, Integer> dependencies() {
        return Collections.unmodifiableSortedMap(dependencies);
    }

    /** Adds the figures per variant, project, user and prompt category to the ground truth {@code json}. */
    public void addBreakdownsTo(Map<String, Object> json) {
        breakdowns.addTo(json, timed);
    }

    /** Whether {@link #generationMicros()} holds the calls' durations. */
    public boolean timed() {
        return timed;
    }

    /** How long each generate call took, in microseconds, in the order the calls were made; empty unless {@link #timed()}. */
    public List<Long> generationMicros() {
        return Collections.unmodifiableList(generationMicros);
    }

    private void count(String model, Tally tally) {
        increment(total, tally);
        increment(byModel.computeIfAbsent(model, name -> new EnumMap<>(Tally.class)), tally);
    }

    private static <K> void increment(Map<K, Integer> counts, K key) {
        counts.merge(key, 1, Integer::sum);
    }
}
