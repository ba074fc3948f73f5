package io.genscope.agent.cli;

import io.genscope.runtime.analytics.AnalyticsSummary;
import io.genscope.runtime.analytics.BreakdownRow;
import io.genscope.runtime.analytics.RequestSummary;
import io.genscope.runtime.analytics.compare.AbComparison;

import javax.management.Attribute;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The figures {@code report-on-exit} prints, read over JMX from the Telemetry, Breakdown,
 * Requests and Variants MBeans and turned back into the runtime's own records
 * ({@link AnalyticsSummary}, {@link BreakdownRow}, {@link RequestSummary}, {@link AbComparison}),
 * so the text comes from the same {@code SummaryReport} and {@code AbTable} and cannot drift from
 * them.
 *
 * <p>The default window is read from attributes ({@code Summary}, {@code ByModel}), which a
 * {@code readonly} JMX user may read. Another window needs the {@code summaryForWindow}
 * operation, of the Telemetry MBean and of each Model MBean, so a {@code readwrite} user; its
 * models are those with any generation, retry or validation in that window, by name.
 *
 * <p>The requests since start come from the Requests MBean's attributes, when it is there (a rule
 * has the role {@code request}).
 *
 * @param overall    the figures over all generators
 * @param byModel    model name to its figures over the same window
 * @param breakdowns per captured breakdown dimension, its rows ({@link BreakdownTables})
 * @param requests   the requests since start; {@code null} when no rule has the role {@code request}
 * @param variants   the A/B comparison of prompt variants over the same window, from the Variants
 *                   MBean ({@code Comparison}, or {@code comparisonForWindow}); empty when the
 *                   agent has none
 */
record TelemetryFigures(AnalyticsSummary overall, Map<String, AnalyticsSummary> byModel,
                        Map<String, List<BreakdownRow>> breakdowns, RequestSummary requests,
                        Optional<AbComparison> variants) {

    private static final String TELEMETRY = "io.genscope:type=Telemetry";
    private static final String MODELS = "io.genscope:type=Model,*";
    private static final String REQUESTS = "io.genscope:type=Requests";
    private static final String VARIANTS = "io.genscope:type=Variants";
    private static final String[] WINDOW_SIGNATURE = {long.class.getName()};

    static TelemetryFigures read(MBeanServerConnection connection, Optional<Duration> window, String target)
            throws CommandFailure {
        try {
            ObjectName telemetry = new ObjectName(TELEMETRY);
            RequestSummary requests = requests(connection);
            if (window.isEmpty()) {
                return new TelemetryFigures(summary(connection.getAttribute(telemetry, "Summary")),
                        OpenDataRecords.map(AnalyticsSummary.class, connection.getAttribute(telemetry, "ByModel")),
                        BreakdownTables.read(connection, window), requests, variants(connection, window));
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
            return new TelemetryFigures(overall, byModel, BreakdownTables.read(connection, window), requests,
                    variants(connection, window));
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

    /**
     * The requests from the Requests MBean, each component from the attribute of the same name
     * capitalised; {@code null} when the JVM has no such MBean.
     */
    private static RequestSummary requests(MBeanServerConnection connection) throws JMException, IOException {
        ObjectName name = new ObjectName(REQUESTS);
        if (!connection.isRegistered(name)) {
            return null;
        }
        RecordComponent[] components = RequestSummary.class.getRecordComponents();
        String[] attributes = Arrays.stream(components)
                .map(component -> Character.toUpperCase(component.getName().charAt(0)) + component.getName().substring(1))
                .toArray(String[]::new);
        List<Attribute> read = connection.getAttributes(name, attributes).asList();
        try {
            if (read.size() != attributes.length) {
                throw new IllegalArgumentException(read.size() + " of " + attributes.length + " attributes");
            }
            return OpenDataRecords.construct(RequestSummary.class, read.stream().map(Attribute::getValue).toArray());
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            throw new JMException("the Requests MBean's attributes do not match this Genscope version's figures: " + e);
        }
    }
}
