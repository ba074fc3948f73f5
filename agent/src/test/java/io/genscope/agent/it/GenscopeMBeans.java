package io.genscope.agent.it;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads Genscope's MBeans over a JMX connection and compares them with the ground truth. */
public final class GenscopeMBeans {

    public static final String TELEMETRY = "io.genscope:type=Telemetry";
    public static final String DIAGNOSTICS = "io.genscope:type=Diagnostics";

    private final MBeanServerConnection connection;

    public GenscopeMBeans(MBeanServerConnection connection) {
        this.connection = connection;
    }

    public Object attribute(String name, String attribute) throws Exception {
        return connection.getAttribute(new ObjectName(name), attribute);
    }

    public long longAttribute(String name, String attribute) throws Exception {
        return (Long) attribute(name, attribute);
    }

    public Object invoke(String name, String operation, Object[] params, String[] signature) throws Exception {
        return connection.invoke(new ObjectName(name), operation, params, signature);
    }

    /** The Telemetry MBean's figures equal every count the generator kept itself. */
    public void assertTelemetryMatches(GroundTruth truth) throws Exception {
        assertThat(longAttribute(TELEMETRY, "Generations")).as("generations").isEqualTo(truth.generations());
        assertThat(longAttribute(TELEMETRY, "GenerationSuccesses")).as("successes").isEqualTo(truth.successes());
        assertThat(longAttribute(TELEMETRY, "GenerationFailures")).as("failures").isEqualTo(truth.failures());
        assertThat(longAttribute(TELEMETRY, "RetryAttempts")).as("retries").isEqualTo(truth.retries());
        assertThat(longAttribute(TELEMETRY, "Validations")).as("validations").isEqualTo(truth.validations());
        assertThat(longAttribute(TELEMETRY, "ValidationFailures")).as("validation failures")
                .isEqualTo(truth.validationFailures());
        assertThat(OpenData.<Long>map(attribute(TELEMETRY, "TopValidationErrors"))).as("errors by type")
                .isEqualTo(truth.errorsByType());
        assertThat(OpenData.<Long>map(attribute(TELEMETRY, "DependencyUsage"))).as("dependencies")
                .isEqualTo(truth.dependencies());
        assertThat(OpenData.<Long>map(attribute(TELEMETRY, "GenerationFailureTypes"))).as("failures by type")
                .isEqualTo(truth.failuresByType());
        Map<String, CompositeData> byModel = OpenData.map(attribute(TELEMETRY, "ByModel"));
        assertThat(byModel).containsOnlyKeys(truth.byModel().keySet());
        truth.byModel().forEach((model, counts) -> assertModel(model, byModel.get(model), counts));
    }

    private static void assertModel(String model, CompositeData figures, Map<String, Long> counts) {
        assertThat(figures.get("generations")).as(model + " generations").isEqualTo(counts.get("generations"));
        assertThat(figures.get("generationSuccesses")).as(model + " successes").isEqualTo(counts.get("successes"));
        assertThat(figures.get("generationFailures")).as(model + " failures").isEqualTo(counts.get("failures"));
        assertThat(figures.get("retryAttempts")).as(model + " retries").isEqualTo(counts.get("retries"));
        assertThat(figures.get("validations")).as(model + " validations").isEqualTo(counts.get("validations"));
        assertThat(figures.get("validationFailures")).as(model + " validation failures")
                .isEqualTo(counts.get("validationFailures"));
    }
}
