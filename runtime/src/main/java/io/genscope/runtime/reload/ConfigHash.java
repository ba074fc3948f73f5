package io.genscope.runtime.reload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The first 12 hex digits of the SHA-256 of a config file's bytes as they were read just after
 * the agent loaded it, worked out the first time someone asks (the Diagnostics MBean's
 * {@code ConfigHash}). Asking the JDK for SHA-256 sets up its security providers, about 10 ms of
 * a JVM's start-up, which most JVMs, never looked at over JMX, do not need to pay.
 *
 * <p>Until then the bytes are kept: at most {@value #MAX_KEPT_BYTES} bytes (the largest config the
 * agent reads); a larger file, which the agent has refused anyway, is hashed at once. Once
 * hashed, the bytes are dropped.
 *
 * <p>Thread-safe: {@link #hex()} is synchronized; it runs once per JMX read.
 */
public final class ConfigHash {

    /** The largest file whose bytes are kept until asked: the agent's own limit on a config file. */
    static final int MAX_KEPT_BYTES = 256 * 1024;
    private static final int SHOWN_BYTES = 6;

    /** When the file could not be read: an empty hash. */
    public static final ConfigHash UNKNOWN = new ConfigHash(null, "");

    /** The file's bytes until hashed, then {@code null}; guarded by {@code this}. */
    private byte[] content;
    /** {@code null} until hashed; guarded by {@code this}. */
    private String hex;

    private ConfigHash(byte[] content, String hex) {
        this.content = content;
        this.hex = hex;
    }

    /** Reads {@code file} now; its hash is worked out when first asked for. */
    public static ConfigHash of(String file) {
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            byte[] content = in.readNBytes(MAX_KEPT_BYTES + 1);
            if (content.length <= MAX_KEPT_BYTES) {
                return new ConfigHash(content, null);
            }
            MessageDigest digest = sha256();
            digest.update(content);
            byte[] rest = new byte[8192];
            for (int read = in.read(rest); read >= 0; read = in.read(rest)) {
                digest.update(rest, 0, read);
            }
            return new ConfigHash(null, shown(digest.digest()));
        } catch (IOException | NoSuchAlgorithmException | RuntimeException unreadable) {
            return UNKNOWN;
        }
    }

    /** The first 12 hex digits of the SHA-256 of the bytes read, or "" when the file could not be read. */
    public synchronized String hex() {
        if (hex == null) {
            try {
                hex = shown(sha256().digest(content));
            } catch (NoSuchAlgorithmException unavailable) {
                hex = "";
            }
            content = null;
        }
        return hex;
    }

    private static MessageDigest sha256() throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256");
    }

    private static String shown(byte[] digest) {
        return HexFormat.of().formatHex(digest, 0, SHOWN_BYTES);
    }
}
