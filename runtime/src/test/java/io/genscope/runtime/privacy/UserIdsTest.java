package io.genscope.runtime.privacy;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * User ids kept as the first 12 hex digits of their HMAC-SHA256, checked against RFC 4231's test
 * vectors, or as they are when plain.
 */
class UserIdsTest {

    @Test
    void pseudonymsAreTheStartOfTheRfc4231HmacSha256() {
        byte[] key1 = new byte[20];
        Arrays.fill(key1, (byte) 0x0b);
        // RFC 4231 test case 1: b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7
        assertThat(UserIds.pseudonymised(key1).kept("Hi There")).isEqualTo("b0344c61d8db");
        // test case 2: 5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843
        assertThat(UserIds.pseudonymised("Jefe".getBytes(StandardCharsets.US_ASCII))
                .kept("what do ya want for nothing?")).isEqualTo("5bdcc146bf60");
    }

    @Test
    void theSameKeyGivesTheSamePseudonymOnEveryThreadAndAnotherKeyAnother() throws InterruptedException {
        UserIds ids = UserIds.pseudonymised("a key of at least thirty-two bytes!".getBytes(StandardCharsets.US_ASCII));
        String[] elsewhere = new String[1];
        Thread thread = new Thread(() -> elsewhere[0] = ids.kept("ada@example.com"));
        thread.start();
        thread.join();
        assertThat(ids.kept("ada@example.com")).isEqualTo(elsewhere[0]).matches("[0-9a-f]{12}")
                .isNotEqualTo(ids.kept("grace@example.com"));
        assertThat(UserIds.withRandomKey().kept("ada@example.com")).isNotEqualTo(ids.kept("ada@example.com"));
        assertThat(ids.kept(null)).isNull();
    }

    @Test
    void plainIdsAreKeptAsCapturedAndNoKeyIsEverShown() {
        assertThat(UserIds.plain().kept("ada@example.com")).isEqualTo("ada@example.com");
        assertThat(UserIds.pseudonymised("Jefe".getBytes(StandardCharsets.US_ASCII)).toString())
                .doesNotContain("Jefe").contains("pseudonymised");
    }

    @Test
    void everyRandomlyKeyedSettingOfAJvmGivesTheSamePseudonymsAndEqualsOnlyItsKind() {
        UserIds first = UserIds.withRandomKey();
        UserIds second = UserIds.withRandomKey();
        byte[] fileKey = "a key of at least thirty-two bytes!".getBytes(StandardCharsets.US_ASCII);

        assertThat(first).isEqualTo(second).isNotEqualTo(UserIds.plain())
                .isNotEqualTo(UserIds.pseudonymised(fileKey));
        assertThat(UserIds.pseudonymised(fileKey)).isEqualTo(UserIds.pseudonymised(fileKey.clone()))
                .isNotEqualTo(UserIds.pseudonymised("another key, also thirty-two bytes".getBytes(StandardCharsets.US_ASCII)));
        assertThat(UserIds.plain()).isEqualTo(UserIds.plain()).isNotEqualTo(first);
        assertThat(first.kept("ada@example.com")).isEqualTo(second.kept("ada@example.com")).matches("[0-9a-f]{12}");
    }
}
