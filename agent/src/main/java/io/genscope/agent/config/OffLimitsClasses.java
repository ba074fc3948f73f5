package io.genscope.agent.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The classes Genscope never instruments, whatever a rule says: the JDK's and Genscope's own.
 * Instrumenting them turned the JVM's own work into "generations" (a {@code class: "*"} rule
 * counted every JMX call, through {@code java.lang.management.ManagementFactory}), and Genscope
 * instrumenting itself would recurse. A glob or an {@code implements} rule never selects them;
 * a rule naming one is refused when the config is read.
 *
 * <p>Thread-safe: stateless.
 */
public final class OffLimitsClasses {

    /** Package prefixes of the JDK's binary names. */
    public static final List<String> JDK_PREFIXES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");
    /** Package prefix of Genscope's own classes: agent, runtime, shaded libraries. */
    public static final String GENSCOPE_PREFIX = "io.genscope.";
    /** Package prefixes of binary names: the JDK's, then Genscope's. */
    public static final List<String> PREFIXES = jdkThenGenscope();

    private OffLimitsClasses() {
    }

    /** A loop rather than a stream: it runs at every start, and streams load some 20 classes cold. */
    private static List<String> jdkThenGenscope() {
        List<String> prefixes = new ArrayList<>(JDK_PREFIXES);
        prefixes.add(GENSCOPE_PREFIX);
        return List.copyOf(prefixes);
    }

    /** Whether the class of this binary name ({@code java.lang.String}) is off limits. */
    public static boolean contains(String binaryName) {
        return prefixOf(binaryName) != null;
    }

    /**
     * Whether every class a glob of class names can match is off limits ({@code java.*},
     * {@code com.sun.tools.*}), judged from the glob's text before its first wildcard.
     */
    static boolean containsAllOf(String classGlob) {
        int wildcard = 0;
        while (wildcard < classGlob.length() && classGlob.charAt(wildcard) != '*' && classGlob.charAt(wildcard) != '?') {
            wildcard++;
        }
        return contains(classGlob.substring(0, wildcard));
    }

    /** Why a rule naming this class is refused, or {@code null} when the class may be instrumented. */
    static String refusal(String binaryName) {
        String prefix = prefixOf(binaryName);
        if (prefix == null) {
            return null;
        }
        String owner = prefix.equals(GENSCOPE_PREFIX) ? "of Genscope itself" : "of the JDK";
        return binaryName + " names classes " + owner + " (" + prefix + "*), which Genscope never instruments,"
                + " so this rule could never apply; name the generator's own classes";
    }

    private static String prefixOf(String binaryName) {
        for (String prefix : PREFIXES) {
            if (binaryName.startsWith(prefix)) {
                return prefix;
            }
        }
        return null;
    }
}
