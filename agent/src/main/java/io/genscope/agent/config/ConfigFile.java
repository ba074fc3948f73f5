package io.genscope.agent.config;

import io.genscope.agent.config.ConfigProblem.Severity;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;

/**
 * Reads the config file's bytes and text, safely whatever the path names. Start-up runs on the
 * host's {@code main} thread before {@code main}, so nothing here may block or grow with the file:
 * <ul>
 *   <li>only a regular file is opened: opening a FIFO blocks until a writer comes (for ever, at
 *       start-up), and a device such as {@code /dev/zero} never ends;</li>
 *   <li>at most {@link #MAX_BYTES} are read, through a bounded stream rather than
 *       {@code readAllBytes}, since the size a file system reports may be wrong ({@code /proc}
 *       says 0) or change while it is read;</li>
 *   <li>the bytes must be UTF-8, and the problem names the line of the first byte that is not.</li>
 * </ul>
 * Each refusal is one {@link Severity#FATAL} problem. Stateless and thread-safe.
 */
final class ConfigFile {

    /**
     * The largest config file read: 256 KB, room for some 4,000 rules, fifty times the largest
     * config we have seen. It also bounds what the YAML parser can be made to do: one quoted
     * scalar on a single 1 MB line costs it about 3 s, a 50 MB one over five minutes.
     */
    static final int MAX_BYTES = 256 * 1024;

    private ConfigFile() {
    }

    /**
     * The file's bytes, at most {@link #MAX_BYTES} of them; a file that is larger is a problem, and
     * its first {@link #MAX_BYTES} are still returned for {@link StrictLine} to read.
     *
     * @return {@code null} when nothing could be read
     */
    static byte[] read(Path file, Problems problems) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                refuse(problems, (attributes.isDirectory() ? "it is a directory" : "it is not a regular file (a FIFO,"
                        + " a device or a socket, which could block or never end)") + "; name a regular file");
                return null;
            }
            byte[] bytes;
            try (InputStream in = open(file)) {
                bytes = in.readNBytes(MAX_BYTES + 1);
            }
            if (bytes.length <= MAX_BYTES) {
                return bytes;
            }
            refuse(problems, "it is larger than " + MAX_BYTES + " bytes (256 KB), the most Genscope reads");
            return Arrays.copyOf(bytes, MAX_BYTES);
        } catch (IOException | RuntimeException e) {
            refuse(problems, reason(e));
            return null;
        }
    }

    /**
     * The bytes as UTF-8 text, or {@code null} with a problem naming the line of the first byte that
     * is not UTF-8; a byte-order mark is dropped.
     */
    static String text(byte[] bytes, Problems problems) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            problems.add(Severity.FATAL, lineAt(bytes, in.position()), "", "not UTF-8 text: byte "
                    + (in.position() + 1) + " is not part of a UTF-8 character; save the file as UTF-8", Problems.AGENT_OFF);
            return null;
        }
        decoder.flush(out);
        String text = out.flip().toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /**
     * A {@code FileInputStream}: its classes are in the JDK's class-data archive, where
     * {@code Files.newInputStream} would load some 30 channel classes cold at every start. When it
     * cannot open the file, {@code Files.newInputStream} says why, as {@link #reason} names it.
     */
    private static InputStream open(Path file) throws IOException {
        try {
            return new FileInputStream(file.toFile());
        } catch (FileNotFoundException e) {
            return Files.newInputStream(file);
        }
    }

    private static void refuse(Problems problems, String why) {
        problems.add(Severity.FATAL, 0, "", "cannot read the config file: " + why, Problems.AGENT_OFF);
    }

    private static String reason(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.toString();
    }
}
