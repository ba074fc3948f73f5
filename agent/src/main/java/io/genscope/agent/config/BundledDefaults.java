package io.genscope.agent.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * The bundled {@code defaults.yaml}, which every config is laid over. Under the agent it is read
 * from the agent's own jar: the boot loader, which loads the config classes, cannot see the
 * resources of a jar appended to the bootstrap class path, and the system loader looks on the
 * application's class path first, where another copy of Genscope (another version, say) would
 * hand over its defaults in place of ours.
 *
 * <p>Immutable and thread-safe.
 */
public final class BundledDefaults {

    static final String NAME = "defaults.yaml";
    private static final String ENTRY = BundledDefaults.class.getPackageName().replace('.', '/') + "/" + NAME;

    final YamlNode.Mapping tree;

    private BundledDefaults(YamlNode.Mapping tree) {
        this.tree = tree;
    }

    /**
     * @param agentJar the agent's jar, or {@code null} when its classes come from directories (the
     *                 tests): then the defaults are read next to this class on its class path
     */
    public static BundledDefaults of(JarFile agentJar) {
        if (agentJar == null) {
            return OnClassPath.DEFAULTS;
        }
        ZipEntry entry = agentJar.getEntry(ENTRY);
        if (entry == null) {
            throw new IllegalStateException(NAME + " is missing from the agent jar " + agentJar.getName());
        }
        try (InputStream in = agentJar.getInputStream(entry)) {
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + NAME + " from the agent jar " + agentJar.getName(), e);
        }
    }

    /** The defaults next to this class on its class path: for callers with no agent jar. */
    static BundledDefaults onClassPath() {
        return OnClassPath.DEFAULTS;
    }

    /** Through {@link PlainBlockYaml}, or as YAML when the file leaves its subset. */
    private static BundledDefaults parse(InputStream in) throws IOException {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        YamlNode.Mapping plain = PlainBlockYaml.read(text);
        if (plain != null) {
            return new BundledDefaults(plain);
        }
        try {
            return new BundledDefaults((YamlNode.Mapping) YamlTreeReader.read(withoutCommentLines(text), new Complaint() {
                @Override
                public void at(int line, String field, String what) {
                    throw new IllegalStateException(NAME + ":" + line + " " + what);
                }
            }));
        } catch (YamlSyntaxException e) {
            throw new IllegalStateException(NAME + ":" + e.line() + " " + e.getMessage(), e);
        }
    }

    /**
     * The text with each line that holds only a comment emptied, so that the line numbers stay:
     * most of the file documents the settings, and the YAML scanner, running cold at start-up,
     * would read it character by character.
     */
    static String withoutCommentLines(String text) {
        StringBuilder kept = new StringBuilder(text.length() / 4);
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end + 1;
            int first = start;
            while (first < end && text.charAt(first) == ' ') {
                first++;
            }
            if (first < end && text.charAt(first) == '#') {
                kept.append('\n');
            } else {
                kept.append(text, start, end);
            }
            start = end;
        }
        return kept.toString();
    }

    /** Read on first use only, so that the agent, which reads its jar, never looks on the class path. */
    private static final class OnClassPath {

        static final BundledDefaults DEFAULTS = read();

        private static BundledDefaults read() {
            try (InputStream in = BundledDefaults.class.getResourceAsStream(NAME)) {
                if (in == null) {
                    throw new IllegalStateException(NAME + " is missing next to " + BundledDefaults.class.getName());
                }
                return parse(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
