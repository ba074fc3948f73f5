package io.genscope.agent.install;

import java.io.IOException;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Finds the application's main class from the launcher's {@code sun.java.command} property: the
 * class itself, the {@code Main-Class} of a {@code -jar} file, or the class of a
 * {@code module/class} launch. Empty when the JVM was started some other way (for example by
 * JNI), in which case JMX registration falls back to the first intercepted call.
 */
final class MainClassLocator {

    private MainClassLocator() {
    }

    static Optional<String> locate(String javaCommand) {
        if (javaCommand == null || javaCommand.isBlank()) {
            return Optional.empty();
        }
        String first = javaCommand.strip().split("\\s+")[0];
        if (first.endsWith(".jar")) {
            return mainClassOf(first);
        }
        int slash = first.indexOf('/');
        return Optional.of(slash >= 0 ? first.substring(slash + 1) : first);
    }

    private static Optional<String> mainClassOf(String jar) {
        try (JarFile file = new JarFile(jar)) {
            Manifest manifest = file.getManifest();
            return manifest == null ? Optional.empty()
                    : Optional.ofNullable(manifest.getMainAttributes().getValue("Main-Class")).map(String::strip);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
