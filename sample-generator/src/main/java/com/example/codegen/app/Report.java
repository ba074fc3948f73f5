package com.example.codegen.app;

import com.example.codegen.app.RunStats.Tally;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Prints what a run did: a short summary for people, then one {@code GROUND_TRUTH} line for
 * tests, holding a JSON object with the run's own counts.
 *
 * <p>The ground-truth keys are {@code generations}, {@code successes}, {@code failures},
 * {@code failuresByType}, {@code retries}, {@code validations}, {@code validationFailures},
 * {@code errorsByType}, {@code dependencies}, {@code byModel} (model name to an object of the
 * six plain counts), and for a timed run ({@code --times}) {@code generationMicros} (how long
 * each generate call took, in microseconds, in request order: what a percentile is checked
 * against), and for a batch run ({@code --batch}) {@code requests} (requests, succeeded,
 * generationFailed, threw, generations, returnedNormally). See {@link RunStats} for what each
 * counts.
 */
public final class Report {

    /** The start of the line that holds the ground truth; the JSON object follows it. */
    public static final String GROUND_TRUTH_PREFIX = "GROUND_TRUTH ";
    /** The start of the line printed where a run pauses: the ground truth so far follows it. */
    public static final String PAUSED_PREFIX = "PAUSED ";

    private Report() {
    }

    /** Prints the summary and the ground-truth line. */
    public static void print(RunStats stats, Duration elapsed, PrintStream out) {
        out.printf("sample-generator: ran in %d ms%n", elapsed.toMillis());
        out.println("  all        " + tallies(stats::total));
        for (String model : stats.models()) {
            out.printf("  %-10s %s%n", model, tallies(tally -> stats.ofModel(model, tally)));
        }
        out.println("  failures by type: " + stats.failuresByType());
        out.println("  compiler errors by code: " + stats.errorsByType());
        out.println("  imports of successful generations: " + stats.dependencies());
        out.println(GROUND_TRUTH_PREFIX + Json.write(groundTruth(stats)));
    }

    /**
     * Prints the ground truth so far on one {@code PAUSED} line, in the shape of the final one, so
     * that what comes after the pause can be told from what came before.
     */
    public static void printPaused(RunStats stats, PrintStream out) {
        out.println(PAUSED_PREFIX + Json.write(groundTruth(stats)));
    }

    private static Map<String, Object> groundTruth(RunStats stats) {
        Map<String, Object> byModel = new LinkedHashMap<>();
        for (String model : stats.models()) {
            byModel.put(model, tallies(tally -> stats.ofModel(model, tally)));
        }

        Map<String, Object> json = tallies(stats::total);
        json.put("failuresByType", stats.failuresByType());
        json.put("errorsByType", stats.errorsByType());
        json.put("dependencies", stats.dependencies());
        json.put("byModel", byModel);
        stats.addBreakdownsTo(json);
        if (stats.timed()) {
            json.put("generationMicros", stats.generationMicros());
        }
        if (stats.requests() > 0) {
            json.put("requests", requests(stats));
        }
        return json;
    }

    /**
     * A batch run's requests ({@code --batch}): each made one generation, which always returned
     * normally ({@code returnedNormally}) and succeeded or not by its result.
     */
    private static Map<String, Object> requests(RunStats stats) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("requests", stats.requests());
        json.put("succeeded", stats.requestsSucceeded());
        json.put("generationFailed", stats.requests() - stats.requestsSucceeded());
        json.put("threw", 0);
        json.put("generations", stats.total(Tally.GENERATIONS));
        json.put("returnedNormally", stats.total(Tally.GENERATIONS));
        return json;
    }

    private static Map<String, Object> tallies(ToIntFunction<Tally> count) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (Tally tally : Tally.values()) {
            json.put(tally.key(), count.applyAsInt(tally));
        }
        return json;
    }
}
