package io.genscope.agent.matching;

import io.genscope.agent.config.OffLimitsClasses;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Answers "is this class loading now a subtype of one of the {@code implements:} types?" for
 * every class the JVM loads, cheaply: from the header of the class file in hand ({@link
 * ClassHeader}), each supertype resolved once per class loader and name and remembered, and no
 * look at supertypes whose name already rules them out.
 *
 * <p>What a name rules out: a JDK class cannot implement a type of the application (the JDK's
 * loaders do not see it), and a class of a well-known library cannot implement a type it does
 * not know of. So the JDK is skipped unless a target is a JDK type, and the libraries' packages
 * ({@link #LIBRARIES}) unless a target is a JDK or library type. {@code org.apache.} is
 * deliberately not in the list: generators live there.
 *
 * <p>A supertype that is not loaded yet (the JVM hands a class over before its superclass) is
 * read from its class file through the loader, as a resource. One that cannot be read counts as
 * not a subtype.
 *
 * <p>Memory: at most {@value #MAX_NAMES_PER_LOADER} names per class loader (the map is emptied
 * when full, which costs only re-reading); loaders are held weakly, so they still unload.
 *
 * <p>Thread-safe: classes load concurrently; a race resolves the same name twice.
 */
public final class SupertypeIndex {

    /** Well-known library packages whose classes cannot implement the application's types. */
    public static final List<String> LIBRARIES = List.of("kotlin.", "scala.", "groovy.", "com.fasterxml.",
            "org.slf4j.", "com.google.", "net.bytebuddy.", "org.objectweb.asm.", "org.yaml.snakeyaml.");
    /** How many names one loader's map keeps before it starts afresh. */
    static final int MAX_NAMES_PER_LOADER = 65_536;
    /** The deepest hierarchy followed; deeper counts as not a subtype (no real hierarchy is near it). */
    private static final int MAX_DEPTH = 64;
    /** The largest class file read for its header. */
    private static final int MAX_CLASS_FILE = 16 << 20;

    private final Set<String> targets;
    private final List<String> skipped;
    private final Map<ClassLoader, Map<String, Boolean>> byLoader = new WeakHashMap<>();

    private SupertypeIndex(Set<String> targets, List<String> skipped) {
        this.targets = targets;
        this.skipped = skipped;
    }

    /** An index for these supertypes, given by binary name ({@code com.acme.Generator}). */
    public static SupertypeIndex of(Set<String> targetNames) {
        List<String> jdk = OffLimitsClasses.JDK_PREFIXES;
        boolean jdkTarget = targetNames.stream().anyMatch(name -> underAny(name, jdk));
        boolean libraryTarget = targetNames.stream().anyMatch(name -> underAny(name, LIBRARIES));
        List<String> skipped = new ArrayList<>();
        if (!jdkTarget) {
            skipped.addAll(jdk);
        }
        if (!jdkTarget && !libraryTarget) {
            skipped.addAll(LIBRARIES);
        }
        skipped.add(OffLimitsClasses.GENSCOPE_PREFIX);
        return new SupertypeIndex(
                targetNames.stream().map(name -> name.replace('.', '/')).collect(Collectors.toUnmodifiableSet()),
                skipped.stream().map(prefix -> prefix.replace('.', '/')).toList());
    }

    /**
     * Whether the class {@code internalName}, being defined by {@code loader} from
     * {@code classFile}, is one of the targets or a subtype of one.
     */
    public boolean isSubtype(ClassLoader loader, String internalName, byte[] classFile) {
        if (targets.contains(internalName)) {
            return true;
        }
        if (ruledOut(internalName)) {
            return false;
        }
        Map<String, Boolean> known = known(loader);
        Boolean cached = known.get(internalName);
        if (cached != null) {
            return cached;
        }
        boolean subtype = directSupertypesReach(loader, header(classFile), 0);
        remember(known, internalName, subtype);
        return subtype;
    }

    private boolean directSupertypesReach(ClassLoader loader, ClassHeader header, int depth) {
        if (header == null) {
            return false;
        }
        if (header.superName() != null && reaches(loader, header.superName(), depth)) {
            return true;
        }
        for (String name : header.interfaces()) {
            if (reaches(loader, name, depth)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the type {@code internalName}, seen from {@code loader}, is a target or a subtype of one. */
    private boolean reaches(ClassLoader loader, String internalName, int depth) {
        if (targets.contains(internalName)) {
            return true;
        }
        if (ruledOut(internalName) || depth >= MAX_DEPTH) {
            return false;
        }
        Map<String, Boolean> known = known(loader);
        Boolean cached = known.get(internalName);
        if (cached != null) {
            return cached;
        }
        boolean subtype = directSupertypesReach(loader, header(read(loader, internalName)), depth + 1);
        remember(known, internalName, subtype);
        return subtype;
    }

    private boolean ruledOut(String internalName) {
        for (String prefix : skipped) {
            if (internalName.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private Map<String, Boolean> known(ClassLoader loader) {
        synchronized (byLoader) {
            return byLoader.computeIfAbsent(loader, any -> new ConcurrentHashMap<>());
        }
    }

    private static void remember(Map<String, Boolean> known, String internalName, boolean subtype) {
        if (known.size() >= MAX_NAMES_PER_LOADER) {
            known.clear();
        }
        known.put(internalName, subtype);
    }

    private static ClassHeader header(byte[] classFile) {
        if (classFile == null) {
            return null;
        }
        try {
            return ClassHeader.read(classFile);
        } catch (RuntimeException malformed) {
            return null;
        }
    }

    /** The class file of a type as {@code loader} sees it, or {@code null} when it cannot be read. */
    private static byte[] read(ClassLoader loader, String internalName) {
        ClassLoader source = loader != null ? loader : ClassLoader.getPlatformClassLoader();
        try (InputStream in = source.getResourceAsStream(internalName + ".class")) {
            if (in == null) {
                return null;
            }
            byte[] bytes = in.readNBytes(MAX_CLASS_FILE);
            return bytes.length < MAX_CLASS_FILE ? bytes : null;
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    private static boolean underAny(String name, List<String> prefixes) {
        return prefixes.stream().anyMatch(name::startsWith);
    }
}
