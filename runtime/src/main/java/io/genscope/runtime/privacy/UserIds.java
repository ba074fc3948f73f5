package io.genscope.runtime.privacy;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * What Genscope keeps of a captured {@code user-id}: by default a pseudonym, the first
 * {@value #PSEUDONYM_LENGTH} hex digits of HMAC-SHA256(key, the id's UTF-8 bytes), so per-user
 * figures work while no raw id is kept; or, with {@code store.user-ids: plain}, the id itself.
 *
 * <p>The key comes from {@code store.user-id-key-file} (the same key gives the same pseudonyms
 * across restarts and across a fleet, and whoever holds it can test a guessed id against a
 * pseudonym) or is drawn at random when the JVM starts (pseudonyms then hold for one JVM's
 * lifetime only, and nobody can reverse them, not even by guessing). 48 bits: two users share
 * a pseudonym with a chance of about n²/2⁴⁹ among n users (one in 5 million for 10,000).
 *
 * <p>Thread-safe: each thread has its own {@link Mac}, set up again only when another key asks. The raw id is read, hashed and dropped on
 * the calling thread; nothing here keeps it (the HMAC's buffers are reset after each id).
 * {@link #toString()} never shows the key.
 */
public final class UserIds {

    public static final int PSEUDONYM_LENGTH = 12;
    /** The shortest key file accepted, in bytes: 256 bits, as {@code openssl rand -hex 32} writes 64. */
    public static final int MIN_KEY_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** Each thread's HMAC and the key it was set up with: re-keyed when another key asks. */
    private static final ThreadLocal<KeyedMac> MACS = new ThreadLocal<>();

    private record KeyedMac(SecretKeySpec key, Mac mac) {
    }

    /** The key drawn at random for this JVM, the first time one is asked for. */
    private static final class PerJvmKey {
        static final byte[] KEY = new byte[32];

        static {
            new SecureRandom().nextBytes(KEY);
        }
    }

    /** {@code null} when ids are kept plain. */
    private final SecretKeySpec key;

    private UserIds(byte[] key) {
        this.key = key == null ? null : new SecretKeySpec(key, ALGORITHM);
    }

    /** Ids kept as captured: the {@code plain} opt-in. */
    public static UserIds plain() {
        return new UserIds(null);
    }

    /** Pseudonyms keyed by {@code key} (copied: the caller may wipe its array). */
    public static UserIds pseudonymised(byte[] key) {
        if (key.length == 0) {
            throw new IllegalArgumentException("an empty HMAC key");
        }
        return new UserIds(key.clone());
    }

    /**
     * Pseudonyms keyed by 32 random bytes drawn once per JVM: the default. Every such setting in one
     * JVM has the same key, so a config read again gives the same pseudonyms.
     */
    public static UserIds withRandomKey() {
        return new UserIds(PerJvmKey.KEY);
    }

    public boolean plainIds() {
        return key == null;
    }

    /** What is kept of {@code raw}: the id itself when plain, else its pseudonym; {@code null} for {@code null}. */
    public String kept(String raw) {
        if (raw == null || key == null) {
            return raw;
        }
        return pseudonym(mac(), raw);
    }

    /** The first {@value #PSEUDONYM_LENGTH} hex digits of the HMAC of {@code raw}'s UTF-8 bytes. */
    static String pseudonym(Mac mac, String raw) {
        byte[] digest = mac.doFinal(raw.getBytes(StandardCharsets.UTF_8));
        char[] hex = new char[PSEUDONYM_LENGTH];
        for (int i = 0; i < PSEUDONYM_LENGTH; i++) {
            int nibble = (digest[i >> 1] >> ((i & 1) == 0 ? 4 : 0)) & 0xf;
            hex[i] = HEX[nibble];
        }
        return new String(hex);
    }

    /** The calling thread's HMAC set up with this key. */
    private Mac mac() {
        KeyedMac current = MACS.get();
        if (current == null || current.key() != key) {
            try {
                Mac mac = Mac.getInstance(ALGORITHM);
                mac.init(key);
                current = new KeyedMac(key, mac);
                MACS.set(current);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
            }
        }
        return current.mac();
    }

    /** Equal settings: both plain, or both keyed with the same key (so two reads of a config are equal). */
    @Override
    public boolean equals(Object other) {
        return other instanceof UserIds that && (key == null ? that.key == null
                : that.key != null && MessageDigest.isEqual(key.getEncoded(), that.key.getEncoded()));
    }

    /** The same for every keyed setting: nothing derived from the key. */
    @Override
    public int hashCode() {
        return key == null ? 0 : 1;
    }

    @Override
    public String toString() {
        return key == null ? "user ids kept plain" : "user ids pseudonymised (HMAC-SHA256)";
    }
}
