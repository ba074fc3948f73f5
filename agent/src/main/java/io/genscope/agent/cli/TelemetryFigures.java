package io.genscope.agent.cli;

import io.genscope.runtime.analytics.AnalyticsSummary;
import io.genscope.runtime.analytics.compare.AbComparison;

import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The figures {@code report-on-exit} prints, read over JMX from the Telemetry and Variants MBeans
 * and turned back into the runtime's own {@link AnalyticsSummary} and {@link AbComparison}, so
 * the text comes from the same {@code SummaryReport} and {@code AbTable} and cannot drift from
 * them.
 *
 * <p>The default window is read from attributes ({@code Summary}, {@code ByModel}), which a
 * {@code readonly} JMX user may read. Another window needs the {@code summaryForWindow}
 * operation, of the Telemetry MBean and of each Model MBean, so a {@code readwrite} user; its
 * models are those with any generation, retry or validation in that window, by name.
 *
 * @param overall the figures over all generators
 * @param byModel model name to its figures over the same window
 * @param variants the A/B comparison of prompt variants over the same window, from the Variants
 *                MBean ({@code Comparison}, or {@code comparisonForWindow}); empty when the
 *                agent has none
 */
record TelemetryFigures(AnalyticsSummary overall, Map<String, AnalyticsSummary> byModel,
                        Optional<AbComparison> variants) {

    private static final String TELEMETRY = "io.genscope:type=Telemetry";
    private static final String MODELS = "io.genscope:type=Model,*";
    private static final String VARIANTS = "io.genscope:type=Variants";
    private static final String[] WINDOW_SIGNATURE = {long.class.getName()};

    static TelemetryFigures read(MBeanServerConnection connection, Optional<Duration> window, String target)
            throws CommandFailure {
        try {
            ObjectName telemetry = new ObjectName(TELEMETRY);
            if (window.isEmpty()) {
                return new TelemetryFigures(summary(connection.getAttribute(telemetry, "Summary")),
                        OpenDataRecords.map(AnalyticsSummary.class, connection.getAttribute(telemetry, "ByModel")),
                        variants(connection, window));
            }
            Object[] seconds = {window.get().toSeconds()};
            AnalyticsSummary overall = summary(connection.invoke(telemetry, "summaryForWindow", seconds,
                    WINDOW_SIGNATURE));
            Map<String, AnalyticsSummary> byModel = new TreeMap<>();
            for (ObjectName model : connection.queryNames(new ObjectName(MODELS), null)) {
                AnalyticsSummary figures = summary(connection.invoke(model, "summaryForWindow", seconds,
                        WINDOW_SIGNATURE));
                if (figures.generations() + figures.retryAttempts() + figures.validations() > 0) {
                    byModel.put((String) connection.getAttribute(model, "Model"), figures);
                }
            }
            return new TelemetryFigures(overall, byModel, variants(connection, window));
        } catch (InstanceNotFoundException e) {
            throw CommandFailure.failed(target + " runs no Genscope agent: it has no " + TELEMETRY + " MBean");
        } catch (SecurityException e) {
            throw CommandFailure.failed("not allowed to read " + TELEMETRY + " at " + target + " (" + e.getMessage()
                    + "); --window calls an operation, which needs a readwrite JMX user");
        } catch (JMException | IOException e) {
            throw CommandFailure.failed("cannot read " + TELEMETRY + " at " + target + ": " + e);
        }
    }

    /** The A/B comparison over the same window; empty when the agent has no Variants MBean. */
    private static Optional<AbComparison> variants(MBeanServerConnection connection, Optional<Duration> window)
            throws JMException, IOException {
        ObjectName variants = new ObjectName(VARIANTS);
        if (!connection.isRegistered(variants)) {
            return Optional.empty();
        }
        Object comparison = window.isEmpty() ? connection.getAttribute(variants, "Comparison")
                : connection.invoke(variants, "comparisonForWindow", new Object[] {window.get().toSeconds()},
                        WINDOW_SIGNATURE);
        return Optional.of(OpenDataRecords.read(AbComparison.class, comparison));
    }

    private static AnalyticsSummary summary(Object openData) throws JMException {
        return OpenDataRecords.read(AnalyticsSummary.class, openData);
    }
}
