package io.genscope.agent.it;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent jar a user downloads: nothing of ours or of our dependencies outside
 * {@code io.genscope}, so no class of the host can ever clash with it, and a manifest the JVM
 * accepts for both {@code -javaagent} and attach.
 */
class AgentJarIT {

    private static final Pattern ALLOWED = Pattern.compile(
            "io/(genscope/.*)?"
                    + "|META-INF/"
                    + "|META-INF/MANIFEST\\.MF"
                    + "|META-INF/services/(io\\.genscope\\.shaded\\..*)?"
                    + "|META-INF/(licenses/)?[A-Za-z-]*(LICENSE|NOTICE|ASM)[A-Za-z-]*(\\.txt)?"
                    + "|META-INF/licenses/");

    @Test
    void everyClassLivesUnderIoGenscopeAndThirdPartyCodeIsRelocated() throws IOException {
        try (JarFile jar = new JarFile(SampleLaunch.AGENT_JAR.toFile())) {
            List<String> entries = jar.stream().map(JarEntry::getName).toList();
            assertThat(entries).allMatch(name -> ALLOWED.matcher(name).matches(), "allowed entry")
                    .contains("io/genscope/agent/GenscopeAgent.class",
                            "io/genscope/shaded/bytebuddy/ByteBuddy.class",
                            "io/genscope/shaded/jackson/dataformat/yaml/YAMLFactory.class",
                            "io/genscope/shaded/slf4j/LoggerFactory.class",
                            "io/genscope/runtime/Genscope.class",
                            "META-INF/services/io.genscope.shaded.slf4j.spi.SLF4JServiceProvider")
                    .noneMatch(name -> name.contains("/jackson/databind/"));
        }
    }

    /**
     * The jar leaves out Byte Buddy's {@code AgentBuilder} and build-plugin engine (agent/pom.xml).
     * Only classes the agent never uses may refer to them: the build plugins themselves, and
     * class-file lookup and class reloading through {@code Instrumentation}. A Byte Buddy upgrade
     * that adds a reference from anywhere else fails here, before it fails at run time.
     */
    @Test
    void onlyClassesTheAgentNeverUsesReferToWhatTheJarLeavesOutOfByteBuddy() throws IOException {
        List<String> leftOut = List.of("io/genscope/shaded/bytebuddy/agent/builder/",
                "io/genscope/shaded/bytebuddy/build/Plugin");
        Pattern unused = Pattern.compile("io/genscope/shaded/bytebuddy/("
                + "build/[A-Za-z]+Plugin"
                + "|dynamic/ClassFileLocator\\$ForInstrumentation"
                + "|dynamic/loading/ClassReloadingStrategy)\\.class");
        List<String> referring = new ArrayList<>();
        try (JarFile jar = new JarFile(SampleLaunch.AGENT_JAR.toFile())) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                if (entry.getName().endsWith(".class")) {
                    // class names sit in the constant pool as plain ASCII
                    String classFile = new String(jar.getInputStream(entry).readAllBytes(),
                            StandardCharsets.ISO_8859_1);
                    if (leftOut.stream().anyMatch(classFile::contains)) {
                        referring.add(entry.getName());
                    }
                }
            }
        }
        assertThat(referring).isNotEmpty()
                .allMatch(name -> unused.matcher(name).matches(), "a class the agent never uses");
    }

    @Test
    void theJarStaysUnderSixMegabytes() throws IOException {
        assertThat(java.nio.file.Files.size(SampleLaunch.AGENT_JAR)).isLessThanOrEqualTo(6_000_000L);
    }

    @Test
    void theManifestDeclaresTheAgentAndCommandLineEntryPointsAndRetransformation() throws IOException {
        try (JarFile jar = new JarFile(SampleLaunch.AGENT_JAR.toFile())) {
            Attributes manifest = jar.getManifest().getMainAttributes();
            assertThat(manifest.getValue("Premain-Class")).isEqualTo("io.genscope.agent.GenscopeAgent");
            assertThat(manifest.getValue("Agent-Class")).isEqualTo("io.genscope.agent.GenscopeAgent");
            assertThat(manifest.getValue("Main-Class")).isEqualTo("io.genscope.agent.cli.CommandLine");
            assertThat(manifest.getValue("Can-Retransform-Classes")).isEqualTo("true");
            assertThat(manifest.getValue("Can-Redefine-Classes")).isEqualTo("true");
        }
    }
}
