package io.genscope.runtime.reload;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** The config hash is that of the bytes read at load, however late it is asked for. */
class ConfigHashTest {

    @TempDir
    Path directory;

    @Test
    void theHashIsTheStartOfTheSha256OfTheBytesReadAtLoadEvenAfterTheFileChanged() throws Exception {
        Path file = Files.writeString(directory.resolve("genscope.yaml"), "rules: []\n");
        ConfigHash hash = ConfigHash.of(file.toString());
        Files.writeString(file, "rules: [] # edited later\n");

        assertThat(hash.hex()).isEqualTo(sha256Start("rules: []\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(hash.hex()).isEqualTo(sha256Start("rules: []\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aFileLargerThanAnyConfigIsHashedAtOnceAndAnUnreadableOneHasNoHash() throws Exception {
        byte[] large = new byte[ConfigHash.MAX_KEPT_BYTES + 10_000];
        for (int i = 0; i < large.length; i++) {
            large[i] = (byte) ('a' + i % 26);
        }
        Path file = Files.write(directory.resolve("large.yaml"), large);
        ConfigHash hash = ConfigHash.of(file.toString());
        Files.delete(file);

        assertThat(hash.hex()).isEqualTo(sha256Start(large));
        assertThat(ConfigHash.of(directory.resolve("missing.yaml").toString()).hex()).isEmpty();
    }

    private static String sha256Start(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 12);
    }
}
