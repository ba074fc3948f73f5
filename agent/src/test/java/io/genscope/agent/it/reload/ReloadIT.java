package io.genscope.agent.it.reload;

import com.sun.tools.attach.VirtualMachine;
import io.genscope.agent.it.ForkedJvm;
import io.genscope.agent.it.GenscopeMBeans;
import io.genscope.agent.it.GroundTruth;
import io.genscope.agent.it.OpenData;
import io.genscope.agent.it.SampleLaunch;
import io.genscope.agent.it.SecuredJmx;
import io.genscope.agent.it.cli.AgentCommandLine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.management.openmbean.CompositeData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code java -jar genscope-agent.jar reload <pid>} run as an operator runs it, against a real
 * sample generator started with the agent and paused half way ({@code --pause-after}): the config
 * file is edited, reloaded, and the run resumed. What Genscope counts must then equal the
 * generator's own ground truth: every call of a rule kept across the reload (so nothing lost,
 * nothing counted twice, which a class woven over its old weaving would do), the calls after
 * the reload for a rule it added, none after it for a rule it removed (whose method then runs
 * its own bytecode: a still-woven method would go on counting).
 */
class ReloadIT {

    private static final int REQUESTS = 40;
    /** The generate rule's own MBean: its figures, whatever other rules count. */
    private static final String GENERATOR = "io.genscope:type=Generator,name=generate";
    private static final int PAUSE_AFTER = 20;

    /** {@code rules:} with the generate rule, to which the tests add theirs. */
    private static final String GENERATE = SampleLaunch.ONE_RULE_CONFIG;
    private static final String MODEL_CAPTURE = """
                  model: this.model.name
            """;
    private static final String REPAIR = """
              - name: repair
                role: retry
                class: com.example.codegen.CodeGenerator
                method: repair
            """;
    private static final String JAVAC = """
              - name: javac
                role: validation
                class: com.example.codegen.JavacValidator
                method: validate
                capture:
                  validation-ok: return.ok
            """;

    @TempDir
    Path directory;

