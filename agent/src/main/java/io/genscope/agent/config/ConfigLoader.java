package io.genscope.agent.config;

import io.genscope.agent.config.ConfigProblem.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Loads the config file: parses it, lays it over the bundled {@code defaults.yaml} key by key,
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

    /** The bundled defaults, next to this class on the class path. */
    static final String DEFAULTS = "defaults.yaml";

    private static final YamlNode.Mapping DEFAULT_TREE = readDefaults();

    private ConfigLoader() {
    }

    /** Reads and checks the config file at {@code file}, named in problems as given. */
    public static LoadedConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException | RuntimeException e) {
            Problems problems = new Problems(file.toString());
            problems.add(Severity.FATAL, 0, "", "cannot read the config file: " + reason(e), Problems.AGENT_OFF);
            return off(problems);
        }
        return parse(file.toString(), text);
    }

    /**
     * Checks config text as if read from a file.
     *
     * @param fileName how problems name the file
     */
    public static LoadedConfig parse(String fileName, String text) {
        Problems problems = new Problems(fileName);
        YamlNode root;
        try {
            root = YamlTreeReader.read(text);
        } catch (YamlSyntaxException e) {
            problems.add(Severity.FATAL, e.line(), "", "not valid YAML: " + e.getMessage(), Problems.AGENT_OFF);
            return off(problems);
        }
        if (!(root instanceof YamlNode.Mapping mapping)) {
            String found = root == null ? "the file is empty" : "the file holds " + root.display();
            problems.add(Severity.FATAL, root == null ? 0 : root.line(), "",
                    found + "; expected a mapping with keys such as enabled, store and rules", Problems.AGENT_OFF);
            return off(problems);
        }
        GenscopeSettings settings = settings(mapping, problems);
        return new LoadedConfig(settings, problems.inFileOrder());
    }

    private static GenscopeSettings settings(YamlNode.Mapping given, Problems problems) {
        SettingsSection top = new SettingsSection(given, DEFAULT_TREE, "", problems);
        top.checkKeys("rules");
        boolean enabled = top.value("enabled", Values.bool());
        return new GenscopeSettings(
                enabled,
                top.value("strict", Values.bool()),
                top.value("log-level", Values.oneOf("a log level", Arrays.asList(LogLevel.values()), LogLevel::configName)),
                top.value("report-on-exit", Values.bool()),
                StoreSettingsReader.read(top.section("store")),
                RuleReader.read(given.get("rules"), enabled, problems));
    }

    /** The defaults, switched off and without rules: what runs when the file cannot be used. */
    private static LoadedConfig off(Problems problems) {
        GenscopeSettings defaults = settings(YamlNode.Mapping.empty(0), new Problems(DEFAULTS));
        GenscopeSettings off = new GenscopeSettings(false, defaults.strict(), defaults.logLevel(), false, defaults.store(),
                List.of());
        return new LoadedConfig(off, problems.inFileOrder());
    }

    private static String reason(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof CharacterCodingException) {
            return "it is not UTF-8 text";
        }
        return e.toString();
    }

    private static YamlNode.Mapping readDefaults() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS + " is missing from the agent jar");
            }
            return (YamlNode.Mapping) YamlTreeReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (YamlSyntaxException e) {
            throw new IllegalStateException(DEFAULTS + ":" + e.line() + " " + e.getMessage(), e);
        }
    }
}
