package io.genscope.runtime.jmx;

import io.genscope.runtime.alerts.AlertStatus;
import io.genscope.runtime.analytics.AnalyticsSummary;
import io.genscope.runtime.reload.ReloadResult;
import io.genscope.runtime.analytics.compare.AbComparison;
import io.genscope.runtime.analytics.compare.RateComparison;
import io.genscope.runtime.analytics.compare.VariantComparison;

import java.util.Map;

import static java.util.Map.entry;

/**
 * What each item of Genscope's composite values and each column of its tables means, with its
 * unit: the text JMX clients show for an item, where the MXBean framework would show the item's
 * name again. Rates are fractions in [0, 1], durations are in milliseconds, counts are counts.
 * Read by {@link DescribedOpenTypes}.
 */
final class ItemDescriptions {

    /** One table's two columns, as the MXBean framework maps a {@code Map}: {@code key} and {@code value}. */
    record Columns(String key, String value) {
    }

    private static final String WHOLE_SLICES = "whole time slices, at most the retention";

    /** The items of {@link AnalyticsSummary}, by record component. */
    static final Map<String, String> SUMMARY = Map.ofEntries(
            entry("windowSeconds", "Length of the window the figures cover, in seconds (" + WHOLE_SLICES + ")"),
            entry("generations", "Generations started in the window, a count: outermost calls of a generation"
                    + " method on a thread"),
            entry("completedGenerations", "Generations that ended in the window by returning or throwing, a count"),
            entry("generationSuccesses", "Completed generations that returned normally, a count"),
            entry("generationFailures", "Completed generations that threw (or whose future failed), a count"),
            entry("generationSuccessRate", "Generation success rate, a fraction in [0, 1]: generationSuccesses /"
                    + " completedGenerations; 0 when none completed"),
            entry("retryAttempts", "Retry calls started in the window, a count: nested generation calls plus"
                    + " retry-method calls"),
            entry("averageRetryCount", "Retries per completed generation, a mean count (not a fraction): retries made"
                    + " by completed generations / completedGenerations; 0 when none completed"),
            entry("retriedGenerations", "Completed generations that retried at least once, a count"),
            entry("retrySuccessRate", "Retry success rate, a fraction in [0, 1]: retried generations that succeeded /"
                    + " retriedGenerations; 0 when none retried"),
            entry("validations", "Validation calls that ended in the window, a count"),
            entry("validationFailures", "Validations that failed (the outcome was not ok, or the validation threw),"
                    + " a count"),
            entry("validationFailureRate", "Validation failure rate, a fraction in [0, 1]: validationFailures /"
                    + " validations; 0 when there were none"),
            entry("generationTimeMeanMillis", "Mean duration of completed generations, in milliseconds (exact);"
                    + " 0 when none completed"),
            entry("generationTimeP50Millis", "Median duration of completed generations, in milliseconds (within"
                    + " about 3 %); 0 when none completed"),
            entry("generationTimeP95Millis", "95th percentile duration of completed generations, in milliseconds"
                    + " (within about 3 %); 0 when none completed"),
            entry("generationTimeP99Millis", "99th percentile duration of completed generations, in milliseconds"
                    + " (within about 3 %); 0 when none completed"),
            entry("generationTimeMaxMillis", "Longest duration of a completed generation, in milliseconds (exact);"
                    + " 0 when none completed"),
            entry("averagePromptLength", "Mean captured prompt length of the generations started, in the unit of the"
                    + " rule's prompt-length capture (characters for a String's length); 0 when none was captured"),
            entry("averageCodeLength", "Mean captured code length of the successful generations, in the unit of the"
                    + " rule's code-length capture (characters for a String's length); 0 when none was captured"),
            entry("topValidationErrors", "Validation error type -> failed validations that reported it (a count),"
                    + " most frequent first"),
            entry("dependencyUsage", "Dependency -> successful generations whose code uses it (a count), most"
                    + " frequent first"),
            entry("generationFailureTypes", "Exception class -> failed generations that threw it (a count), most"
                    + " frequent first"));

    /** The items of {@link BreakdownFigures}, by record component. */
    static final Map<String, String> BREAKDOWN = Map.ofEntries(
            entry("generations", "Generations with this value that completed in the window, a count"),
            entry("successRate", "Success rate, a fraction in [0, 1]: successes / generations; 0 when none"
                    + " completed"),
            entry("firstPassRate", "First-pass rate, a fraction in [0, 1]: firstPassGenerations /"
                    + " validatedGenerations; 0 when none was validated"),
            entry("averageRetries", "Retries per completed generation, a mean count (not a fraction): retries /"
                    + " generations; 0 when none completed"),
            entry("validationFailureRate", "Validation failure rate, a fraction in [0, 1]: validationFailures /"
                    + " validations; 0 when there were none"),
            entry("generationTimeP50Millis", "Median duration of the completed generations, in milliseconds (within"
                    + " about 12 %); 0 when none completed"),
            entry("generationTimeP95Millis", "95th percentile duration of the completed generations, in milliseconds"
                    + " (within about 12 %); 0 when none completed"),
            entry("averagePromptLength", "Mean captured prompt length of the completed generations, in the unit of"
                    + " the rule's prompt-length capture (characters for a String's length; exact); 0 when none was"
                    + " captured"),
            entry("promptLengthP50", "Median captured prompt length, in characters for a String's length (within"
                    + " about 12 %); 0 when none was captured"),
            entry("promptLengthP95", "95th percentile captured prompt length, in characters for a String's length"
                    + " (within about 12 %); 0 when none was captured"),
            entry("successes", "Completed generations that succeeded, a count"),
            entry("validatedGenerations", "Completed generations with at least one validation, a count"),
            entry("firstPassGenerations", "Validated generations whose first validation passed, a count"),
            entry("retries", "Retries made by the completed generations, a count"),
            entry("validations", "Validations inside the completed generations, a count"),
            entry("validationFailures", "Of those, the validations that failed, a count"));

