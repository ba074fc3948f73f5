package io.genscope.agent.cli;

import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a Genscope that has just started says of itself in its Diagnostics MBean: its config file
 * and, for each rule, the methods it instrumented so far, which right after an attach are those of the classes already loaded.
 *
 * @param configFile the config file it read
 * @param rules      rule name to its role and the methods it instrumented, in the config's order
 */
record AttachedRules(String configFile, Map<String, CompositeData> rules) {

    private static final String DIAGNOSTICS = "io.genscope:type=Diagnostics";

    static AttachedRules read(MBeanServerConnection connection, String pid) throws CommandFailure {
        try {
            ObjectName diagnostics = new ObjectName(DIAGNOSTICS);
            TabularData table = (TabularData) connection.getAttribute(diagnostics, "Rules");
            Map<String, Object> rows = OpenDataRecords.rows(table);
            Map<String, CompositeData> rules = new LinkedHashMap<>();
            rows.forEach((name, status) -> rules.put(name, (CompositeData) status));
            return new AttachedRules((String) connection.getAttribute(diagnostics, "ConfigFile"), rules);
        } catch (JMException | IOException e) {
            throw CommandFailure.failed("Genscope started in pid " + pid + " but its " + DIAGNOSTICS
                    + " MBean could not be read: " + e);
        }
    }

    /** The config file, then one paragraph per rule, as {@code check} prints them. */
    void print(PrintStream out) {
        out.println("config " + configFile);
        rules.forEach((name, status) -> {
            out.println("rule '" + name + "' (" + status.get("role") + "):");
            List<String> methods = List.of((String[]) status.get("matchedMethods"));
            if (methods.isEmpty()) {
                out.println("  instruments no method of the classes loaded so far (a class that loads later is"
                        + " instrumented then)");
            }
            methods.forEach(method -> out.println("  instruments " + method));
        });
    }
}
