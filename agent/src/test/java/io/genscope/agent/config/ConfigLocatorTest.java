package io.genscope.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.genscope.agent.config.ConfigProblem.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLocatorTest {

    private final List<ConfigProblem> problems = new ArrayList<>();

    @ParameterizedTest(name = "args={0} property={1} env={2} -> {3}")
    @CsvSource(nullValues = "-", value = {
        "config=/a.yaml, /b.yaml, /c.yaml, /a.yaml",
        "-,              /b.yaml, /c.yaml, /b.yaml",
        "-,              -,       /c.yaml, /c.yaml",
        "'config=',      ' ',     /c.yaml, /c.yaml",
    })
    void argumentWinsOverPropertyWhichWinsOverEnvironment(String args, String property, String env, String expected) {
        assertThat(locate(args, property, env)).contains(Path.of(expected));
        assertThat(problems).isEmpty();
    }

    @Test
    void relativePathIsKeptAsGivenAndResolvesAgainstTheWorkingDirectory() {
        Path path = locate("config=conf/genscope.yaml", null, null).orElseThrow();

        assertThat(path).isEqualTo(Path.of("conf/genscope.yaml"));
        assertThat(path.toAbsolutePath()).isEqualTo(Path.of(System.getProperty("user.dir"), "conf", "genscope.yaml"));
    }

    @Test
    void unknownArgumentIsReportedAndIgnored() {
        assertThat(locate("confg=/x.yaml, config=/a.yaml", null, null)).contains(Path.of("/a.yaml"));
        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.severity()).isEqualTo(Severity.SETTING);
            assertThat(problem.describe()).isEqualTo("-javaagent arguments: unknown key 'confg' (did you mean 'config'?); "
                    + "valid keys here: config (ignored)");
        });
    }

    @Test
    void configGivenTwiceIsOneLineAndTheLastIsUsed() {
        assertThat(locate("config=/a.yaml,config=/b.yaml", null, null)).contains(Path.of("/b.yaml"));
        assertThat(problems).singleElement().extracting(ConfigProblem::describe).isEqualTo("-javaagent arguments: config is"
                + " given twice, config=/a.yaml then config=/b.yaml; keep one (the last is used, /b.yaml)");
    }

    @Test
    void argumentWithoutValueIsReportedAndIgnored() {
        locate("verbose,config=/a.yaml", null, null);

        assertThat(problems).singleElement().extracting(ConfigProblem::message).asString()
                .startsWith("'verbose' is not key=value");
    }

    @Test
    void noConfigAnywhereIsFatalAndNamesTheThreeWaysToGiveOne() {
        assertThat(locate(null, null, null)).isEmpty();
        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.severity()).isEqualTo(Severity.FATAL);
            assertThat(problem.message()).contains("=config=", "-Dgenscope.config=", "GENSCOPE_CONFIG=");
        });
    }

    @Test
    void invalidPathIsFatal() {
        assertThat(locate(null, "bad\0path", null)).isEmpty();
        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.severity()).isEqualTo(Severity.FATAL);
            assertThat(problem.file()).isEqualTo("system property genscope.config");
        });
    }

    private Optional<Path> locate(String args, String property, String env) {
        Properties properties = new Properties();
        if (property != null) {
            properties.setProperty(ConfigLocator.CONFIG_PROPERTY, property);
        }
        Map<String, String> environment = env == null ? Map.of() : Map.of(ConfigLocator.CONFIG_VARIABLE, env);
        return ConfigLocator.locate(args, properties, environment, problems::add);
    }
}
