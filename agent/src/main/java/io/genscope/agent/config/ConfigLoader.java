package io.genscope.agent.config;

import io.genscope.agent.config.ConfigProblem.Severity;
import io.genscope.runtime.store.TelemetrySettings;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Loads the config file: parses it, lays it over the {@link BundledDefaults} key by key,
 * checks every value and returns the settings together with every problem found.
 *
 * <p>It never throws for bad input. A bad value falls back to its default, a bad rule is left
 * out, and a file that cannot be used at all yields the defaults with {@code enabled} false;
 * each case is one {@link ConfigProblem}. Whether to start anyway is the agent's decision.
 * <pre>{@code
 * LoadedConfig config = ConfigLoader.load(Path.of("genscope.yaml"));
 * config.problems().forEach(problem -> System.err.println("genscope: " + problem));
 * if (config.hasFatal() || !config.settings().enabled()) return;
 * }</pre>
 * Stateless and thread-safe.
 */
public final class ConfigLoader {

    private static final ValueReader<LogLevel> LOG_LEVEL =
            new Values.OneOf<>("a log level", Arrays.asList(LogLevel.values())) {
                @Override
                String spelling(LogLevel level) {
                    return level.configName();
                }
            };

    private ConfigLoader() {
    }

    /** Reads and checks the config file at {@code file}, named in problems as given. */
    public static LoadedConfig load(Path file) {
        return load(file, BundledDefaults.onClassPath());
    }

    /**
     * Reads and checks the config file at {@code file} over {@code defaults}; only a regular file of
     * at most {@link ConfigFile#MAX_BYTES} is read (see {@link ConfigFile}). When the file cannot be
     * used, its {@code strict} setting is still honoured if {@link StrictLine} finds it.
     */
    public static LoadedConfig load(Path file, BundledDefaults defaults) {
        Problems problems = new Problems(file.toString());
        byte[] bytes = ConfigFile.read(file, problems);
        String text = bytes == null || problems.hasFatal() ? null : ConfigFile.text(bytes, problems);
        if (text == null) {
            return off(problems, defaults, bytes != null && StrictLine.in(bytes));
        }
        return parse(problems, text, defaults);
    }

    /**
     * Checks config text as if read from a file.
     *
     * @param fileName how problems name the file
     */
    public static LoadedConfig parse(String fileName, String text) {
        return parse(new Problems(fileName), text, BundledDefaults.onClassPath());
    }

    private static LoadedConfig parse(Problems problems, String text, BundledDefaults defaults) {
        YamlNode root;
        try {
            root = YamlTreeReader.read(text, problems.complaint(Severity.SETTING, "ignored"));
        } catch (YamlSyntaxException e) {
            problems.add(Severity.FATAL, e.line(), "", e.getMessage(), Problems.AGENT_OFF);
            return off(problems, defaults, StrictLine.in(text));
        }
        if (!(root instanceof YamlNode.Mapping mapping)) {
            String found = root == null ? "the file is empty" : "the file holds " + root.display();
            problems.add(Severity.FATAL, root == null ? 0 : root.line(), "",
                    found + "; expected a mapping with keys such as enabled, store and rules", Problems.AGENT_OFF);
            return off(problems, defaults, false);
        }
        GenscopeSettings settings = settings(mapping, defaults, problems);
        return new LoadedConfig(settings, problems.inFileOrder());
    }

    private static GenscopeSettings settings(YamlNode.Mapping given, BundledDefaults defaults, Problems problems) {
        SettingsSection top = new SettingsSection(given, defaults.tree, "", problems);
        top.checkKeys("rules");
        boolean enabled = top.value("enabled", Values.bool());
        TelemetrySettings store = StoreSettingsReader.read(top.section("store"));
        List<RuleSettings> rules = RuleReader.read(given.get("rules"), enabled, problems);
        return new GenscopeSettings(
                enabled,
                top.value("strict", Values.bool()),
                top.value("log-level", LOG_LEVEL),
                top.value("report-on-exit", Values.bool()),
                store,
                MetricsSettingsReader.read(top.section("metrics")),
                AlertSettingsReader.read(top.section("alerts"), store, rules),
                JfrSettingsReader.read(top.section("jfr")),
                AbTestSettingsReader.read(top.section("ab-test")),
                rules);
    }

    /**
     * The defaults, switched off and without rules: what runs when the file cannot be used.
     *
     * @param strict whether the unusable file asks for strict mode all the same
     */
    private static LoadedConfig off(Problems problems, BundledDefaults bundled, boolean strict) {
        GenscopeSettings defaults = settings(YamlNode.Mapping.empty(0), bundled, new Problems(BundledDefaults.NAME));
        GenscopeSettings off = new GenscopeSettings(false, strict || defaults.strict(), defaults.logLevel(), false,
                defaults.store(), defaults.metrics(), defaults.alerts(), defaults.jfr(), defaults.abTest(), List.of());
        return new LoadedConfig(off, problems.inFileOrder());
    }
}