    /** The items of {@link RuleStatus}, by record component. */
    /** The items of {@link ReloadResult}, by record component. */
    static final Map<String, String> RELOAD_RESULT = Map.of(
            "applied", "Whether the new config is now in use; false: refused, nothing changed",
            "configFile", "The config file read",
            "configVersion", "Version of the config in use afterwards, a count: 1 at start, one more per reload applied",
            "added", "Rules that started counting",
            "removed", "Rules that stopped counting: their methods have their own bytecode back",
            "changed", "Rules whose selectors or captures changed: re-woven, their figures kept",
            "unchanged", "Rules that went on counting untouched",
            "needRestart", "Settings the file changes that cannot change while the JVM runs, kept as they were:"
                    + " key: in use -> in the file",
            "problems", "Why the reload was refused, one line each (file:line for a problem of the file)",
            "warnings", "What the applied config's rules met as they were woven into the classes loaded already (a"
                    + " rule matching no method of its class, a capture that cannot work on a method), one line each;"
                    + " the config is in use all the same");

    static final Map<String, String> RULE_STATUS = Map.of(
            "role", "The rule's role: generation, validation or retry",
            "matchedMethods", "The methods the agent instrumented for the rule, as Class#method(parameter types)",
            "matchedNothing", "true while no loaded class has a method the rule selects",
            "calls", "Calls intercepted so far, a count since start",
            "captureFailures", "Capture reads that failed so far, a count since start (the field is left empty each"
                    + " time)",
            "lastCaptureFailure", "The latest capture failure, \"\" if none",
            "internalErrors", "Calls Genscope failed to record (an internal error), a count since start");

    /** The items of {@link AlertStatus}, by record component. */
    static final Map<String, String> ALERT_STATUS = Map.ofEntries(
            entry("alert", "The alert's name: its condition, then / and the generator for a per-generator alert"),
            entry("condition", "What the alert watches: validation-failure-rate, generation-failure-rate or"
                    + " generation-time-p95"),
            entry("generator", "The generation rule watched, as in the config file; (all) for the overall alert"),
            entry("state", "NOT_ENOUGH_DATA (fewer than minSamples in the window), OK or FIRING"),
            entry("since", "When the alert entered its state, ISO-8601 in UTC"),
            entry("value", "The watched figure at the latest evaluation, in unit: a fraction in [0, 1] for rates,"
                    + " in milliseconds for the p95; NaN when the window held no sample"),
            entry("samples", "The samples the value was computed from, a count (validations, or completed"
                    + " generations)"),
            entry("minSamples", "The fewest samples that fire or recover the alert, a count"),
            entry("fireAbove", "The alert fires when the value is above this, in unit: a fraction in [0, 1] for"
                    + " rates, in milliseconds for the p95"),
            entry("recoverBelow", "A firing alert recovers when the value is below this, in unit: a fraction in"
                    + " [0, 1] for rates, in milliseconds for the p95"),
            entry("unit", "The unit of value and the thresholds: fraction (in [0, 1]) or ms (milliseconds)"),
            entry("windowSeconds", "The span each evaluation reads, in seconds (" + WHOLE_SLICES + ")"));

    /** The items of {@link AbComparison}, by record component. */
    static final Map<String, String> AB_COMPARISON = Map.of(
            "windowSeconds", "Length of the window the comparison covers, in seconds (" + WHOLE_SLICES + ")",
            "baseline", "The variant the others are compared with: ab-test.baseline, or the first variant by name;"
                    + " \"\" when no variant has a generation in the window",
            "note", "Why there is no comparison (no variant, a single one, or the configured baseline has no"
                    + " generation in the window); \"\" when there is one",
            "comparisons", "Variant -> its comparison with the baseline; the baseline itself and (other) are not"
                    + " compared");

    private static final String OUTCOMES = "BETTER, WORSE, NO_DIFFERENCE_YET, NO_DIFFERENCE or TOO_FEW_GENERATIONS";
    private static final String DIFFERENCE = "a difference of fractions in [-1, 1]";

