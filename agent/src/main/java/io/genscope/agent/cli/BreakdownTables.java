package io.genscope.agent.cli;

import io.genscope.runtime.analytics.BreakdownRow;
import io.genscope.runtime.store.BreakdownDimension;
import io.genscope.runtime.time.DurationText;

import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The breakdown tables of the summary, read from the Breakdown MBeans' {@code Top} attribute (so a
 * {@code readonly} JMX user reads them): per dimension some generation rule captures, its values
 * with the most generations, as {@link BreakdownRow}s. The default window's MBeans, or for
 * {@code --window} those of that window when {@code store.windows} lists it (none otherwise: the
 * Breakdown MBeans have no operation for any other window).
 */
final class BreakdownTables {

    private BreakdownTables() {
    }

    /** Per dimension, in the dimensions' order, its rows most generations first. */
    static Map<String, List<BreakdownRow>> read(MBeanServerConnection connection, Optional<Duration> window)
            throws JMException, IOException {
        Map<String, List<BreakdownRow>> tables = new LinkedHashMap<>();
        for (BreakdownDimension dimension : BreakdownDimension.values()) {
            ObjectName name = new ObjectName("io.genscope:type=Breakdown,dimension=" + dimension.configName()
                    + window.map(w -> ",window=" + DurationText.format(w)).orElse(""));
            if (connection.isRegistered(name)) {
                tables.put(dimension.configName(), rows((TabularData) connection.getAttribute(name, "Top")));
            }
        }
        return tables;
    }

    private static List<BreakdownRow> rows(TabularData table) {
        List<BreakdownRow> rows = new ArrayList<>();
        for (Object entry : table.values()) {
            CompositeData row = (CompositeData) ((CompositeData) entry).get("value");
            rows.add(new BreakdownRow((String) ((CompositeData) entry).get("key"), count(row, "generations"),
                    count(row, "successes"), count(row, "validatedGenerations"), count(row, "firstPassGenerations"),
                    count(row, "retries"), count(row, "validations"), count(row, "validationFailures"),
                    figure(row, "generationTimeP50Millis"), figure(row, "generationTimeP95Millis"),
                    figure(row, "averagePromptLength"), figure(row, "promptLengthP50"), figure(row, "promptLengthP95")));
        }
        rows.sort((a, b) -> Long.compare(b.generations(), a.generations()));
        return rows;
    }

    private static long count(CompositeData row, String item) {
        return (Long) row.get(item);
    }

    private static double figure(CompositeData row, String item) {
        return (Double) row.get(item);
    }
}
