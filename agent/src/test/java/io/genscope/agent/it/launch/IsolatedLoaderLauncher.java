package io.genscope.agent.it.launch;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Runs the sample generator the way a plugin host does: its classes come from a
 * {@link URLClassLoader} whose parent is the platform loader, so neither the application class
 * path nor the agent's classes are visible to them. Arguments: the sample jar, then its own.
 */
public final class IsolatedLoaderLauncher {

    private IsolatedLoaderLauncher() {
    }

    public static void main(String[] args) throws Exception {
        URL jar = Path.of(args[0]).toUri().toURL();
        try (URLClassLoader plugin = new URLClassLoader(new URL[] {jar}, ClassLoader.getPlatformClassLoader())) {
            Class<?> app = plugin.loadClass("com.example.codegen.SampleApp");
            System.out.println("sample loaded by " + app.getClassLoader());
            app.getMethod("main", String[].class).invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        }
    }
}
