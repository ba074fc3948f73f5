package io.genscope.agent.install;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class AttachStatusTest {

    @Test
    void theStatusReadsBackFromTheSystemPropertiesAsItWasLeft() {
        AttachStatus status = new AttachStatus(3, AttachStatus.Outcome.DECLINED, "1.2.3",
                List.of("[genscope] ERROR genscope.yaml:4: not valid YAML (Genscope disabled)", "[genscope] INFO x y"));

        assertThat(AttachStatus.of(properties(status.text()))).contains(status);
        assertThat(status.hasProblems()).isTrue();
    }

    @Test
    void aStartWithoutWarningsOrErrorsHasNoProblems() {
        AttachStatus status = new AttachStatus(1, AttachStatus.Outcome.STARTED, "1.2.3",
                List.of("[genscope] INFO Genscope 1.2.3 started with 3 rule(s) from genscope.yaml"));

        assertThat(AttachStatus.of(properties(status.text()))).contains(status);
        assertThat(status.hasProblems()).isFalse();
    }

    @Test
    void noStatusOrAnUnreadableOneIsEmpty() {
        assertThat(AttachStatus.of(new Properties())).isEmpty();
        assertThat(AttachStatus.of(properties("not a status"))).isEmpty();
    }

    private static Properties properties(String status) {
        Properties properties = new Properties();
        properties.setProperty(AttachStatus.PROPERTY, status);
        return properties;
    }
}
