package io.genscope.agent.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AttachOptionsTest {

    @Test
    void aRelativeConfigIsMadeAbsoluteAgainstThisCommandsDirectory() throws Exception {
        AttachOptions options = AttachOptions.parse(List.of("4242", "config=conf/../genscope.yaml"));

        assertThat(options.pid()).isEqualTo("4242");
        assertThat(options.agentArguments())
                .isEqualTo("config=" + Path.of("genscope.yaml").toAbsolutePath());
    }

    @Test
    void noArgumentsLeavesTheAgentToFindItsConfigInTheJvm() throws Exception {
        assertThat(AttachOptions.parse(List.of("4242")).agentArguments()).isNull();
    }

    @Test
    void everyMistakeIsAUsageFailureBeforeAnythingIsAttached() {
        assertUsage(List.of(), "no pid given; usage: attach <pid>");
        assertUsage(List.of("my-app"), "'my-app' is not a pid");
        assertUsage(List.of("4242", "genscope.yaml"), "'genscope.yaml' is not key=value");
        assertUsage(List.of("4242", "confg=genscope.yaml"), "unknown key 'confg' (did you mean 'config'?)");
        assertUsage(List.of("4242", "config=a.yaml", "config=b.yaml"), "config is given twice");
        assertUsage(List.of("4242", "config="), "config needs a value");
        assertUsage(List.of("4242", "config=/etc/gen,scope.yaml"), "contains a comma, which separates agent arguments");
    }

    private static void assertUsage(List<String> args, String message) {
        assertThatThrownBy(() -> AttachOptions.parse(args)).isInstanceOfSatisfying(CommandFailure.class,
                failure -> assertThat(failure.status()).isEqualTo(CommandFailure.USAGE))
                .hasMessageContaining(message);
    }
}
