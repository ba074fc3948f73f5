package io.genscope.agent.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads the files the {@code metrics} settings name: a password, a token, a keystore. Only a
 * regular file of bounded size is opened, since a FIFO or a device could block or never end.
 */
final class SecretFile {

    /** More than any password, token or keystore of a few certificates needs. */
    static final int MAX_BYTES = 1 << 20;

    private SecretFile() {
    }

    /**
     * The file's text, without surrounding whitespace (so a trailing newline is fine).
     *
     * @param setting the setting that names the file, as in {@code metrics.auth.password-file}
     */
    static String text(Path file, String setting) throws EndpointStartException {
        byte[] bytes = bytes(file, setting);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString().strip();
        } catch (CharacterCodingException e) {
            throw new EndpointStartException(setting + " " + file + " is not UTF-8 text");
        }
        if (text.isEmpty()) {
            throw new EndpointStartException(setting + " " + file + " is empty");
        }
        return text;
    }

    /** The file's bytes, at most {@link #MAX_BYTES}. */
    static byte[] bytes(Path file, String setting) throws EndpointStartException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                throw new EndpointStartException(setting + " " + file + " is not a regular file; name a regular file");
            }
            try (InputStream in = Files.newInputStream(file)) {
                byte[] bytes = in.readNBytes(MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    throw new EndpointStartException(setting + " " + file + " is larger than " + (MAX_BYTES >> 20) + " MB");
                }
                return bytes;
            }
        } catch (IOException e) {
            throw new EndpointStartException(setting + " " + file + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }
}
