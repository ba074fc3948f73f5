package io.genscope.runtime.rule;

import io.genscope.runtime.Role;
import org.junit.jupiter.api.Test;

import static io.genscope.runtime.testing.CapturePaths.arg;
import static io.genscope.runtime.testing.CapturePaths.element;
import static io.genscope.runtime.testing.CapturePaths.returned;
import static io.genscope.runtime.testing.CapturePaths.self;
import static org.assertj.core.api.Assertions.assertThat;

/** Which rules need the call's receiver and arguments when it ends, so the advice keeps them. */
class RuleDefinitionTest {

    @Test
    void aGenerationReadsTheCallAtExitOnlyForItsCodeLengthOrDependencies() {
        RuleCaptures atEntry = new RuleCaptures(arg(0, "project"), self("model"), null, arg(0, "prompt"),
                returned("text"), returned("imports"), null, null, null, null, null);
        RuleCaptures codeFromArgument = new RuleCaptures(null, null, null, null, arg(1, "length"), null,
                null, null, null, null, null);
        RuleCaptures dependenciesFromReceiver = new RuleCaptures(null, null, null, null, null, self("imports"),
                null, null, null, null, null);

        assertThat(rule(Role.GENERATION, atEntry).readsCallAtExit()).isFalse();
        assertThat(rule(Role.GENERATION, codeFromArgument).readsCallAtExit()).isTrue();
        assertThat(rule(Role.GENERATION, dependenciesFromReceiver).readsCallAtExit()).isTrue();
    }

    @Test
    void aValidationReadsTheCallAtExitWhenAnyOfItsCapturesStartsFromIt() {
        RuleCaptures fromResult = new RuleCaptures(null, null, null, null, null, null,
                returned("ok"), returned("errors"), element("code"), element("message"), returned("imports"));
        RuleCaptures errorsFromArgument = new RuleCaptures(null, null, null, null, null, null,
                null, arg(0, "problems"), element("code"), null, null);

        assertThat(rule(Role.VALIDATION, fromResult).readsCallAtExit()).isFalse();
        assertThat(rule(Role.VALIDATION, errorsFromArgument).readsCallAtExit()).isTrue();
        assertThat(rule(Role.RETRY, RuleCaptures.none()).readsCallAtExit()).isFalse();
    }

    private static RuleDefinition rule(Role role, RuleCaptures captures) {
        return new RuleDefinition("rule", role, captures);
    }
}
