package io.genscope.agent.it.hostile.hosts;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;

/**
 * A plugin host with two plugin class loaders that both define {@code fixture.weaving.PluginTwin}
 * and its subclass {@code PluginChild}: in the first, {@code PluginTwin} implements
 * {@code fixture.weaving.Plugin}; in the other, loaded first, the same name is a class that does
 * not (the class file of {@code PluginTwix}, renamed). It calls {@code generate} on each and counts the
 * calls made on plugins (its ground truth), then prints Genscope's figures like {@link WeavingHost}.
 *
 * <p>Usage: {@code WeavingPluginHost <directory of the fixture classes>}
 */
public final class WeavingPluginHost {

    private static final String TWIN = "fixture.weaving.PluginTwin";

    private WeavingPluginHost() {
    }

    public static void main(String[] args) throws Exception {
        URL[] classes = {java.nio.file.Path.of(args[0]).toUri().toURL()};
        int pluginCalls = 0;
        StringBuilder output = new StringBuilder();
        for (boolean renamed : new boolean[] {true, false}) {
            try (PluginLoader loader = new PluginLoader(classes, renamed)) {
                Class<?> plugin = loader.loadClass("fixture.weaving.Plugin");
                Object spec = loader.loadClass("fixture.weaving.Spec").getConstructor(String.class, String.class)
                        .newInstance("model", "Fn");
                for (String name : new String[] {TWIN, "fixture.weaving.PluginChild"}) {
                    Class<?> type = loader.loadClass(name);
                    output.append(type.getMethod("generate", spec.getClass())
                            .invoke(type.getConstructor().newInstance(), spec));
                    pluginCalls += plugin.isAssignableFrom(type) ? 1 : 0;
                }
            }
        }
        System.out.println("host output=" + output + " generations=" + pluginCalls);
        WeavingHost.printGenscopeFigures(ManagementFactory.getPlatformMBeanServer());
    }

    /** Child-first for {@code fixture.weaving}; with {@code renamed}, {@code PluginTwin} is {@code PluginTwix}'s class file. */
    private static final class PluginLoader extends URLClassLoader {

        private final boolean renamed;

        PluginLoader(URL[] urls, boolean renamed) {
            super(urls, PluginLoader.class.getClassLoader());
            this.renamed = renamed;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                if (!name.startsWith("fixture.weaving.")) {
                    return super.loadClass(name, resolve);
                }
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    loaded = renamed && name.equals(TWIN) ? defineRenamedTwix() : findClass(name);
                }
                return loaded;
            }
        }

        @Override
        public InputStream getResourceAsStream(String name) {
            if (renamed && name.equals(TWIN.replace('.', '/') + ".class")) {
                return new java.io.ByteArrayInputStream(renamedTwix());
            }
            return super.getResourceAsStream(name);
        }

        private Class<?> defineRenamedTwix() {
            byte[] bytes = renamedTwix();
            return defineClass(TWIN, bytes, 0, bytes.length);
        }

        /** PluginTwix's class file with its name constant swapped for PluginTwin's (same length, same layout). */
        private byte[] renamedTwix() {
            try (InputStream in = super.getResourceAsStream("fixture/weaving/PluginTwix.class")) {
                byte[] bytes = in.readAllBytes();
                byte[] from = "fixture/weaving/PluginTwix".getBytes(StandardCharsets.UTF_8);
                byte[] to = "fixture/weaving/PluginTwin".getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i + from.length <= bytes.length; i++) {
                    if (java.util.Arrays.equals(bytes, i, i + from.length, from, 0, from.length)) {
                        System.arraycopy(to, 0, bytes, i, to.length);
                    }
                }
                return bytes;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