    /** The items of {@link VariantComparison}, by record component. */
    static final Map<String, String> VARIANT_COMPARISON = Map.ofEntries(
            entry("variant", "The variant compared, as captured by the generation rules' variant expression"),
            entry("baseline", "The variant it is compared with"),
            entry("outcome", "The overall conclusion: " + OUTCOMES.replace(" or ", ", MIXED (better on one rate,"
                    + " worse on the other) or ") + "; the p95 time takes no part"),
            entry("verdict", "The outcome in words, such as \"v2 better\" or \"no difference yet: need ~120 more"
                    + " generations\""),
            entry("moreGenerationsNeeded", "Generations each variant still needs for a verdict, a count (the"
                    + " largest of the two rates' figures); 0 once there is one"),
            entry("successRate", "Success rate (successes / completed generations) against the baseline's"),
            entry("firstPassRate", "First-pass rate (generations whose first validation passed / validated"
                    + " generations) against the baseline's; counts in the verdict once each variant has"
                    + " ab-test.min-generations validated generations"),
            entry("generationTimeP95Millis", "The variant's 95th percentile generation time, in milliseconds, as"
                    + " the per-variant breakdown gives it"),
            entry("baselineGenerationTimeP95Millis", "The baseline's 95th percentile generation time, in milliseconds"),
            entry("generationTimeP95DifferenceMillis", "The variant's p95 time minus the baseline's, in milliseconds"
                    + " (no interval: percentiles of histograms are not tested)"));

    /** The items of {@link RateComparison}, by record component. */
    static final Map<String, String> RATE_COMPARISON = Map.ofEntries(
            entry("baselineSamples", "The baseline's samples in the window, a count: completed generations"
                    + " (validated generations, for the first-pass rate)"),
            entry("samples", "The variant's samples in the window, a count"),
            entry("baselineRate", "The baseline's rate, a fraction in [0, 1]"),
            entry("rate", "The variant's rate, a fraction in [0, 1]"),
            entry("difference", "rate - baselineRate, " + DIFFERENCE),
            entry("differenceLow95", "Lower limit of the difference's 95 % confidence interval (Newcombe's hybrid"
                    + " score method), " + DIFFERENCE),
            entry("differenceHigh95", "Upper limit of the difference's 95 % confidence interval, " + DIFFERENCE),
            entry("outcome", OUTCOMES + ": BETTER when the interval lies above 0, WORSE below 0"),
            entry("verdict", "The outcome in words, such as \"v2 better\""),
            entry("moreGenerationsNeeded", "Samples each variant still needs for a verdict, a count: the sample size"
                    + " for the observed difference (at least ab-test.min-difference) at 95 % confidence and 80 %"
                    + " power, or ab-test.min-generations, less the smaller variant's samples; 0 once decided"));

    private static final Columns ERROR_COUNTS = new Columns(
            "Validation error type: a short stable identifier derived from the error",
            "Failed validations in the window that reported this error type, a count");
    private static final Columns FIGURES_BY_MODEL = new Columns(
            "Model name, as captured by the generation rules' model expression; (other) past store.max-models",
            "The model's figures over the window: the items of Summary");

    /**
     * The columns of each table, by the attribute or item that holds it (first letter in lower
     * case) or by the operation that returns it.
     */
    static final Map<String, Columns> TABLES = Map.of(
            "topValidationErrors", ERROR_COUNTS,
            "topErrors", ERROR_COUNTS,
            "dependencyUsage", new Columns("Dependency name, as the rule's dependencies capture reports it",
                    "Successful generations in the window whose code uses this dependency, a count"),
            "generationFailureTypes", new Columns("Class name of the exception a failed generation threw",
                    "Failed generations in the window that threw it, a count"),
            "byModel", FIGURES_BY_MODEL,
            "byGenerator", new Columns("Generation rule name, as in the config file",
                    "The rule's figures over the window: the items of Summary"),
            "rules", new Columns("Rule name, as in the config file", "The rule's health: what it matched, its calls"
                    + " and capture failures"),
            "alerts", new Columns("The alert's name: its condition, then / and the generator for a per-generator"
                    + " alert", "The alert's state at its latest evaluation: the items of the row"),
            "top", new Columns("The dimension's value as captured (a user's pseudonym unless store.user-ids is plain);"
                    + " (other) past the dimension's store.max-* cap in a slice",
                    "The value's figures over the window: the items of the row"),
            "comparisons", new Columns("Variant name, as captured by the generation rules' variant expression",
                    "The variant against the baseline over the window"));

    /** The items of each composite type, by the type's name (the Java class the MXBean framework maps). */
    static final Map<String, Map<String, String>> COMPOSITES = Map.of(
            AnalyticsSummary.class.getName(), SUMMARY,
            RuleStatus.class.getName(), RULE_STATUS,
            AlertStatus.class.getName(), ALERT_STATUS,
            ReloadResult.class.getName(), RELOAD_RESULT,
            BreakdownFigures.class.getName(), BREAKDOWN,
            AbComparison.class.getName(), AB_COMPARISON,
            VariantComparison.class.getName(), VARIANT_COMPARISON,
            RateComparison.class.getName(), RATE_COMPARISON);

    private ItemDescriptions() {
    }
}
