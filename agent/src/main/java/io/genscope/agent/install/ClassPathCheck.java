package io.genscope.agent.install;

import io.genscope.agent.capture.RuleCompiler;
import io.genscope.agent.config.ClassSelector;
import io.genscope.agent.config.ConfigLoader;
import io.genscope.agent.config.ConfigProblem;
import io.genscope.agent.config.LoadedConfig;
import io.genscope.agent.config.RuleSettings;
import io.genscope.runtime.RuntimeLog;
import io.genscope.runtime.diagnostics.RuleDiagnostics;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The offline check behind {@code java -jar genscope-agent.jar check}: reads the config with the
 * agent's own {@link ConfigLoader}, then hands every class file of a class path to the agent's
 * own {@link AdviceWeaver}, exactly as the JVM would when loading it, so the methods listed and
 * the problems printed are those of a real run. No class of the class path is loaded or run: a
 * {@link URLClassLoader} over it (whose parent is the platform loader) only serves class files as
 * resources to the weaver's type pool. Entries are read one class file at a time, so a large class
 * path costs time, not memory.
 */
public final class ClassPathCheck {

    /** The largest class file read; a larger entry is skipped, like the weaver's own limit. */
    private static final int MAX_CLASS_FILE = 16 << 20;

    private final PrintStream out;
    private final List<String> problems = new ArrayList<>();

    private ClassPathCheck(PrintStream out) {
        this.out = out;
    }

    /**
     * Checks {@code configFile} against the classes of {@code classPath}, printing the report to
     * {@code out}.
     *
     * @return the number of problems found (0: the config is good for this class path)
     */
    public static int run(Path configFile, List<Path> classPath, PrintStream out) throws IOException {
        return new ClassPathCheck(out).check(configFile, classPath);
    }

    private int check(Path configFile, List<Path> classPath) throws IOException {
        LoadedConfig config = ConfigLoader.load(configFile);
        config.problems().forEach(problem -> problems.add(line("ERROR", problem.describe())));
        if (config.hasFatal()) {
            return report();
        }
        List<RuleSettings> rules = config.settings().rules();
        MemoryBudget.check(configFile, config.settings()).map(ConfigProblem::describe)
                .ifPresent(problem -> problems.add(line("ERROR", problem)));
        try (URLClassLoader loader = new URLClassLoader(urls(classPath), ClassLoader.getPlatformClassLoader())) {
            MissingClasses.note(configFile, rules, name -> loader.getResource(name) != null)
                    .ifPresent(note -> problems.add(line("INFO", note)));
            RuntimeLog log = new CollectedLog();
            List<RuleDiagnostics> diagnostics = rules.stream().map(RuleCompiler::compile).map(RuleDiagnostics::new).toList();
            AdviceWeaver weaver = new AdviceWeaver(ClassNameFilter.of(rules, MBeanServerHook.OWNER),
                    RuleWeaving.forRules(rules, diagnostics::get, (rule, dropped) -> rule, log),
                    new WeavingReport(log, () -> { }));
            for (Path entry : classPath) {
                weaveAll(entry, weaver, loader);
            }
            for (int i = 0; i < rules.size(); i++) {
                describe(rules.get(i), diagnostics.get(i));
            }
        }
        return report();
    }

    private int report() {
        if (problems.isEmpty()) {
            out.println("no problems");
        } else {
            out.println(problems.size() + " problem(s):");
            problems.forEach(out::println);
        }
        return problems.size();
    }

    /** One rule: what it selects, the methods it would instrument, and each capture's check. */
    private void describe(RuleSettings rule, RuleDiagnostics diagnostics) {
        out.println("rule '" + rule.name() + "' (" + rule.origin().at("") + ", " + rule.role().name().toLowerCase()
                + ", " + selects(rule.classSelector()) + "):");
        List<String> methods = diagnostics.matchedMethods();
        if (methods.isEmpty()) {
            String problem = rule.origin().at("") + ": rule '" + rule.name() + "' instruments no method of the class path";
            problems.add(line("ERROR", problem));
            out.println("  instruments nothing");
        }
        methods.forEach(method -> out.println("  instruments " + method));
        diagnostics.rule().captures().callPaths().forEach((field, path) -> {
            String prefix = rule.origin().at(field) + ":";
            boolean failed = problems.stream().anyMatch(problem -> problem.contains("] ERROR " + prefix));
            out.println("  " + field + " '" + path + "': " + (failed ? "FAILS (see problems)"
                    : methods.isEmpty() ? "not checked (no method)" : "type-checked on every method"));
        });
    }

    private static String selects(ClassSelector selector) {
        if (selector instanceof ClassSelector.Named named) {
            return "class: " + named.className();
        }
        return selector instanceof ClassSelector.Glob glob ? "class: " + glob.pattern()
                : "implements: " + ((ClassSelector.SubtypeOf) selector).typeName();
    }

    /** Hands each class file of {@code entry} (a jar or a directory) to the weaver, one at a time. */
    private static void weaveAll(Path entry, AdviceWeaver weaver, ClassLoader loader) throws IOException {
        if (Files.isDirectory(entry)) {
            try (Stream<Path> files = Files.walk(entry)) {
                files.filter(file -> isClassFile(file.toString()) && Files.isRegularFile(file)).forEach(file -> {
                    String relative = entry.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                    weave(relative, () -> Files.newInputStream(file), weaver, loader);
                });
            }
        } else if (Files.isRegularFile(entry)) {
            try (JarFile jar = new JarFile(entry.toFile())) {
                for (Enumeration<JarEntry> files = jar.entries(); files.hasMoreElements(); ) {
                    JarEntry file = files.nextElement();
                    if (isClassFile(file.getName()) && !file.getName().startsWith("META-INF/")) {
                        weave(file.getName(), () -> jar.getInputStream(file), weaver, loader);
                    }
                }
            }
        }
    }

    private interface Opener {
        InputStream open() throws IOException;
    }

    private static void weave(String fileName, Opener opener, AdviceWeaver weaver, ClassLoader loader) {
        try (InputStream in = opener.open()) {
            byte[] classFile = in.readNBytes(MAX_CLASS_FILE);
            if (classFile.length < MAX_CLASS_FILE) {
                weaver.transform(loader, fileName.substring(0, fileName.length() - ".class".length()), null, null,
                        classFile);
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(fileName, unreadable);
        }
    }

    private static boolean isClassFile(String name) {
        return name.endsWith(".class") && !name.endsWith("module-info.class") && !name.endsWith("package-info.class");
    }

    private static URL[] urls(List<Path> classPath) throws MalformedURLException {
        URL[] urls = new URL[classPath.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = classPath.get(i).toUri().toURL();
        }
        return urls;
    }

    /** A line as the agent's logging prints it on stderr at run time. */
    private static String line(String level, String message) {
        return "[genscope] " + level + " " + message;
    }

    /** The weaving's problems, kept to be printed after the rules, in the order found. */
    private final class CollectedLog implements RuntimeLog {

        @Override
        public void warn(String message) {
            problems.add(line("WARN", message));
        }

        @Override
        public void error(String message) {
            problems.add(line("ERROR", message));
        }

        @Override
        public void info(String message) {
            // news, not problems: a real run prints no such line for a class either
        }
    }
}
