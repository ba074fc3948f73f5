package io.genscope.agent.it.breakdown;

import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Looks for strings in a live heap dump taken inside a forked JVM over JMX, as the JVM stores
 * strings: Latin-1 or UTF-16 in either byte order. A live dump runs a full collection first, so
 * what it holds is what something still refers to.
 */
final class HeapSearch {

    private static final List<Charset> STRING_ENCODINGS =
            List.of(StandardCharsets.ISO_8859_1, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE);

    private HeapSearch() {
    }

    /** Which of {@code wanted} a live heap dump of the JVM behind {@code connection} holds. */
    static Set<String> liveHeapHolds(MBeanServerConnection connection, Path dump, Collection<String> wanted)
            throws Exception {
        connection.invoke(new ObjectName("com.sun.management:type=HotSpotDiagnostic"), "dumpHeap",
                new Object[] {dump.toString(), true}, new String[] {String.class.getName(), "boolean"});
        try {
            byte[] heap = Files.readAllBytes(dump);
            Set<String> found = new TreeSet<>();
            for (String text : wanted) {
                for (Charset encoding : STRING_ENCODINGS) {
                    if (indexOf(heap, text.getBytes(encoding)) >= 0) {
                        found.add(text);
                    }
                }
            }
            return found;
        } finally {
            Files.delete(dump);
        }
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= bytes.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
