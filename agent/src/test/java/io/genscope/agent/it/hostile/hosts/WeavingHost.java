package io.genscope.agent.it.hostile.hosts;

import fixture.weaving.KotlinTemplate;
import fixture.weaving.Spec;
import fixture.weaving.SpecGenerator;
import fixture.weaving.SpecValidationException;
import fixture.weaving.SpecValidator;

import javax.management.InstanceNotFoundException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.TreeMap;

/**
 * A host that uses JMX itself and runs the {@code fixture.weaving} generators a fixed number of
 * times, keeping its own counts (the ground truth; {@code get-calls} counts the calls of its
 * {@code get*} methods, {@code getCode} and {@code getErrors}). It prints {@code host ...} lines (its own
 * output, the same with or without the agent) and then {@code genscope ...} lines: Genscope's
 * figures read from the platform MBean server, or {@code genscope absent} without the agent.
 */
public final class WeavingHost {

    static final int JMX_CALLS = 50;
    static final int CODE_CALLS = 7;
    static final String[] MODELS = {"gpt-a", "gpt-b", "gpt-a"};
    static final int ROUNDS = 4;

    private WeavingHost() {
    }

    public static void main(String[] args) throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        long jmxChecksum = 0;
        for (int i = 0; i < JMX_CALLS; i++) {
            jmxChecksum += ManagementFactory.getRuntimeMXBean().getName().length()
                    + ManagementFactory.getMemoryMXBean().getObjectPendingFinalizationCount() * 0L
                    + server.getMBeanCount() * 0L;
        }
        SpecGenerator generator = new SpecGenerator();
        StringBuilder output = new StringBuilder();
        for (int i = 0; i < CODE_CALLS; i++) {
            output.append(generator.getCode());
        }
        Map<String, Integer> byModel = new TreeMap<>();
        Map<String, Integer> errors = new TreeMap<>();
        int validations = 0;
        int failures = 0;
        SpecValidator validator = new SpecValidator();
        KotlinTemplate template = new KotlinTemplate();
        for (int round = 0; round < ROUNDS; round++) {
            for (String model : MODELS) {
                Spec spec = new Spec(round % 2 == 0 ? model : "", round == 3 ? "" : "fn" + round);
                output.append(generator.generate(new Spec(model, "fn" + round)));
                byModel.merge(model, 1, Integer::sum);
                output.append(template.render(spec));
                validations++;
                try {
                    validator.validate(spec);
                } catch (SpecValidationException invalid) {
                    failures++;
                    invalid.getErrors().forEach(finding -> errors.merge(finding.code(), 1, Integer::sum));
                }
            }
        }
        System.out.println("host output=" + output.length() + " jmx=" + (jmxChecksum > 0));
        System.out.println("host get-calls=" + (CODE_CALLS + failures) + " generations=" + MODELS.length * ROUNDS
                + " by-model=" + byModel + " validations=" + validations + " failures=" + failures + " errors=" + errors);
        printGenscopeFigures(server);
    }

    /** Prints Genscope's figures from its MBeans, or {@code genscope absent}. */
    static void printGenscopeFigures(MBeanServer server) throws Exception {
        ObjectName telemetry = new ObjectName("io.genscope:type=Telemetry");
        try {
            server.getMBeanInfo(telemetry);
        } catch (InstanceNotFoundException absent) {
            System.out.println("genscope absent");
            return;
        }
        Map<String, Object> byModel = new TreeMap<>();
        for (Object row : ((TabularData) server.getAttribute(telemetry, "ByModel")).values()) {
            CompositeData entry = (CompositeData) row;
            byModel.put((String) entry.get("key"), ((CompositeData) entry.get("value")).get("generations"));
        }
        Map<String, Object> errors = new TreeMap<>();
        for (Object row : ((TabularData) server.getAttribute(telemetry, "TopValidationErrors")).values()) {
            errors.put((String) ((CompositeData) row).get("key"), ((CompositeData) row).get("value"));
        }
        System.out.println("genscope generations=" + server.getAttribute(telemetry, "Generations")
                + " by-model=" + byModel + " validations=" + server.getAttribute(telemetry, "Validations")
                + " failures=" + server.getAttribute(telemetry, "ValidationFailures") + " errors=" + errors);
    }
}
