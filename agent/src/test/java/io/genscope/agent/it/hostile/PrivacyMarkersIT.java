package io.genscope.agent.it.hostile;

import io.genscope.agent.it.GenscopeMBeans;
import io.genscope.agent.it.OpenData;
import io.genscope.agent.it.SampleLaunch;
import io.genscope.agent.it.hostile.hosts.PrivacyPlainErrorsHost;
import io.genscope.agent.it.hostile.hosts.PrivacySampleHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.management.openmbean.CompositeData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Under the default config, no user content reaches anything Genscope shows or keeps: markers
 * planted in prompts, generated code, error messages (plain compiler and linter lines included)
 * and exception messages appear in no MBean attribute or operation result, not in the exported
 * events, not on stdout or stderr, and not in a live heap dump taken once the host has dropped
 * its own references. Each host also runs without the agent: its heap then holds no marker either
 * (so the dump can tell), and its output is the same.
 */
class PrivacyMarkersIT {

    @TempDir
    Path directory;

    static final String PLAIN_ERRORS_CONFIG = """
            rules:
              - name: generate
                role: generation
                class: com.example.hostile.PrivacyPlainErrors$Generator
                method: generate
                capture:
                  project-id: args[0].project
                  prompt-length: args[0].prompt.length
              - name: plain-errors
                role: validation
                class: com.example.hostile.PrivacyPlainErrors$Validators
                method: "*"
                parameters: [io.genscope.agent.it.hostile.hosts.PrivacyMarkers]
                capture:
                  errors: return
              - name: parse
                role: validation
                class: com.example.hostile.PrivacyPlainErrors$Validators
                method: parse
            """;

    static Path config(Path directory, String text) throws Exception {
        return Files.writeString(directory.resolve("genscope-" + Math.abs(text.hashCode()) + ".yaml"), text);
    }

    @Test
    void plainStringErrorsLeaveShortTypesAndNoMarkerAnywhere() throws Exception {
        long seed = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
        Path config = config(directory, PLAIN_ERRORS_CONFIG);
        try (PrivacyRun without = PrivacyRun.start(directory, "plain-without", null, PrivacyPlainErrorsHost.class, seed, "20");
             PrivacyRun with = PrivacyRun.start(directory, "plain-with", config, PrivacyPlainErrorsHost.class, seed, "20")) {
            GenscopeMBeans mbeans = new GenscopeMBeans(with.connection());
            assertThat(OpenData.<Long>map(mbeans.attribute(GenscopeMBeans.TELEMETRY, "TopValidationErrors")))
                    .containsOnlyKeys("cannot find symbol", "incompatible types",
                            "class _ is public should be declared in a file named _", "(unknown)", "TS2304", "TS2322",
                            "no-undef", "no-unused-vars", "NameError", "F821", "name-defined", "misc",
                            "java.lang.IllegalArgumentException")
                    .containsEntry("TS2304", 20L);
            assertThat(lastCaptureFailure(mbeans, "generate")).isEqualTo("capture.project-id: java.lang.IllegalStateException");

            assertNoMarkerAnywhere(without, with);
        }
    }

    @Test
    void theSampleGeneratorUnderItsOwnConfigLeavesNoMarkerAnywhere() throws Exception {
        long seed = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
        try (PrivacyRun without = PrivacyRun.start(directory, "sample-without", null, PrivacySampleHost.class, seed, "12");
             PrivacyRun with = PrivacyRun.start(directory, "sample-with", SampleLaunch.SAMPLE_CONFIG,
                     PrivacySampleHost.class, seed, "12")) {
            GenscopeMBeans mbeans = new GenscopeMBeans(with.connection());
            assertThat(OpenData.<Long>map(mbeans.attribute(GenscopeMBeans.TELEMETRY, "TopValidationErrors")))
                    .containsKeys("compiler.err.class.public.should.be.in.file", "compiler.err.cant.resolve.location");
            assertThat(lastCaptureFailure(mbeans, "generate")).isEqualTo("capture.model: java.lang.IllegalStateException");

            assertNoMarkerAnywhere(without, with);
        }
    }

    private static String lastCaptureFailure(GenscopeMBeans mbeans, String rule) throws Exception {
        Map<String, CompositeData> rules = OpenData.map(mbeans.attribute(GenscopeMBeans.DIAGNOSTICS, "Rules"));
        return (String) rules.get(rule).get("lastCaptureFailure");
    }

    /** Looks for every marker in every place; reports how many were found where, so a failure gives the figure. */
    private static void assertNoMarkerAnywhere(PrivacyRun without, PrivacyRun with) throws Exception {
        List<String> markers = with.markers();
        assertThat(markers).as("markers planted").hasSizeGreaterThan(50);
        assertThat(without.markersInHeap()).as("markers the host itself keeps (the dump could not tell)").isEmpty();
        String events = (String) new GenscopeMBeans(with.connection()).invoke(GenscopeMBeans.TELEMETRY, "exportEvents",
                new Object[] {1_000_000}, new String[] {"int"});
        assertThat(events).as("exported events").contains("validation_failure");

        Map<String, Set<String>> found = new LinkedHashMap<>();
        found.put("MBean attributes and operation results", with.markersIn(PrivacyMBeanText.everything(with.connection())));
        found.put("exported events", with.markersIn(events));
        found.put("stdout", with.markersIn(String.join("\n", with.jvm().stdout())));
        found.put("stderr", with.markersIn(String.join("\n", with.jvm().stderr())));
        found.put("live heap", with.markersInHeap());
        Map<String, Integer> counts = new LinkedHashMap<>();
        found.forEach((place, inPlace) -> counts.put(place, inPlace.size()));

        assertThat(counts).as("markers found per place, of " + markers.size() + " planted (first of each: "
                        + found.values().stream().map(inPlace -> inPlace.stream().findFirst().orElse("-")).toList() + ")")
                .allSatisfy((place, count) -> assertThat(count).as(place).isZero());
        assertThat(with.jvm().stdout()).as("the host's own output").isEqualTo(without.jvm().stdout());
    }
}
