package io.genscope.agent.install;

import io.genscope.agent.config.ClassSelector;
import io.genscope.agent.config.RuleSettings;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which classes are worth a look, judged from the name and loader the JVM passes with every class
 * it loads, before anything is parsed. Reading a class into a type description costs far more
 * than a hash lookup, and most of it runs interpreted (once per class): for an application that
 * loads thousands of classes (a generator running {@code javac} in-process, say) it came to a
 * second of CPU when every class was read.
 *
 * <p>Never looked at: the agent's own classes and Byte Buddy's, the JDK's internals and dynamic
 * proxies, and every class of the boot loader but the one the MBean server hook instruments. Only name selectors
 * narrow it further: a rule selecting by supertype ({@code implements}) may match a class of any
 * name, so with such a rule every other class is looked at.
 *
 * <p>Thread-safe: immutable.
 */
final class ClassNameFilter {

    private static final List<String> NEVER =
            List.of("io/genscope/", "net/bytebuddy/", "jdk/internal/", "sun/", "jdk/proxy", "com/sun/proxy/");

    /** Internal names ({@code com/acme/Gen}), as the JVM passes them. */
    private final Set<String> internalNames;
    private final List<ClassSelector.Glob> globs;
    private final boolean anyName;
    private final String bootClass;

    private ClassNameFilter(Set<String> internalNames, List<ClassSelector.Glob> globs, boolean anyName,
                            String bootClass) {
        this.internalNames = internalNames;
        this.globs = globs;
        this.anyName = anyName;
        this.bootClass = bootClass;
    }

    /**
     * @param bootClass the binary name of the one boot class that may be instrumented
     */
    static ClassNameFilter of(List<RuleSettings> rules, String bootClass) {
        Set<String> internalNames = new HashSet<>();
        List<ClassSelector.Glob> globs = new ArrayList<>();
        boolean anyName = false;
        for (RuleSettings rule : rules) {
            ClassSelector selector = rule.classSelector();
            if (selector instanceof ClassSelector.Named named) {
                internalNames.add(internalName(named.className()));
            } else if (selector instanceof ClassSelector.Glob glob) {
                globs.add(glob);
            } else {
                anyName = true;
            }
        }
        return new ClassNameFilter(Set.copyOf(internalNames), List.copyOf(globs), anyName, internalName(bootClass));
    }

    /**
     * Whether the class of {@code internalName}, defined by {@code loader} ({@code null}: the boot
     * loader), may be one to instrument. A {@code null} name (a hidden class) never is.
     */
    boolean mayWeave(String internalName, ClassLoader loader) {
        if (internalName == null) {
            return false;
        }
        if (loader == null) {
            return internalName.equals(bootClass);
        }
        for (String prefix : NEVER) {
            if (internalName.startsWith(prefix)) {
                return false;
            }
        }
        return anyName || internalNames.contains(internalName) || matchesGlob(internalName);
    }

    private boolean matchesGlob(String internalName) {
        if (globs.isEmpty()) {
            return false;
        }
        String binaryName = internalName.replace('/', '.');
        for (ClassSelector.Glob glob : globs) {
            if (glob.matches(binaryName)) {
                return true;
            }
        }
        return false;
    }

    static String internalName(String binaryName) {
        return binaryName.replace('.', '/');
    }
}
