package io.genscope.agent.install;

import io.genscope.agent.config.ConfigLoader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClassNameFilterTest {

    private static final ClassLoader APPLICATION = ClassNameFilterTest.class.getClassLoader();
    private static final String HOOKED = "java.lang.management.ManagementFactory";

    private static ClassNameFilter filterFor(String rules) {
        return ClassNameFilter.of(ConfigLoader.parse("genscope.yaml", "rules:\n" + rules).settings().rules(), HOOKED);
    }

    @Test
    void aNamedClassPassesAndAnyOtherClassOfTheApplicationDoesNot() {
        ClassNameFilter filter = filterFor("""
                  - role: generation
                    class: com.acme.Outer$CodeGenerator
                    method: generate
                """);

        assertThat(filter.mayWeave("com/acme/Outer$CodeGenerator", APPLICATION, null)).isTrue();
        assertThat(filter.mayWeave("com/acme/Outer", APPLICATION, null)).isFalse();
        assertThat(filter.mayWeave("com/sun/tools/javac/main/JavaCompiler", APPLICATION, null)).isFalse();
    }

    @Test
    void aGlobIsMatchedAgainstTheBinaryName() {
        ClassNameFilter filter = filterFor("""
                  - role: validation
                    class: com.acme.*Validator
                    method: validate
                """);

        assertThat(filter.mayWeave("com/acme/rules/JavacValidator", APPLICATION, null)).isTrue();
        assertThat(filter.mayWeave("com/acme/rules/JavacValidators", APPLICATION, null)).isFalse();
        assertThat(filter.mayWeave("org/acme/JavacValidator", APPLICATION, null)).isFalse();
    }

    @Test
    void aSupertypeRuleLetsClassesOfAnyNameThroughButNeverTheAgentsOwnNorProxies() {
        ClassNameFilter filter = filterFor("""
                  - role: generation
                    class: com.acme.CodeGenerator
                    method: generate
                  - role: generation
                    implements: com.acme.Generator
                    method: generate
                """);

        assertThat(filter.mayWeave("org/other/AnyGenerator", APPLICATION, null)).isTrue();
        assertThat(filter.mayWeave("io/genscope/runtime/Genscope", APPLICATION, null)).isFalse();
        assertThat(filter.mayWeave("net/bytebuddy/ByteBuddy", APPLICATION, null)).isFalse();
        assertThat(filter.mayWeave("jdk/proxy2/$Proxy25", APPLICATION, null)).isFalse();
    }

    @Test
    void ofTheBootLoadersClassesOnlyTheHookedOnePasses() {
        ClassNameFilter filter = filterFor("""
                  - role: generation
                    implements: java.lang.Runnable
                    method: run
                """);

        assertThat(filter.mayWeave("java/lang/management/ManagementFactory", null, null)).isTrue();
        assertThat(filter.mayWeave("java/lang/Thread", null, null)).isFalse();
        assertThat(filter.mayWeave("java/lang/management/ManagementFactory", APPLICATION, null)).isTrue();
    }

    @Test
    void aGlobOverEveryClassNeverPassesTheJdkNorGenscopeWhateverTheLoader() {
        ClassNameFilter filter = filterFor("""
                  - role: generation
                    class: "*"
                    method: "get*"
                """);
        ClassLoader platform = ClassLoader.getPlatformClassLoader();

        assertThat(filter.mayWeave("com/acme/Generator", APPLICATION, null)).isTrue();
        assertThat(filter.mayWeave("java/sql/Timestamp", platform, null)).isFalse();
        assertThat(filter.mayWeave("javax/xml/parsers/DocumentBuilder", platform, null)).isFalse();
        assertThat(filter.mayWeave("com/sun/tools/javac/main/JavaCompiler", APPLICATION, null)).isFalse();
        assertThat(filter.mayWeave("io/genscope/shaded/jackson/JsonParser", APPLICATION, null)).isFalse();
    }

    @Test
    void aHiddenClassWithoutANameNeverPasses() {
        assertThat(filterFor("""
                  - role: generation
                    implements: java.lang.Runnable
                    method: run
                """).mayWeave(null, APPLICATION, null)).isFalse();
    }
}
