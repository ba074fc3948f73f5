package io.genscope.runtime.recording;

import io.genscope.runtime.diagnostics.ProblemThrottle;
import io.genscope.runtime.privacy.ErrorMessages;
import io.genscope.runtime.store.TallyTotals;
import io.genscope.runtime.store.TelemetryEvent;
import io.genscope.runtime.testing.ChangingCollection;
import io.genscope.runtime.testing.GeneratorLoop;
import io.genscope.runtime.testing.GeneratorLoop.Code;
import io.genscope.runtime.testing.GeneratorLoop.Problem;
import io.genscope.runtime.testing.GeneratorLoop.Request;
import io.genscope.runtime.testing.GeneratorLoop.Verdict;
import io.genscope.runtime.testing.TestSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a call keeps of a host's list is a bounded copy, read without the host's help: at most
 * {@code max-elements} elements read and counted, at most {@code event-elements} kept by the raw
 * event, which says it was cut; a list that fails while read loses at most that capture; and a
 * capture failing on every call is logged once, then reminded once a minute.
 */
class CapturedListBoundsTest {

    /** Messages kept in full, so the test can tell which errors an event kept. */
    private final GeneratorLoop loop = new GeneratorLoop(TestSettings.defaults().maxElements(100).eventElements(3)
            .errorMessages(ErrorMessages.FULL).build());

    @Test
    void errorsPastTheBoundAreNotReadAndTheEventKeepsTheFirstFewAndTheHostsTotal() throws Exception {
        List<Problem> problems = IntStream.range(0, 1_000).mapToObj(i -> new Problem("E" + i % 10, "at line " + i))
                .toList();

        loop.compile(new Verdict(problems, List.of()));

        TallyTotals totals = loop.totals();
        assertThat(totals.validationFailures()).isEqualTo(1);
        assertThat(totals.errorTypes().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(100);
        TelemetryEvent event = loop.store.events(1).get(0);
        assertThat(event.errors()).extracting(error -> error.message()).containsExactly("at line 0", "at line 1",
                "at line 2");
        assertThat(event.errorsTotal()).isEqualTo(1_000);
        assertThat(event.errorsTruncated()).isTrue();
    }

    @Test
    void theDependenciesAnEventKeepsAreACopyTheHostCannotChangeAfterwards() throws Exception {
        List<String> imports = new ArrayList<>(List.of("org.junit", "java.util"));

        loop.generate(Request.of("gpt-4"), () -> {
            loop.compile(new Verdict(List.of(), imports));
            imports.set(0, "changed.by.the.Host");
            imports.add("added.by.the.Host");
            return Code.of("class A {}");
        });

        TelemetryEvent success = loop.store.events(1).get(0);
        assertThat(success.dependencies()).containsExactly("org.junit", "java.util");
        assertThat(success.dependenciesTruncated()).isFalse();
        assertThat(loop.totals().dependencies()).containsOnlyKeys("org.junit", "java.util");
    }

    @Test
    void dependenciesPastWhatAnEventKeepsAreCountedAndTheEventSaysItWasCut() throws Exception {
        List<String> imports = IntStream.range(0, 10).mapToObj(i -> "dep" + i).toList();

        loop.generateDeclared(Request.of("gpt-4"), () -> new Code("class A {}", imports));

        assertThat(loop.totals().dependencies()).hasSize(10);
        TelemetryEvent success = loop.store.events(1).get(0);
        assertThat(success.dependencies()).containsExactly("dep0", "dep1", "dep2");
        assertThat(success.dependenciesTotal()).isEqualTo(10);
    }

    @Test
    void anErrorsCollectionThatFailsPartWayKeepsWhatWasReadAndTheValidationIsCounted() throws Exception {
        Collection<Problem> changing = new ChangingCollection<>(new Problem("E1", "first"));

        loop.compile(Verdict.passed());
        loop.call(GeneratorLoop.COMPILE, loop, new Object[] {"class A {}"}, () -> new ChangingVerdict(changing));

        TallyTotals totals = loop.totals();
        assertThat(totals.validations()).isEqualTo(2);
        assertThat(totals.validationFailures()).isEqualTo(1);
        assertThat(totals.errorTypes()).containsOnlyKeys("E1");
        assertThat(loop.rules.get(GeneratorLoop.COMPILE).captureFailures()).isEqualTo(1);
        assertThat(loop.store.events(1).get(0).errorsTotal()).isEqualTo(-1);
        assertThat(loop.log.errors()).isEmpty();
    }

    @Test
    void aNamesCollectionThatFailsPartWayAfterARefusedElementIsOneFailedCapture() throws Exception {
        Collection<Object> changing = new ChangingCollection<>(new Object());

        loop.generateDeclared(Request.of("gpt-4"), () -> new ChangingCode("class A {}", changing));

        assertThat(loop.rules.get(GeneratorLoop.GENERATE_DECLARED).captureFailures()).isEqualTo(1);
        assertThat(loop.store.events(1).get(0).dependencies()).isEmpty();
    }

    /** Generated code whose imports are a collection of the host's own kind. */
    public record ChangingCode(String text, Collection<Object> imports) {
    }

    /** A verdict whose errors are a collection of the host's own kind. */
    public record ChangingVerdict(Collection<Problem> errors, List<String> imports) {
        ChangingVerdict(Collection<Problem> errors) {
            this(errors, List.of());
        }
    }

    @Test
    void aCaptureFailingOnEveryCallIsLoggedOnceThenRemindedOnceAMinuteWithItsCount() throws Exception {
        List<Object> cyclic = new ArrayList<>();
        cyclic.add(cyclic);
        for (int i = 0; i < 1_000; i++) {
            loop.generateDeclared(Request.of("gpt-4"), () -> new Code("class A {}", castToStrings(cyclic)));
        }
        assertThat(loop.log.warnings()).singleElement().asString()
                .contains("capture.dependencies", "java.util.ArrayList is not a name");

        loop.clock.advance(Duration.ofNanos(ProblemThrottle.REMINDER_INTERVAL_NANOS));
        loop.generateDeclared(Request.of("gpt-4"), () -> new Code("class A {}", castToStrings(cyclic)));

        assertThat(loop.log.warnings()).hasSize(2);
        assertThat(loop.log.warnings().get(1)).contains("rule 'generate-declared': 1000 more problem(s)",
                "capture.dependencies");
        assertThat(loop.totals().successes()).isEqualTo(1_001);
        assertThat(loop.rules.get(GeneratorLoop.GENERATE_DECLARED).captureFailures()).isEqualTo(1_001);
    }

    @Test
    void internalErrorsAreLoggedOncePerStageThenRemindedOnceAMinute() {
        for (int i = 0; i < 1_000; i++) {
            long token = loop.recorder.enter(99, null, null);
            loop.recorder.exit(99, token, null, null, null, null);
        }
        assertThat(loop.log.errors()).hasSize(2);

        loop.clock.advance(Duration.ofNanos(ProblemThrottle.REMINDER_INTERVAL_NANOS));
        loop.recorder.enter(99, null, null);

        assertThat(loop.log.errors()).hasSize(2);
        assertThat(loop.log.warnings()).singleElement().asString().contains("rule '#99': 1999 more problem(s)");
    }

    @SuppressWarnings("unchecked")
    private static List<String> castToStrings(List<?> list) {
        return (List<String>) list;
    }
}
