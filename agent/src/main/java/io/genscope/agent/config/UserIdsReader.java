package io.genscope.agent.config;

import io.genscope.agent.config.ConfigProblem.Severity;
import io.genscope.runtime.privacy.UserIds;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code store.user-ids} and {@code store.user-id-key-file} into {@link UserIds}: what is
 * kept of a captured {@code user-id}. The key is read here, once, from a file and never from the
 * config itself (a config file is often committed; a key in it would let anyone who reads it test
 * guessed ids against the pseudonyms). A key file that cannot be used is reported, and a random
 * key per JVM is used instead: ids stay pseudonymised whatever goes wrong.
 */
final class UserIdsReader {

    private static final String PSEUDONYM = "pseudonym";
    private static final String PLAIN = "plain";
    /** Far more than a key needs; the file is read no further. */
    private static final int MAX_KEY_BYTES = 4096;
    private static final String RANDOM_KEY = "using a random key per JVM (pseudonyms change when the JVM restarts)";

    private UserIdsReader() {
    }

    static UserIds read(SettingsSection store) {
        String keep = store.value("user-ids", Values.oneOf("a user-ids setting", List.of(PSEUDONYM, PLAIN)));
        Optional<Path> keyFile = store.value("user-id-key-file", MetricsSettingsReader.path(store));
        if (keep.equals(PLAIN)) {
            if (keyFile.isPresent()) {
                store.problems().add(Severity.SETTING, store.line("user-id-key-file"), store.field("user-id-key-file"),
                        "not used with user-ids: plain", "ignored");
            }
            return UserIds.plain();
        }
        if (keyFile.isEmpty()) {
            return UserIds.withRandomKey();
        }
        byte[] key = null;
        try {
            key = key(keyFile.get());
            return UserIds.pseudonymised(key);
        } catch (InvalidValueException e) {
            store.problems().add(Severity.SETTING, store.line("user-id-key-file"), store.field("user-id-key-file"),
                    e.getMessage(), RANDOM_KEY);
            return UserIds.withRandomKey();
        } finally {
            if (key != null) {
                Arrays.fill(key, (byte) 0);
            }
        }
    }

    /** The file's bytes without trailing whitespace (a newline), at least {@link UserIds#MIN_KEY_BYTES}. */
    private static byte[] key(Path file) throws InvalidValueException {
        byte[] bytes;
        try {
            if (!Files.readAttributes(file, BasicFileAttributes.class).isRegularFile()) {
                throw new InvalidValueException(file + " is not a regular file");
            }
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(MAX_KEY_BYTES + 1);
            }
        } catch (IOException e) {
            throw new InvalidValueException(file + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (bytes.length > MAX_KEY_BYTES) {
            throw new InvalidValueException(file + " is larger than " + MAX_KEY_BYTES + " bytes: not a key file");
        }
        int length = bytes.length;
        while (length > 0 && (bytes[length - 1] & 0xff) <= ' ') {
            length--;
        }
        byte[] key = Arrays.copyOf(bytes, length);
        Arrays.fill(bytes, (byte) 0);
        if (key.length < UserIds.MIN_KEY_BYTES) {
            throw new InvalidValueException(file + " holds " + key.length + " bytes, fewer than the "
                    + UserIds.MIN_KEY_BYTES + " a key needs: write one with openssl rand -hex 32 > " + file.getFileName());
        }
        return key;
    }
}
