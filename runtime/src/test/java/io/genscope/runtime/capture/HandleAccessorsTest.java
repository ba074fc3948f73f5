package io.genscope.runtime.capture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.ref.WeakReference;
import java.lang.reflect.Constructor;

import static io.genscope.runtime.testing.CapturePaths.arg;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accessors are hidden classes holding a handle on the member they read: they must not keep the
 * class, and so its class loader (a plugin, a redeployed web application), alive.
 */
class HandleAccessorsTest {

    /** A class read through a capture; each test loads its own copy in a throwaway loader. */
    static final class Plugin {
        private final String name;

        Plugin(String name) {
            this.name = name;
        }
    }

    @Test
    void aClassLoaderWhoseClassesWereReadCanStillBeCollected() throws Throwable {
        WeakReference<ClassLoader> loader = readThroughThrowawayLoader();

        for (int i = 0; i < 50 && loader.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }

        assertThat(loader.get()).as("the throwaway class loader after collections").isNull();
    }

    /** Reads {@code name} from a {@link Plugin} of a fresh loader through a capture path, then lets go of all of it. */
    private static WeakReference<ClassLoader> readThroughThrowawayLoader() throws Throwable {
        ClassLoader loader = new ChildFirst(Plugin.class.getName());
        Class<?> type = loader.loadClass(Plugin.class.getName());
        assertThat(type).isNotSameAs(Plugin.class);
        Constructor<?> constructor = type.getDeclaredConstructor(String.class);
        constructor.setAccessible(true);
        Object plugin = constructor.newInstance("isolated");

        assertThat(arg(0, "name").read(null, new Object[] {plugin}, null, null)).isEqualTo("isolated");
        return new WeakReference<>(loader);
    }

    /** Defines its own copy of one class; everything else comes from the test's loader. */
    private static final class ChildFirst extends ClassLoader {

        private final String isolated;

        ChildFirst(String isolated) {
            super(HandleAccessorsTest.class.getClassLoader());
            this.isolated = isolated;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(isolated)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    byte[] bytes = bytecodeOf(name);
                    loaded = defineClass(name, bytes, 0, bytes.length);
                }
                return loaded;
            }
        }

        private static byte[] bytecodeOf(String name) {
            try (InputStream in = HandleAccessorsTest.class.getClassLoader()
                    .getResourceAsStream(name.replace('.', '/') + ".class")) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
