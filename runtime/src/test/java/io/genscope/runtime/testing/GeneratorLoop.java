package io.genscope.runtime.testing;

import io.genscope.runtime.Role;
import io.genscope.runtime.analytics.Analytics;
import io.genscope.runtime.jfr.Timeline;
import io.genscope.runtime.recording.TelemetryRecorder;
import io.genscope.runtime.reload.ConfigHash;
import io.genscope.runtime.reload.ConfigVersion;
import io.genscope.runtime.reload.ReloadResult;
import io.genscope.runtime.reload.Reloader;
import io.genscope.runtime.reload.RuleSlots;
import io.genscope.runtime.rule.RuleCaptures;
import io.genscope.runtime.rule.RuleDefinition;
import io.genscope.runtime.store.Dimension;
import io.genscope.runtime.store.RequestTotals;
import io.genscope.runtime.store.TallyTotals;
import io.genscope.runtime.store.TelemetrySettings;
import io.genscope.runtime.store.TelemetryStore;
import io.genscope.runtime.time.ManualClock;

import java.util.ArrayList;
import java.util.Arrays;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import static io.genscope.runtime.testing.CapturePaths.arg;
import static io.genscope.runtime.testing.CapturePaths.element;
import static io.genscope.runtime.testing.CapturePaths.returned;

/**
 * A real {@link TelemetryRecorder} over a real store and a {@link ManualClock}, plus the rules of a
 * small code generator, driven by calling {@code enter}/{@code exit} exactly as the inlined advice
 * would: {@link #call} enters, runs the method body, and exits with its result or exception.
 *
 * <p>The standard rules (indexes are the constants below) capture from the records of this class:
 * <ul>
 *   <li>{@link #GENERATE}: project, model, function, prompt length from {@code args[0]} (a
 *       {@link Request}); code length from {@code return.text}; no dependency capture.</li>
 *   <li>{@link #COMPILE}: errors {@code return.errors} (type {@code it.code}, message
 *       {@code it.message}), detected dependencies {@code return.imports}; ok = no errors.</li>
 *   <li>{@link #REGENERATE}: a retry method.</li>
 *   <li>{@link #LINT}: ok from {@code return.passed}, errors {@code return.findings} (plain names).</li>
 *   <li>{@link #GENERATE_DECLARED}: like GENERATE, with dependencies {@code return.imports}.</li>
 * </ul>
 * Extra rules given to the constructor follow at index {@link #FIRST_EXTRA} on.
 */
public final class GeneratorLoop {

    public static final int GENERATE = 0;
    public static final int COMPILE = 1;
    public static final int REGENERATE = 2;
    public static final int LINT = 3;
    public static final int GENERATE_DECLARED = 4;
    public static final int FIRST_EXTRA = 5;

    public record Request(String model, String project, String function, String prompt) {
        public static Request of(String model) {
            return new Request(model, "shop", "createOrder", "write an order service");
        }
    }

    public record Code(String text, List<String> imports) {
        public static Code of(String text, String... imports) {
            return new Code(text, List.of(imports));
        }
    }

    public record Problem(String code, String message) {
    }

    public record Verdict(List<Problem> errors, List<String> imports) {
        public static Verdict passed(String... imports) {
            return new Verdict(List.of(), List.of(imports));
        }

        public static Verdict failed(String... codes) {
            return new Verdict(Arrays.stream(codes).map(code -> new Problem(code, code + " at line 1")).toList(),
                    List.of());
        }
    }

    public record LintReport(boolean passed, List<String> findings) {
    }

    /** A method body, as the intercepted method would run it. */
    @FunctionalInterface
    public interface Body<T> {
        T run() throws Exception;
    }

    public final ManualClock clock = new ManualClock();
    public final CollectingLog log = new CollectingLog();
    public final TelemetryStore store;
    /** A Control MBean's reloader for tests that do not reload: every reload is refused. */
    public static final Supplier<Reloader> NO_RELOAD = () -> () -> ReloadResult.refused("f", 1, List.of("no reload"));

    /** The config version of a runtime started from {@code file}, for an exporter made by hand. */
    public static ConfigVersion config(String file) {
        return new ConfigVersion(file, ConfigHash.UNKNOWN, Instant.EPOCH);
    }

