package io.genscope.runtime.reload;

import io.genscope.runtime.Genscope;
import io.genscope.runtime.GenscopeRuntime;
import io.genscope.runtime.Role;
import io.genscope.runtime.rule.RuleCaptures;
import io.genscope.runtime.rule.RuleDefinition;
import io.genscope.runtime.metrics.Label;
import io.genscope.runtime.metrics.Sample;
import io.genscope.runtime.store.TelemetrySettings;
import io.genscope.runtime.testing.CollectingLog;
import io.genscope.runtime.testing.GeneratorLoop;
import io.genscope.runtime.testing.GenscopeMBeans;
import io.genscope.runtime.time.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.management.JMException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reload's rules as the runtime adopts them: a slot per rule name for the JVM's life, a new
 * advice index for each new or changed rule, and the old indexes still recording where they did.
 */
class RuleAdoptionTest {

    private static final List<RuleDefinition> RULES = GeneratorLoop.standardRules();
    private static final RuleDefinition GENERATE = RULES.get(GeneratorLoop.GENERATE);
    private static final RuleDefinition COMPILE = RULES.get(GeneratorLoop.COMPILE);

    private final GenscopeRuntime runtime = GenscopeRuntime.start(TelemetrySettings.defaults(), RULES,
            new CollectingLog(), "9.9", "genscope.yaml", new ManualClock());

    @AfterEach
    void uninstall() throws JMException {
        Genscope.uninstall();
        GenscopeMBeans.unregisterAll();
    }

    @Test
    void unchangedRulesKeepSlotAndIndexChangedOnesTheirSlotUnderANewIndexNewOnesANewSlot() {
        RuleDefinition changed = new RuleDefinition(COMPILE.name(), Role.VALIDATION, RuleCaptures.none());
        RuleDefinition added = new RuleDefinition("plan", Role.GENERATION, RuleCaptures.none());

        List<RuleBinding> bindings = runtime.adopt(List.of(GENERATE, changed, added), Set.of(GENERATE.name()));

        assertThat(bindings).extracting(RuleBinding::slot).containsExactly(GeneratorLoop.GENERATE,
                GeneratorLoop.COMPILE, RULES.size());
        assertThat(bindings.get(0).advice()).isEqualTo(GeneratorLoop.GENERATE);
        assertThat(bindings.get(0).diagnostics()).isSameAs(runtime.rule(GeneratorLoop.GENERATE));
        assertThat(bindings.get(1).advice()).isEqualTo(RULES.size());
        assertThat(bindings.get(2).advice()).isEqualTo(RULES.size() + 1);
        assertThat(bindings.get(1).diagnostics().rule()).isSameAs(changed);
        assertThat(IntStream.range(0, runtime.rules().size()).filter(runtime.rules()::active).boxed().toList())
                .containsExactly(GeneratorLoop.GENERATE, GeneratorLoop.COMPILE, RULES.size());
    }

    @Test
    void codeWovenBeforeGoesOnRecordingInItsSlotAndANewRuleRecordsInItsOwn() {
        RuleDefinition added = new RuleDefinition("plan", Role.GENERATION, RuleCaptures.none());
        RuleBinding plan = runtime.adopt(List.of(added), Set.of()).get(0);

        generate(GeneratorLoop.GENERATE);
        generate(plan.advice());
        generate(plan.advice());

        assertThat(runtime.summary().generations()).isEqualTo(3);
        assertThat(generationsOf(GeneratorLoop.GENERATE)).isEqualTo(1);
        assertThat(generationsOf(plan.slot())).isEqualTo(2);
        assertThat(runtime.rules().active(GeneratorLoop.GENERATE)).as("retired, figures kept").isFalse();
    }

    @Test
    void aRemovedRuleThatComesBackByNameGetsItsOldSlotAndItsCallsGoOn() {
        generate(GeneratorLoop.GENERATE);
        runtime.adopt(List.of(COMPILE), Set.of(COMPILE.name()));

        RuleBinding back = runtime.adopt(List.of(GENERATE, COMPILE), Set.of(COMPILE.name())).get(0);

        assertThat(back.slot()).isEqualTo(GeneratorLoop.GENERATE);
        assertThat(back.advice()).isNotEqualTo(GeneratorLoop.GENERATE);
        assertThat(back.diagnostics().calls()).as("counters go on").isEqualTo(1);
        assertThat(runtime.rules().active(GeneratorLoop.GENERATE)).isTrue();
    }

    @Test
    void aRoleChangeEvenOfARemovedRuleAndMoreNewNamesThanSlotsLeftAreRefused() {
        runtime.adopt(List.of(COMPILE), Set.of(COMPILE.name()));
        RuleDefinition generateAsRetry = new RuleDefinition(GENERATE.name(), Role.RETRY, RuleCaptures.none());
        List<RuleDefinition> tooMany = new ArrayList<>();
        for (int i = 0; i <= RuleSlots.SPARE; i++) {
            tooMany.add(new RuleDefinition("extra-" + i, Role.RETRY, RuleCaptures.none()));
        }

        assertThat(runtime.cannotAdopt(List.of(generateAsRetry), Set.of())).singleElement().asString()
                .contains("rule 'generate' would change role from generation to retry", "give it a new name");
        assertThat(runtime.cannotAdopt(tooMany, Set.of())).singleElement().asString()
                .contains((RuleSlots.SPARE + 1) + " new rule name(s) but room for " + RuleSlots.SPARE + " more");
        assertThat(runtime.cannotAdopt(tooMany.subList(0, RuleSlots.SPARE), Set.of())).isEmpty();
        assertThat(runtime.generationSlotsWith(List.of(new RuleDefinition("plan", Role.GENERATION,
                RuleCaptures.none())))).as("generate and generate-declared, retired or not, plus plan").isEqualTo(3);
    }

    @Test
    void aRequestRuleIsRefusedWhereTheRuntimeStartedWithoutOneAndCountsNoRequests() {
        RuleDefinition handle = new RuleDefinition("handle", Role.REQUEST, RuleCaptures.none());

        assertThat(runtime.countsRequests()).isFalse();
        assertThat(runtime.cannotAdopt(List.of(GENERATE, handle), Set.of(GENERATE.name()))).singleElement()
                .asString().contains("a rule of role request", "restart the JVM");
    }

    /** Successful generations counted since start under the name of the rule in {@code slot}. */
    private long generationsOf(int slot) {
        String name = runtime.rules().get(slot).rule().name();
        return (long) runtime.metrics().collect().get(0).samples().stream()
                .filter(sample -> sample.labels().contains(new Label("generator", name))
                        && sample.labels().contains(new Label("outcome", "success")))
                .mapToDouble(Sample::value).sum();
    }

    private static void generate(int advice) {
        Object request = GeneratorLoop.Request.of("gpt-4");
        long token = Genscope.enter(advice, null, request, null, null);
        Genscope.exit(advice, token, null, request, null, null, GeneratorLoop.Code.of("x"), null);
    }
}
