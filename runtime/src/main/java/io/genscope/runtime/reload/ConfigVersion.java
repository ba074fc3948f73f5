package io.genscope.runtime.reload;

import java.time.Instant;

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
     * @param contentHash the hash of the file's bytes, worked out when first asked for
     * @param loadedAt    when it was loaded
     */
    public record State(String file, long version, ConfigHash contentHash, Instant loadedAt) {

        /** The first 12 hex digits of the SHA-256 of the file's bytes, or "" when unknown. */
        public String hash() {
            return contentHash.hex();
        }
    }

    private volatile State state;

    public ConfigVersion(String file, ConfigHash hash, Instant loadedAt) {
        this.state = new State(file, 1, hash, loadedAt);
    }

    public State current() {
        return state;
    }

    /**
     * The hash of {@code file}'s bytes, read now (just after the agent loaded it) and hashed when
     * first asked for ({@link ConfigHash}).
     */
    public static ConfigHash hash(String file) {
        return ConfigHash.of(file);
    }

    /** A new config was applied: the next version. */
    public State loaded(String file, ConfigHash hash, Instant loadedAt) {
        State next = new State(file, state.version() + 1, hash, loadedAt);
        state = next;
        return next;
    }
}