    public final RuleSlots rules;
    public final TelemetryRecorder recorder;
    /** The requests of the extra {@code request} rules; {@code null} when there is none, as in the agent. */
    public final RequestTotals requests;
    public final Analytics analytics;
    /** What the store told its new-model listener. */
    public final Set<String> modelsAnnounced = ConcurrentHashMap.newKeySet();
    /** Further listeners for new models (a JMX exporter, say), told after {@link #modelsAnnounced}. */
    public final List<Consumer<String>> modelListeners = new CopyOnWriteArrayList<>();

    public GeneratorLoop(TelemetrySettings settings, RuleDefinition... extraRules) {
        this(settings, Timeline.NONE, extraRules);
    }

    /** A loop whose recorder also tells {@code timeline} (JFR events). */
    public GeneratorLoop(TelemetrySettings settings, Timeline timeline, RuleDefinition... extraRules) {
        List<RuleDefinition> definitions = new ArrayList<>(standardRules());
        definitions.addAll(List.of(extraRules));
        rules = new RuleSlots(definitions);
        store = new TelemetryStore(settings, rules.size(), clock, model -> {
            modelsAnnounced.add(model);
            modelListeners.forEach(listener -> listener.accept(model));
        });
        requests = definitions.stream().anyMatch(rule -> rule.role() == Role.REQUEST) ? new RequestTotals() : null;
        recorder = new TelemetryRecorder(rules, store, log, requests, timeline);
        analytics = new Analytics(store, 100);
    }

    public GeneratorLoop(RuleDefinition... extraRules) {
        this(TelemetrySettings.defaults(), extraRules);
    }

    public static List<RuleDefinition> standardRules() {
        RuleCaptures generation = new RuleCaptures(arg(0, "project"), arg(0, "model"), arg(0, "function"),
                arg(0, "prompt"), returned("text"), null, null, null, null, null, null);
        RuleCaptures declared = new RuleCaptures(arg(0, "project"), arg(0, "model"), arg(0, "function"),
                arg(0, "prompt"), returned("text"), returned("imports"), null, null, null, null, null);
        RuleCaptures compile = new RuleCaptures(null, null, null, null, null, null,
                null, returned("errors"), element("code"), element("message"), returned("imports"));
        RuleCaptures lint = new RuleCaptures(null, null, null, null, null, null,
                returned("passed"), returned("findings"), null, null, null);
        return List.of(
                new RuleDefinition("generate", Role.GENERATION, generation),
                new RuleDefinition("compile", Role.VALIDATION, compile),
                new RuleDefinition("regenerate", Role.RETRY, RuleCaptures.none()),
                new RuleDefinition("lint", Role.VALIDATION, lint),
                new RuleDefinition("generate-declared", Role.GENERATION, declared));
    }

    /**
     * One intercepted call of {@code rule}: enter, the body, then exit with what the body returned
     * or threw (which is rethrown, as the advice leaves the exception alone).
     */
    public <T> T call(int rule, Object self, Object[] args, Body<T> body) throws Exception {
        long token = recorder.enter(rule, self, args);
        T result;
        try {
            result = body.run();
        } catch (Throwable thrown) {
            recorder.exit(rule, token, self, args, null, thrown);
            throw thrown;
        }
        recorder.exit(rule, token, self, args, result, null);
        return result;
    }

    public <T> T generate(Request request, Body<T> body) throws Exception {
        return call(GENERATE, this, new Object[] {request}, body);
    }

    public <T> T generateDeclared(Request request, Body<T> body) throws Exception {
        return call(GENERATE_DECLARED, this, new Object[] {request}, body);
    }

    public <T> T regenerate(Body<T> body) throws Exception {
        return call(REGENERATE, this, new Object[0], body);
    }

    public Verdict compile(Verdict outcome) throws Exception {
        return call(COMPILE, this, new Object[] {"class A {}"}, () -> outcome);
    }

    /** A compile call that throws {@code failure} instead of returning a verdict. */
    public Verdict compileThrowing(Exception failure) throws Exception {
        return call(COMPILE, this, new Object[] {"class A {}"}, () -> {
            throw failure;
        });
    }

    public LintReport lint(boolean passed, String... findings) throws Exception {
        return call(LINT, this, new Object[] {"class A {}"}, () -> new LintReport(passed, List.of(findings)));
    }

    /** Everything recorded within the retention. */
    public TallyTotals totals() {
        return totals(Dimension.all());
    }

    public TallyTotals totals(Dimension dimension) {
        return store.totals(store.settings().retention(), dimension);
    }
}
