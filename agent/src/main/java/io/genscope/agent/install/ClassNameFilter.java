package io.genscope.agent.install;

import io.genscope.agent.config.ClassSelector;
import io.genscope.agent.config.OffLimitsClasses;
import io.genscope.agent.config.RuleSettings;
import io.genscope.agent.matching.SupertypeIndex;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which classes are worth a look, judged from the name, loader and class file bytes the JVM
 * passes with every class it loads, before anything is parsed. Reading a class into a type
 * description costs far more than a hash lookup, and most of it runs interpreted (once per
 * class): for an application that loads thousands of classes (a generator running {@code javac}
 * in-process, say) it came to a second of CPU when every class was read.
 *
 * <p>Never looked at: the classes of the JDK and of Genscope ({@link OffLimitsClasses}), Byte
 * Buddy's, dynamic proxies, and every class of the boot loader but the one the MBean server
 * hook instruments. A rule selecting by name looks at the names it selects; a rule selecting by
 * supertype ({@code implements}) at the classes whose class file header leads to that supertype
 * ({@link SupertypeIndex}).
 *
 * <p>Thread-safe: immutable but for the supertype index, which is thread-safe.
 */
final class ClassNameFilter {

    private static final List<String> NEVER = never();

    /** Internal names ({@code com/acme/Gen}), as the JVM passes them. */
    private final Set<String> internalNames;
    private final List<ClassSelector.Glob> globs;
    /** {@code null} when no rule selects by supertype. */
    private final SupertypeIndex supertypes;
    private final String bootClass;

    private ClassNameFilter(Set<String> internalNames, List<ClassSelector.Glob> globs, SupertypeIndex supertypes,
                            String bootClass) {
        this.internalNames = internalNames;
        this.globs = globs;
        this.supertypes = supertypes;
        this.bootClass = bootClass;
    }

    /**
     * @param bootClass the binary name of the one boot class that may be instrumented
     */
    static ClassNameFilter of(List<RuleSettings> rules, String bootClass) {
        Set<String> internalNames = new HashSet<>();
        List<ClassSelector.Glob> globs = new ArrayList<>();
        Set<String> supertypes = new HashSet<>();
        for (RuleSettings rule : rules) {
            ClassSelector selector = rule.classSelector();
            if (selector instanceof ClassSelector.Named named) {
                internalNames.add(internalName(named.className()));
            } else if (selector instanceof ClassSelector.Glob glob) {
                globs.add(glob);
            } else {
                supertypes.add(((ClassSelector.SubtypeOf) selector).typeName());
            }
        }
        return new ClassNameFilter(Set.copyOf(internalNames), List.copyOf(globs),
                supertypes.isEmpty() ? null : SupertypeIndex.of(supertypes), internalName(bootClass));
    }

    /**
     * Whether the class of {@code internalName}, defined by {@code loader} ({@code null}: the boot
     * loader) from {@code classFile}, may be one to instrument. A {@code null} name (a hidden
     * class) never is. A {@code null} class file (a class loaded already, about to be
     * retransformed) passes any supertype rule: its loaded type is matched instead.
     */
    boolean mayWeave(String internalName, ClassLoader loader, byte[] classFile) {
        if (internalName == null) {
            return false;
        }
        if (internalName.equals(bootClass)) {
            return true;
        }
        if (loader == null) {
            return false;
        }
        for (String prefix : NEVER) {
            if (internalName.startsWith(prefix)) {
                return false;
            }
        }
        return internalNames.contains(internalName) || matchesGlob(internalName)
                || supertypes != null && (classFile == null || supertypes.isSubtype(loader, internalName, classFile));
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

    /** The off-limits packages, and our own shaded Byte Buddy, as internal-name prefixes. */
    private static List<String> never() {
        List<String> never = new ArrayList<>();
        for (String prefix : OffLimitsClasses.PREFIXES) {
            never.add(internalName(prefix));
        }
        never.add("net/bytebuddy/");
        return List.copyOf(never);
    }

    static String internalName(String binaryName) {
        return binaryName.replace('.', '/');
    }
}
