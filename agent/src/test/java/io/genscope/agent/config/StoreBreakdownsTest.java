package io.genscope.agent.config;

import io.genscope.runtime.store.BreakdownCaps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The breakdown settings of the {@code store} section: each dimension's cap, and what is kept of
 * a user id. A key file that cannot serve is named by file, line and field, and ids stay
 * pseudonymised with a random key; the key never shows in a message.
 */
class StoreBreakdownsTest {

    @TempDir
    Path folder;

    private LoadedConfig load(String store) {
        return OneRuleConfig.load(folder.resolve("genscope.yaml").toString(), "store:\n" + store);
    }

    @Test
    void capsAndPseudonymsByDefaultAndEachCapAsGiven() {
        LoadedConfig defaults = load("  window: 1h\n");
        assertThat(defaults.problems()).isEmpty();
        assertThat(defaults.settings().store().breakdowns()).isEqualTo(BreakdownCaps.defaults());
        assertThat(defaults.settings().store().userIds().plainIds()).isFalse();

        LoadedConfig given = load("  max-variants: 3\n  max-projects: 4\n  max-users: 5\n  max-prompt-categories: 6\n");
        assertThat(given.settings().store().breakdowns()).isEqualTo(new BreakdownCaps(3, 4, 5, 6));
        assertThat(load("  max-users: 0\n").problems()).extracting(ConfigProblem::describe).singleElement()
                .asString().contains(":2 store.max-users: ").endsWith("(using the default 10)");
    }

    @Test
    void aKeyFileGivesPseudonymsThatHoldAcrossLoadsAndPlainKeepsIds() throws Exception {
        Files.writeString(folder.resolve("user-key"), "0123456789abcdef0123456789abcdef-secret\n");
        String store = "  user-id-key-file: user-key\n";
        assertThat(load(store).problems()).isEmpty();
        assertThat(load(store).settings().store().userIds().kept("ada"))
                .isEqualTo(load(store).settings().store().userIds().kept("ada")).hasSize(12);

        assertThat(load("  user-ids: plain\n").settings().store().userIds().kept("ada")).isEqualTo("ada");
    }

    @Test
    void aKeyFileThatCannotServeIsReportedAndIdsStayPseudonymised() throws Exception {
        Files.write(folder.resolve("short-key"), "Jefe-secret".getBytes(StandardCharsets.US_ASCII));
        LoadedConfig shortKey = load("  window: 1h\n  user-id-key-file: short-key\n");
        assertThat(shortKey.problems()).extracting(ConfigProblem::describe).singleElement().asString()
                .contains(":3 store.user-id-key-file: ").contains("holds 11 bytes, fewer than the 32 a key needs")
                .endsWith("(using a random key per JVM (pseudonyms change when the JVM restarts))")
                .doesNotContain("Jefe");
        assertThat(shortKey.settings().store().userIds().kept("ada")).hasSize(12);

        LoadedConfig missing = load("  user-id-key-file: nowhere\n");
        assertThat(missing.problems()).extracting(ConfigProblem::describe).singleElement().asString()
                .contains("cannot be read (NoSuchFileException)");
        assertThat(missing.settings().store().userIds().plainIds()).isFalse();

        LoadedConfig plainWithKey = load("  user-ids: plain\n  user-id-key-file: short-key\n");
        assertThat(plainWithKey.problems()).extracting(ConfigProblem::describe).singleElement().asString()
                .contains("store.user-id-key-file: not used with user-ids: plain (ignored)");
    }

    @Test
    void theNewCapturesAreGenerationCaptures() {
        LoadedConfig loaded = ConfigLoader.parse(folder.resolve("genscope.yaml").toString(), """
                rules:
                  - name: gen
                    role: generation
                    class: com.acme.Gen
                    method: generate
                    capture:
                      variant: args[0].variant
                      user-id: args[0].user
                      prompt-category: args[0].intent
                  - name: check
                    role: validation
                    class: com.acme.Check
                    method: check
                    capture:
                      variant: args[0].variant
                """);
        CaptureSettings capture = loaded.settings().rules().get(0).capture();
        assertThat(capture.variant()).isNotNull();
        assertThat(capture.userId()).isNotNull();
        assertThat(capture.promptCategory()).isNotNull();
        assertThat(loaded.problems()).extracting(ConfigProblem::describe).singleElement().asString()
                .contains("'variant' is a capture of generation rules, but this rule's role is validation");
    }
}
