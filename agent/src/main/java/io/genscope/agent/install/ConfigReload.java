package io.genscope.agent.install;

import io.genscope.agent.capture.RuleCompiler;
import io.genscope.agent.config.BundledDefaults;
import io.genscope.agent.config.ConfigLoader;
import io.genscope.agent.config.ConfigProblem;
import io.genscope.agent.config.GenscopeSettings;
import io.genscope.agent.config.LoadedConfig;
import io.genscope.agent.config.RuleSettings;
import io.genscope.agent.logging.AgentLogging;
import io.genscope.agent.reload.ConfigDiff;
import io.genscope.runtime.GenscopeRuntime;
import io.genscope.runtime.RuntimeLog;
import io.genscope.runtime.reload.ReloadResult;
import io.genscope.runtime.reload.Reloader;
import io.genscope.runtime.reload.RuleBinding;
import io.genscope.runtime.reload.RuleSlots;
import io.genscope.runtime.rule.RuleDefinition;
import org.slf4j.Logger;

import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarFile;

/**
 * Reloads the config while the JVM runs: what the Control MBean's {@code reload}, the
 * {@code reload} command and an attach to a JVM already running Genscope do.
 *
 * <p>The file is read and checked exactly as at start ({@link ConfigLoader}, then the memory
 * budget over every rule slot the store will have); a file with any problem at all is refused,
 * and nothing changes: the config in use runs on. Otherwise ({@link ConfigDiff}) unchanged rules
 * keep their slot, advice index and woven code, and count with no gap; changed rules keep their
 * slot (their figures) under a new advice index; new rules take new slots; removed rules' slots
 * are retired ({@link GenscopeRuntime#adopt}). Then the {@link CurrentWeaver} is given the new
 * config's weaver, and the loaded classes the removed, changed or added rules select are
 * retransformed, one by one: the JVM hands each over as it was defined, so a class no rule
 * selects any more gets its own bytecode back. Code woven before keeps working while it runs:
 * its advice indexes keep their meaning.
 *
 * <p>Settings that cannot change while the JVM runs are listed in the result and kept as they
 * were; the next reload compares with those kept, so it lists them again until a restart.
 *
 * <p>Thread-safe: one reload at a time (this object's lock). The reload runs on the caller's
 * thread (a JMX connection's, or the attach listener's), never on an application thread.
 */
final class ConfigReload implements Reloader {

    private static final Logger LOGGER = AgentLogging.logger();

    /** The running agent's, for an attach to the same JVM; set once installed. */
    private static volatile ConfigReload running;

    private final GenscopeRuntime runtime;
    private final Instrumentation instrumentation;
    private final JarFile agentJar;
    /** The MBean server hook every weaver includes, or {@code null} when attached (the MBeans went up at once). */
    private final ClassWeaving hook;
    private final CurrentWeaver transformer;
    /** The config in use; guarded by {@code this}. */
    private Path file;
    private GenscopeSettings settings;
    /** The weaving of each rule in use, by name; guarded by {@code this}. */
    private Map<String, ClassWeaving> weavings;

    /**
     * The reload of a runtime just started from {@code config}, whose rule {@code i} is in slot
     * {@code i}; its {@link #transformer()} weaves that config.
     */
    ConfigReload(StartupConfig config, GenscopeRuntime runtime, Instrumentation instrumentation, boolean attached,
                 JarFile agentJar) {
        this.runtime = runtime;
        this.instrumentation = instrumentation;
        this.agentJar = agentJar;
        this.hook = attached ? null : MBeanServerHook.weaving(instrumentation, AdviceClassFiles.of(agentJar));
        this.file = config.file();
        this.settings = config.settings();
        RuleSlots slots = runtime.rules();
        List<RuleBinding> bindings = new ArrayList<>();
        for (int slot = 0; slot < slots.size(); slot++) {
            bindings.add(new RuleBinding(slot, slots.advice(slot), slots.get(slot)));
        }
        this.weavings = weavings(settings.rules(), bindings, runtime.journal());
        this.transformer = new CurrentWeaver(weaver(settings.rules(), weavings, runtime.journal()));
    }

    /** The transformer to register, retransformation-capable. */
    CurrentWeaver transformer() {
        return transformer;
    }

    /** Makes this the reload an attach to this JVM finds. */
    void publish() {
        running = this;
    }

    /** The running agent's reload, once it is installed. */
    static Optional<ConfigReload> running() {
        return Optional.ofNullable(running);
    }

    @Override
    public ReloadResult reload() {
        Path current;
        synchronized (this) {
            current = file;
        }
        return reload(current);
    }

    /** Reloads from {@code named}, which becomes the config file in use when applied. */
    synchronized ReloadResult reload(Path named) {
        long started = System.nanoTime();
        ReloadResult result;
        try {
            result = apply(named);
        } catch (RuntimeException | LinkageError failure) {
            result = refused(named, List.of("the reload failed inside Genscope (" + failure + "); report it. The"
                    + " rules in use may be partly re-woven: reload again, or restart the JVM"));
        }
        log(result, (System.nanoTime() - started) / 1_000_000);
        return result;
    }

