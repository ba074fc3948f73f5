package io.genscope.agent.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Defines the classes of {@code io.genscope.agent.metrics.http}, which use the JDK's HTTP server,
 * where that server is visible: under the platform class loader (or, when Genscope's classes come
 * from directories, under their own loader). Every other class it is asked for comes from its
 * parent, so the HTTP classes share the runtime's and the agent's classes with the rest of
 * Genscope: the platform loader finds those on the bootstrap class path.
 *
 * <p>The class files are read from the agent's jar, since the bootstrap class loader, which holds
 * Genscope's classes, gives no resources.
 */
final class EndpointClassLoader extends ClassLoader {

    static final String HTTP_PACKAGE = "io.genscope.agent.metrics.http.";

    static {
        registerAsParallelCapable();
    }

    private final JarFile agentJar;

    /** @param agentJar the agent's jar, or {@code null} when Genscope's classes come from directories */
    EndpointClassLoader(JarFile agentJar) {
        super("genscope-metrics", ownLoaderOrPlatform());
        this.agentJar = agentJar;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(HTTP_PACKAGE)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                byte[] classFile = classFile(name);
                loaded = defineClass(name, classFile, 0, classFile.length);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    private byte[] classFile(String name) throws ClassNotFoundException {
        String path = name.replace('.', '/') + ".class";
        try (InputStream in = open(path)) {
            if (in == null) {
                throw new ClassNotFoundException(name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
    }

    private InputStream open(String path) throws IOException {
        if (agentJar == null) {
            return EndpointClassLoader.class.getClassLoader().getResourceAsStream(path);
        }
        JarEntry entry = agentJar.getJarEntry(path);
        return entry == null ? null : agentJar.getInputStream(entry);
    }

    /** Genscope's own loader when it has one (classes from directories); the platform loader when it is the boot loader. */
    private static ClassLoader ownLoaderOrPlatform() {
        ClassLoader own = EndpointClassLoader.class.getClassLoader();
        return own != null ? own : ClassLoader.getPlatformClassLoader();
    }
}
