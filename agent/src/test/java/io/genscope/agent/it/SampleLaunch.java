package io.genscope.agent.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The ways the integration tests start the sample generator: each must give the same figures.
 */
public enum SampleLaunch {
    /** {@code java -javaagent:… -jar sample-generator.jar}, the README's way. */
    JAR,
    /** The sample's classes in an isolated plugin class loader (parent: the platform loader). */
    ISOLATED_LOADER,
    /** A host with its own Jackson 2.12 and SLF4J 1.7 + binding on the class path. */
    HOST_LIBRARIES;

    public static final Path AGENT_JAR = Path.of(System.getProperty("genscope.agent.jar"));
    /** What the JVM prints once the agent jar is on the bootstrap class path, even with Genscope off. */
    public static final String CDS_NOTE = "OpenJDK 64-Bit Server VM warning: Sharing is only supported for boot loader"
            + " classes because bootstrap classpath has been appended";
    public static final Path SAMPLE_JAR = Path.of(System.getProperty("genscope.sample.jar"));
    public static final Path SAMPLE_CONFIG = Path.of(System.getProperty("genscope.sample.config"));
    /** A config of one valid rule for the sample, to which a test adds its own fault. */
    public static final String ONE_RULE_CONFIG = """
            rules:
              - name: generate
                role: generation
                class: com.example.codegen.CodeGenerator
                method: generate
                capture:
                  project-id: args[0].projectId
            """;
    /** The newest JDK installed beside the build's own, set by the build (empty when there is none). */
    public static final Path NEWER_JDK = Path.of(System.getProperty("genscope.it.newer.jdk", ""));
    static final Path HOST_LIBS = Path.of(System.getProperty("genscope.host.libs"));
    public static final Path TEST_CLASSES = Path.of("target", "test-classes").toAbsolutePath();

    /** The JVM's class path / main class / arguments part of the command line. */
    public List<String> mainArgs(List<String> sampleArgs) throws IOException {
        List<String> args = new ArrayList<>();
        switch (this) {
            case JAR -> args.addAll(List.of("-jar", SAMPLE_JAR.toString()));
            case ISOLATED_LOADER -> args.addAll(List.of("-cp", TEST_CLASSES.toString(),
                    "io.genscope.agent.it.launch.IsolatedLoaderLauncher", SAMPLE_JAR.toString()));
            case HOST_LIBRARIES -> args.addAll(List.of("-cp", hostClassPath(),
                    "io.genscope.agent.it.launch.HostWithOwnLibraries"));
        }
        args.addAll(sampleArgs);
        return args;
    }

    public static String agentFlag(Path config) {
        return "-javaagent:" + AGENT_JAR + "=config=" + config;
    }

    private static String hostClassPath() throws IOException {
        List<String> entries = new ArrayList<>(List.of(TEST_CLASSES.toString(), SAMPLE_JAR.toString()));
        try (Stream<Path> jars = Files.list(HOST_LIBS)) {
            jars.map(Path::toString).sorted().forEach(entries::add);
        }
        return String.join(java.io.File.pathSeparator, entries);
    }
}