    private ReloadResult apply(Path named) {
        LoadedConfig loaded = ConfigLoader.load(named, BundledDefaults.of(agentJar));
        if (!loaded.problems().isEmpty()) {
            return refused(named, loaded.problems().stream().map(ConfigProblem::describe).toList());
        }
        GenscopeSettings read = loaded.settings();
        if (!read.enabled()) {
            return refused(named, List.of(named + ": enabled: false cannot stop a running Genscope; remove the rules"
                    + " to stop counting, or restart the JVM without the agent"));
        }
        ConfigDiff diff = ConfigDiff.of(settings, read);
        List<RuleDefinition> definitions = read.rules().stream().map(RuleCompiler::compile).toList();
        List<String> problems = new ArrayList<>(runtime.cannotAdopt(definitions, diff.unchangedNames()));
        MemoryBudget.check(named, settings.store(), runtime.generationSlotsWith(definitions),
                MemoryBudget.breakdowns(read), runtime.countsRequests())
                .ifPresent(overBudget -> problems.add(overBudget.describe()));
        if (!problems.isEmpty()) {
            return refused(named, problems);
        }
        Map<String, ClassWeaving> before = weavings;
        List<RuleBinding> bindings = runtime.adopt(definitions, diff.unchangedNames());
        ReloadWarnings warnings = new ReloadWarnings(runtime.journal());
        Map<String, ClassWeaving> after = weavings(read.rules(), bindings, warnings);
        AdviceWeaver weaver = weaver(read.rules(), after, warnings);
        transformer.swap(weaver);
        retransform(weaver, diff, before, after, read.rules());
        weavings = after;
        file = named;
        settings = new GenscopeSettings(settings.enabled(), read.strict(), read.logLevel(), settings.reportOnExit(),
                settings.store(), settings.metrics(), settings.alerts(), settings.jfr(), settings.abTest(), read.rules());
        AgentLogging.threshold(read.logLevel());
        long version = runtime.configLoaded(named.toString()).version();
        return new ReloadResult(true, named.toString(), version, diff.added(), diff.removed(), diff.changed(),
                diff.unchanged(), diff.needRestart(), List.of(), warnings.end());
    }

    /**
     * Retransforms the loaded classes that the weavings of the removed and changed rules selected
     * (so they lose them) or that those of the added and changed rules select (so they get them):
     * a class only unchanged rules select keeps its woven code untouched.
     */
    private void retransform(AdviceWeaver weaver, ConfigDiff diff, Map<String, ClassWeaving> before,
                             Map<String, ClassWeaving> after, List<RuleSettings> readRules) {
        List<ClassWeaving> selecting = new ArrayList<>();
        List<RuleSettings> rules = new ArrayList<>();
        for (String name : diff.removed()) {
            selecting.add(before.get(name));
            rules.add(rule(settings.rules(), name));
        }
        for (String name : diff.changed()) {
            selecting.add(before.get(name));
            rules.add(rule(settings.rules(), name));
        }
        for (String name : concat(diff.added(), diff.changed())) {
            selecting.add(after.get(name));
            rules.add(rule(readRules, name));
        }
        if (!selecting.isEmpty()) {
            int classes = weaver.retransform(instrumentation, ClassNameFilter.of(rules, MBeanServerHook.OWNER), selecting);
            LOGGER.debug("reload retransformed {} class(es)", classes);
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }

    private static RuleSettings rule(List<RuleSettings> rules, String name) {
        return rules.stream().filter(rule -> rule.name().equals(name)).findFirst().orElseThrow();
    }

    /**
     * One weaving per rule, recording where its binding says and reporting to {@code log}, by
     * rule name in config order.
     */
    private Map<String, ClassWeaving> weavings(List<RuleSettings> rules, List<RuleBinding> bindings,
                                               RuntimeLog log) {
        Map<String, ClassWeaving> byName = new LinkedHashMap<>();
        RuleVariants variants = new RuleVariants() {
            @Override
            public int variant(int rule, int droppedCaptures) {
                return runtime.variant(rule, droppedCaptures);
            }
        };
        for (int i = 0; i < rules.size(); i++) {
            RuleBinding binding = bindings.get(i);
            byName.put(rules.get(i).name(), new RuleWeaving(binding.advice(), rules.get(i), binding.diagnostics(),
                    variants, log));
        }
        return byName;
    }

    /** The weaver of {@code rules}: their weavings plus the MBean server hook unless attached. */
    private AdviceWeaver weaver(List<RuleSettings> rules, Map<String, ClassWeaving> byName, RuntimeLog log) {
        List<ClassWeaving> all = new ArrayList<>(byName.values());
        if (hook != null) {
            all.add(hook);
        }
        return new AdviceWeaver(ClassNameFilter.of(rules, MBeanServerHook.OWNER), all,
                new WeavingReport(log, new Runnable() {
                    @Override
                    public void run() {
                        runtime.exposeOverJmxAtNextCall();
                    }
                }));
    }

    private ReloadResult refused(Path named, List<String> problems) {
        return ReloadResult.refused(named.toString(), runtime.config().version(), problems);
    }

    /**
     * One line in the log per reload: applied with what changed, or refused with its first
     * problem (all of them are in the result the caller prints).
     */
    private void log(ReloadResult result, long millis) {
        if (result.applied()) {
            LOGGER.info("reloaded {} in {} ms: config version {}; added {}, removed {}, changed {}, unchanged {}{}",
                    result.configFile(), millis, result.configVersion(), result.added(), result.removed(),
                    result.changed(), result.unchanged(), result.needRestart().isEmpty() ? ""
                            : "; needs a restart (kept as in use): " + String.join("; ", result.needRestart()));
        } else {
            runtime.journal().warn("reload of " + result.configFile() + " refused, nothing changed (config version "
                    + result.configVersion() + " runs on): " + result.problems().get(0)
                    + (result.problems().size() > 1 ? " (and " + (result.problems().size() - 1) + " more)" : ""));
        }
    }
}