    /** The Diagnostics MBean's {@code ConfigHash} of a file holding {@code text}: its SHA-256's first 12 hex digits. */
    private static String sha256Start(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 12);
    }

    private ForkedJvm sample;
    private SecuredJmx jmx;

    @AfterEach
    void stopSample() throws InterruptedException {
        if (sample != null) {
            sample.close();
        }
    }

    @Test
    void aRuleAddedStartsARuleRemovedStopsAndTheUnchangedRuleLosesNothing() throws Exception {
        Path config = write("genscope.yaml", GENERATE + REPAIR);
        GenscopeMBeans mBeans = start(config);
        GroundTruth paused = paused();
        assertThat(mBeans.longAttribute(GenscopeMBeans.TELEMETRY, "RetryAttempts")).isEqualTo(paused.retries());

        write("genscope.yaml", GENERATE + JAVAC);
        assertThat(mBeans.attribute(GenscopeMBeans.DIAGNOSTICS, "ConfigHash")).as("the hash of the file as loaded")
                .isEqualTo(sha256Start(GENERATE + REPAIR));
        AgentCommandLine reload = reload(Long.toString(sample.pid()));

        assertThat(reload.status()).as(reload.toString()).isZero();
        assertThat(mBeans.attribute(GenscopeMBeans.DIAGNOSTICS, "ConfigHash")).isEqualTo(sha256Start(GENERATE + JAVAC));
        assertThat(reload.stdout()).containsExactly("reload of " + config + " applied: config version 2",
                "  added:     javac", "  removed:   repair", "  changed:   -", "  unchanged: generate");
        GroundTruth truth = resume();
        assertThat(truth.retries()).as("the run retried after the reload").isGreaterThan(paused.retries());
        assertThat(truth.validations()).isGreaterThan(paused.validations());
        assertThat(mBeans.longAttribute(GENERATOR, "Generations")).isEqualTo(truth.generations());
        assertThat(mBeans.longAttribute(GenscopeMBeans.TELEMETRY, "Generations")).isEqualTo(truth.generations());
        assertThat(mBeans.longAttribute(GenscopeMBeans.TELEMETRY, "GenerationSuccesses")).isEqualTo(truth.successes());
        assertThat(mBeans.longAttribute(GenscopeMBeans.TELEMETRY, "GenerationFailures")).isEqualTo(truth.failures());
        assertThat(mBeans.longAttribute(GenscopeMBeans.TELEMETRY, "RetryAttempts")).as("repair stopped counting")
                .isEqualTo(paused.retries());
        assertThat(mBeans.longAttribute(GenscopeMBeans.TELEMETRY, "Validations")).as("javac counts since the reload")
                .isEqualTo(truth.validations() - paused.validations());
        assertThat(mBeans.longAttribute(GenscopeMBeans.TELEMETRY, "ValidationFailures"))
                .isEqualTo(truth.validationFailures() - paused.validationFailures());
        assertThat(mBeans.longAttribute(GenscopeMBeans.DIAGNOSTICS, "ConfigVersion")).isEqualTo(2);
        assertThat(OpenData.map(mBeans.attribute(GenscopeMBeans.DIAGNOSTICS, "Rules")))
                .containsOnlyKeys("generate", "javac");
    }

    @Test
    void aChangedCaptureIsReadFromTheReloadOnAndTheRuleKeepsItsFigures() throws Exception {
        Path config = write("genscope.yaml", GENERATE + JAVAC);
        GenscopeMBeans mBeans = start(config);
        GroundTruth paused = paused();

        write("genscope.yaml", GENERATE + MODEL_CAPTURE + JAVAC + JAVAC.replace("name: javac", "name: lint")
                .replace("method: validate", "method: validat"));
        AgentCommandLine reload = reload(Long.toString(sample.pid()));

        assertThat(reload.status()).as(reload.toString()).isZero();
        assertThat(reload.stdout()).contains("  added:     lint", "  changed:   generate", "  unchanged: javac")
                .anyMatch(line -> line.startsWith("  warning: ") && line.contains("rule 'lint' selects")
                        && line.contains("closest: validate"));
        GroundTruth truth = resume();
        assertThat(mBeans.longAttribute(GENERATOR, "Generations")).as("the rule's own figures, kept")
                .isEqualTo(truth.generations());
        assertThat(mBeans.longAttribute(GenscopeMBeans.TELEMETRY, "Validations")).isEqualTo(truth.validations());
        assertThat(mBeans.longAttribute(GenscopeMBeans.TELEMETRY, "ValidationFailures"))
                .isEqualTo(truth.validationFailures());
        Map<String, CompositeData> byModel = OpenData.map(mBeans.attribute(GenscopeMBeans.TELEMETRY, "ByModel"));
        assertThat(byModel.get("(unknown)").get("generations")).as("before the model was captured")
                .isEqualTo(paused.generations());
        truth.byModel().forEach((model, counts) -> assertThat(byModel.get(model).get("generations")).as(model)
                .isEqualTo(counts.get("generations") - paused.byModel().getOrDefault(model, Map.of())
                        .getOrDefault("generations", 0L)));
    }

    @Test
    void aBrokenConfigOrAReadonlyUserChangesNothingAndAnAttachReloadsWithoutASecondAgent() throws Exception {
        Path config = write("genscope.yaml", GENERATE + REPAIR);
        GenscopeMBeans mBeans = start(config);
        paused();

        write("genscope.yaml", GENERATE + REPAIR.replace("method: repair", "metod: repair") + JAVAC);
        AgentCommandLine broken = reload(Long.toString(sample.pid()));

        assertThat(broken.status()).as(broken.toString()).isEqualTo(1);
        assertThat(broken.stdout().get(0)).isEqualTo("reload of " + config
                + " refused: nothing changed, config version 1 runs on");
        assertThat(broken.stdout()).anyMatch(line -> line.startsWith("  " + config + ":") && line.contains("metod"));
        write("genscope.yaml", GENERATE + JAVAC);
        Path readonlyPassword = Files.writeString(directory.resolve("readonly-password"), SecuredJmx.READONLY_PASSWORD);
        AgentCommandLine readonly = reload(jmx.address(), "--user", SecuredJmx.READONLY_USER, "--password-file",
                readonlyPassword.toString());

        assertThat(readonly.status()).as(readonly.toString()).isEqualTo(1);
        assertThat(readonly.stdout()).isEmpty();
        assertThat(readonly.stderr()).singleElement().asString().contains("needs a readwrite JMX user");
        assertThat(mBeans.longAttribute(GenscopeMBeans.DIAGNOSTICS, "ConfigVersion")).isEqualTo(1);

        Path attached = write("attached.yaml", "log-level: debug\n" + GENERATE.replace("rules:\n", "rules:\n" + REPAIR));
        attach(sample.pid(), "config=" + attached);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(mBeans.longAttribute(GenscopeMBeans.DIAGNOSTICS, "ConfigVersion")).isEqualTo(2));
        assertThat(mBeans.attribute(GenscopeMBeans.DIAGNOSTICS, "ConfigFile")).isEqualTo(attached.toString());
        GroundTruth truth = resume();
        assertThat(sample.stderr()).anyMatch(line -> line.contains("reloaded " + attached)
                && line.contains("unchanged [repair, generate]"));
        assertThat(mBeans.longAttribute(GenscopeMBeans.TELEMETRY, "Generations")).isEqualTo(truth.generations());
        assertThat(mBeans.longAttribute(GenscopeMBeans.TELEMETRY, "RetryAttempts")).isEqualTo(truth.retries());
        assertThat(mBeans.longAttribute(GenscopeMBeans.TELEMETRY, "Validations")).isZero();
    }

    /**
     * Starts the sample with the agent reading {@code config} and a password-protected JMX agent
     * ({@link #jmx}), and connects to its MBeans.
     */
    private GenscopeMBeans start(Path config) throws Exception {
        jmx = new SecuredJmx(directory);
        List<String> flags = new ArrayList<>(jmx.jvmFlags());
        flags.add(SampleLaunch.agentFlag(config));
        sample = ForkedJvm.start(flags, SampleLaunch.JAR.mainArgs(List.of("--requests", Integer.toString(REQUESTS),
                "--pause-after", Integer.toString(PAUSE_AFTER), "--keep-running")));
        return new GenscopeMBeans(jmx.connection());
    }

    private GroundTruth paused() throws Exception {
        return GroundTruth.parse(sample.awaitLine(GroundTruth.PAUSED_PREFIX, Duration.ofMinutes(2)));
    }

    private GroundTruth resume() throws Exception {
        sample.send("");
        return GroundTruth.parse(sample.awaitLine(GroundTruth.PREFIX, Duration.ofMinutes(2)));
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(directory.resolve(name), text);
    }

    private static AgentCommandLine reload(String... args) throws Exception {
        List<String> commandLine = new ArrayList<>(List.of("reload"));
        commandLine.addAll(List.of(args));
        return AgentCommandLine.run(commandLine.toArray(String[]::new));
    }

    /** What {@code attach} does: loads the agent jar into the running JVM, with {@code arguments}. */
    private static void attach(long pid, String arguments) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
        try {
            vm.loadAgent(SampleLaunch.AGENT_JAR.toString(), arguments);
        } finally {
            vm.detach();
        }
    }
}
