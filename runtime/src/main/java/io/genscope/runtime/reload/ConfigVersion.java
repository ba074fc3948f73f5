package io.genscope.runtime.reload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Which config the agent runs on: its file, its version (1 at start, one more per reload
 * applied), a short hash of its content and when it was loaded. Shown by the Diagnostics MBean,
 * so an operator can tell which edit of the file is in use.
 *
 * <p>Thread-safe: one immutable state behind a volatile field; {@link #loaded} is called by the
 * one reload that runs at a time.
 */
public final class ConfigVersion {

    /**
     * @param file        the config file
     * @param version     1 at start, one more per reload applied
     * @param hash        the first 12 hex digits of the SHA-256 of the file's bytes, or "" when unknown
     * @param loadedAt    when it was loaded
     */
    public record State(String file, long version, String hash, Instant loadedAt) {
    }

    private volatile State state;

    public ConfigVersion(String file, String hash, Instant loadedAt) {
        this.state = new State(file, 1, hash, loadedAt);
    }

    public State current() {
        return state;
    }

    /**
     * The first 12 hex digits of the SHA-256 of {@code file}'s bytes, read now (just after the
     * agent loaded it), or "" when it cannot be read.
     */
    public static String hash(String file) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(Path.of(file)));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (IOException | NoSuchAlgorithmException | RuntimeException unreadable) {
            return "";
        }
    }

    /** A new config was applied: the next version. */
    public State loaded(String file, String hash, Instant loadedAt) {
        State next = new State(file, state.version() + 1, hash, loadedAt);
        state = next;
        return next;
    }
}
