package io.genscope.agent.install;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarFile;

/**
 * Puts the runtime on the bootstrap class path, so inlined advice in a class of any class loader
 * (system, a plugin {@code URLClassLoader}, a child-first loader) resolves the same
 * {@code io.genscope.runtime} classes. The runtime travels inside the agent jar as
 * {@value #RUNTIME_JAR} and is copied to a temporary file, deleted at exit. It goes there even
 * when the application carries a copy of the runtime itself: the boot loader is asked first, so
 * every class sees the agent's own.
 *
 * <p><b>Note:</b> this class must not refer to any runtime class: they are not loadable until it
 * has run.
 */
public final class BootstrapInjector {

    static final String RUNTIME_JAR = "META-INF/genscope/genscope-runtime.jar";
    private static final String PROBE = "io/genscope/runtime/Genscope.class";

    private BootstrapInjector() {
    }

    public static void inject(Instrumentation instrumentation) throws IOException {
        ClassLoader agentLoader = BootstrapInjector.class.getClassLoader();
        try (InputStream runtime = agentLoader.getResourceAsStream(RUNTIME_JAR)) {
            if (runtime == null) {
                if (agentLoader.getResource(PROBE) != null) {
                    return; // no agent jar, the runtime on the class path: the in-process tests
                }
                throw new IOException(RUNTIME_JAR + " is missing from the agent jar; rebuild it with mvn package");
            }
            Path copy = Files.createTempFile("genscope-runtime-", ".jar");
            copy.toFile().deleteOnExit();
            Files.copy(runtime, copy, StandardCopyOption.REPLACE_EXISTING);
            instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(copy.toFile()));
        }
    }
}
