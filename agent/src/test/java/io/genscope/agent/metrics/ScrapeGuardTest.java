package io.genscope.agent.metrics;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class ScrapeGuardTest {

    @Test
    void basicAdmitsTheUserAndPasswordOnly() {
        ScrapeGuard guard = ScrapeGuard.basic("prometheus", "s3cr:et");
        assertThat(guard.admits(basic("prometheus:s3cr:et"))).isTrue();
        assertThat(guard.admits("basic " + encode("prometheus:s3cr:et"))).as("scheme in any case").isTrue();
        assertThat(guard.admits(basic("prometheus:s3cr:eT"))).isFalse();
        assertThat(guard.admits(basic("other:s3cr:et"))).isFalse();
        assertThat(guard.admits("Basic not-base64!")).isFalse();
        assertThat(guard.admits("Bearer s3cr:et")).isFalse();
        assertThat(guard.admits("Basic")).isFalse();
        assertThat(guard.admits(null)).isFalse();
        assertThat(guard.challenge()).isEqualTo("Basic realm=\"genscope\"");
    }

    @Test
    void bearerAdmitsTheTokenOnly() {
        ScrapeGuard guard = ScrapeGuard.bearer("t0ken");
        assertThat(guard.admits("Bearer t0ken")).isTrue();
        assertThat(guard.admits("Bearer t0ken2")).isFalse();
        assertThat(guard.admits("Bearer ")).isFalse();
        assertThat(guard.admits(basic("t0ken"))).isFalse();
        assertThat(guard.admits(null)).isFalse();
        assertThat(guard.challenge()).isEqualTo("Bearer realm=\"genscope\"");
    }

    @Test
    void openAdmitsAll() {
        assertThat(ScrapeGuard.open().admits(null)).isTrue();
    }

    private static String basic(String credentials) {
        return "Basic " + encode(credentials);
    }

    private static String encode(String credentials) {
        return Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
