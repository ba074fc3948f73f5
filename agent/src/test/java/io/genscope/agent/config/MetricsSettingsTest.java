package io.genscope.agent.config;

import io.genscope.agent.config.MetricsSettings.BasicAuthentication;
import io.genscope.agent.config.MetricsSettings.BearerAuthentication;
import io.genscope.agent.config.MetricsSettings.NoAuthentication;
import io.genscope.agent.config.MetricsSettings.Tls;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code metrics} section: off by default, each value checked, and no protection half set up. */
class MetricsSettingsTest {

    private static final Path FOLDER = Path.of("/etc/acme");
    private static final String FILE = FOLDER.resolve("genscope.yaml").toString();

    @Test
    void offOnLoopbackUnprotectedByDefault() {
        LoadedConfig loaded = parse("enabled: true\n");
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.settings().metrics()).isEqualTo(
                new MetricsSettings(MetricsSettings.OFF, "127.0.0.1", new NoAuthentication(), Optional.empty()));
        assertThat(loaded.settings().metrics().enabled()).isFalse();
    }

    @Test
    void aPortSwitchesItOnAndZeroIsAnyFreePort() {
        assertThat(metrics("metrics:\n  port: 9464\n  host: 0.0.0.0\n")).isEqualTo(
                new MetricsSettings(9464, "0.0.0.0", new NoAuthentication(), Optional.empty()));
        assertThat(metrics("metrics:\n  port: 0\n").port()).isZero();
        assertThat(metrics("metrics:\n  port: 0\n").enabled()).isTrue();
        assertThat(metrics("metrics:\n  port: OFF\n").enabled()).isFalse();
    }

    @Test
    void basicBearerAndTlsReadTheirFilesFromTheConfigFilesFolder() {
        assertThat(metrics("""
                metrics:
                  port: 9464
                  auth:
                    type: basic
                    user: prometheus
                    password-file: secrets/metrics.password
                  tls:
                    keystore: /var/lib/acme/metrics.p12
                    password-file: metrics.p12.password
                """)).isEqualTo(new MetricsSettings(9464, "127.0.0.1",
                new BasicAuthentication("prometheus", FOLDER.resolve("secrets/metrics.password")),
                Optional.of(new Tls(Path.of("/var/lib/acme/metrics.p12"), FOLDER.resolve("metrics.p12.password")))));
        assertThat(metrics("metrics:\n  port: 9464\n  auth:\n    type: bearer\n    token-file: token\n").authentication())
                .isEqualTo(new BearerAuthentication(FOLDER.resolve("token")));
    }

    @Test
    void aBadValueIsNamedByFileLineAndFieldAndTakesItsDefault() {
        LoadedConfig loaded = parse("""
                metrics:
                  port: 70000
                  host: ''
                  auth:
                    type: digest
                  tls:
                    keystroe: x.p12
                """);
        assertThat(loaded.problems()).extracting(ConfigProblem::describe).containsExactly(
                FILE + ":2 metrics.port: 70000 is out of range; use a whole number from 0 to 65535, or off"
                        + " (using the default off)",
                FILE + ":3 metrics.host: expected a host name or IP address such as 127.0.0.1 or 0.0.0.0, got nothing"
                        + " (using the default 127.0.0.1)",
                FILE + ":5 metrics.auth.type: 'digest' is not an auth type; use one of none, basic, bearer"
                        + " (using the default none)",
                FILE + ":7 metrics.tls.keystroe: unknown key 'keystroe' (did you mean 'keystore'?); valid keys here:"
                        + " keystore, password-file (ignored)");
        assertThat(loaded.settings().metrics().enabled()).isFalse();
    }

    @Test
    void protectionAskedForButIncompleteTurnsTheEndpointOffRatherThanServeItOpen() {
        LoadedConfig basic = parse("""
                metrics:
                  port: 9464
                  auth:
                    type: basic
                    token-file: token
                """);
        assertThat(basic.problems()).extracting(ConfigProblem::describe).containsExactly(
                FILE + ":3 metrics.auth.user: auth.type basic needs a user name (metrics endpoint off)",
                FILE + ":3 metrics.auth.password-file: auth.type basic needs the file that holds the password"
                        + " (metrics endpoint off)",
                FILE + ":5 metrics.auth.token-file: not used with auth.type basic (ignored)");
        assertThat(basic.settings().metrics().enabled()).isFalse();

        LoadedConfig bearer = parse("metrics:\n  port: 9464\n  auth:\n    type: bearer\n");
        assertThat(bearer.problems()).extracting(ConfigProblem::describe).containsExactly(
                FILE + ":3 metrics.auth.token-file: auth.type bearer needs the file that holds the token"
                        + " (metrics endpoint off)");
        assertThat(bearer.settings().metrics().enabled()).isFalse();

        LoadedConfig tls = parse("metrics:\n  port: 9464\n  tls:\n    keystore: k.p12\n");
        assertThat(tls.problems()).extracting(ConfigProblem::describe).containsExactly(
                FILE + ":3 metrics.tls.password-file: tls.keystore needs the file that holds the keystore's password"
                        + " (metrics endpoint off)");
        assertThat(tls.settings().metrics().enabled()).isFalse();
    }

    @Test
    void aUserNameWithAColonCannotBeSentByBasicAuthentication() {
        LoadedConfig loaded = parse(
                "metrics:\n  port: 1\n  auth:\n    type: basic\n    user: a:b\n    password-file: p\n");
        assertThat(loaded.problems()).extracting(ConfigProblem::describe).containsExactly(
                FILE + ":5 metrics.auth.user: a basic-authentication user name cannot hold ':' (metrics endpoint off)");
        assertThat(loaded.settings().metrics().enabled()).isFalse();
    }

    /** The config with one rule after {@code yaml}, so that no rule is no problem. */
    private static LoadedConfig parse(String yaml) {
        return OneRuleConfig.load(FILE, yaml);
    }

    private static MetricsSettings metrics(String yaml) {
        LoadedConfig loaded = parse(yaml);
        assertThat(loaded.problems()).isEmpty();
        return loaded.settings().metrics();
    }
}
