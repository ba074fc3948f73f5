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
 * <p>Nothing of the JDK's cryptography is touched until the first id is pseudonymised: the random
 * key is drawn, and the HMAC key made, then. A JVM whose rules capture no {@code user-id} never
 * seeds a {@link SecureRandom} nor loads {@code javax.crypto}, which cost its start-up about 15 ms.
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

    /** What {@link #keyBytes} returns for the key drawn per JVM: drawn only when first needed. */
    private static final byte[] RANDOM = new byte[0];

    /** {@code null} when ids are kept plain, {@link #RANDOM} for the key drawn per JVM, else the key file's bytes. */
    private final byte[] keyBytes;
    /**
     * The HMAC key, made from {@link #keyBytes} when the first id is pseudonymised. A race makes
     * equal keys, each safely published (its fields are final); a thread whose {@link Mac} was set
     * up with the other one sets up its own again, once.
     */
    private SecretKeySpec key;

    private UserIds(byte[] keyBytes) {
        this.keyBytes = keyBytes;
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
        return new UserIds(RANDOM);
    }

    public boolean plainIds() {
        return keyBytes == null;
    }

    /** What is kept of {@code raw}: the id itself when plain, else its pseudonym; {@code null} for {@code null}. */
    public String kept(String raw) {
        if (raw == null || keyBytes == null) {
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
        SecretKeySpec key = key();
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

    private SecretKeySpec key() {
        SecretKeySpec made = key;
        if (made == null) {
            made = new SecretKeySpec(keyBytes == RANDOM ? PerJvmKey.KEY : keyBytes, ALGORITHM);
            key = made;
        }
        return made;
    }

    /**
     * Equal settings: both plain, both keyed with the key drawn per JVM, or both keyed with the same
     * key file's bytes (so two reads of a config are equal). Compares without drawing a key.
     */
    @Override
    public boolean equals(Object other) {
        if (!(other instanceof UserIds that) || (keyBytes == null) != (that.keyBytes == null)) {
            return false;
        }
        return keyBytes == null || (keyBytes == RANDOM) == (that.keyBytes == RANDOM)
                && MessageDigest.isEqual(keyBytes, that.keyBytes);
    }

    /** The same for every keyed setting: nothing derived from the key. */
    @Override
    public int hashCode() {
        return keyBytes == null ? 0 : 1;
    }

    @Override
    public String toString() {
        return keyBytes == null ? "user ids kept plain" : "user ids pseudonymised (HMAC-SHA256)";
    }
}
