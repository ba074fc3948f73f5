package io.genscope.agent.cli;

import io.genscope.runtime.analytics.AnalyticsSummary;
import io.genscope.runtime.analytics.RequestSummary;
import io.genscope.runtime.analytics.BreakdownRow;

import javax.management.Attribute;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.InvalidKeyException;
import javax.management.openmbean.TabularData;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The figures {@code report-on-exit} prints, read over JMX from the Telemetry MBean and turned
 * back into the runtime's own {@link AnalyticsSummary}, so the text comes from the same
 * {@code SummaryReport} and cannot drift from it.
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
 */
record TelemetryFigures(AnalyticsSummary overall, Map<String, AnalyticsSummary> byModel,
                        Map<String, List<BreakdownRow>> breakdowns, RequestSummary requests) {

    private static final String TELEMETRY = "io.genscope:type=Telemetry";
    private static final String MODELS = "io.genscope:type=Model,*";
    private static final String REQUESTS = "io.genscope:type=Requests";
    private static final String[] WINDOW_SIGNATURE = {long.class.getName()};

    static TelemetryFigures read(MBeanServerConnection connection, Optional<Duration> window, String target)
            throws CommandFailure {
        try {
            ObjectName telemetry = new ObjectName(TELEMETRY);
            RequestSummary requests = requests(connection);
            if (window.isEmpty()) {
                return new TelemetryFigures(summary(connection.getAttribute(telemetry, "Summary")),
                        byModel(connection.getAttribute(telemetry, "ByModel")), BreakdownTables.read(connection, window),
                        requests);
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
            return new TelemetryFigures(overall, byModel, BreakdownTables.read(connection, window), requests);
        } catch (InstanceNotFoundException e) {
            throw CommandFailure.failed(target + " runs no Genscope agent: it has no " + TELEMETRY + " MBean");
        } catch (SecurityException e) {
            throw CommandFailure.failed("not allowed to read " + TELEMETRY + " at " + target + " (" + e.getMessage()
                    + "); --window calls an operation, which needs a readwrite JMX user");
        } catch (JMException | IOException e) {
            throw CommandFailure.failed("cannot read " + TELEMETRY + " at " + target + ": " + e);
        }
    }

    private static Map<String, AnalyticsSummary> byModel(Object table) throws JMException {
        Map<String, AnalyticsSummary> byModel = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : entries((TabularData) table).entrySet()) {
            byModel.put(entry.getKey(), summary(entry.getValue()));
        }
        return byModel;
    }

    /** The record back from its open data: each component from the item of the same name. */
    private static AnalyticsSummary summary(Object openData) throws JMException {
        CompositeData data = (CompositeData) openData;
        RecordComponent[] components = AnalyticsSummary.class.getRecordComponents();
        Object[] values = new Object[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                Object item = data.get(components[i].getName());
                values[i] = item instanceof TabularData table ? entries(table) : item;
            }
        } catch (InvalidKeyException e) {
            throw new JMException("the Summary's items do not match this Genscope version's figures: " + e);
        }
        return construct(AnalyticsSummary.class, values, "Summary's items");
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
        if (read.size() != attributes.length) {
            throw new JMException("the Requests MBean's attributes do not match this Genscope version's figures");
        }
        return construct(RequestSummary.class, read.stream().map(Attribute::getValue).toArray(), "Requests attributes");
    }

    private static <R extends Record> R construct(Class<R> type, Object[] values, String what) throws JMException {
        try {
            Constructor<R> canonical = type.getConstructor(Arrays.stream(type.getRecordComponents())
                    .map(RecordComponent::getType).toArray(Class<?>[]::new));
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            throw new JMException("the " + what + " do not match this Genscope version's figures: " + e);
        }
    }

    /** The rows of an open-data map, key to value, in the server's order (most frequent first). */
    static Map<String, Object> entries(TabularData table) {
        Map<String, Object> entries = new LinkedHashMap<>();
        for (Object row : table.values()) {
            CompositeData entry = (CompositeData) row;
            entries.put((String) entry.get("key"), entry.get("value"));
        }
        return entries;
    }
}
