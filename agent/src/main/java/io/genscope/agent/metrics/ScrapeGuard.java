package io.genscope.agent.metrics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;

/**
 * Decides whether a scrape may read the metrics, from its {@code Authorization} header. The
 * credentials are compared in constant time, so the time of a refusal tells nothing of how much of
 * a guess was right.
 *
 * <p>Immutable and thread-safe.
 */
public abstract sealed class ScrapeGuard {

    private ScrapeGuard() {
    }

    /** Admits every scrape. */
    static ScrapeGuard open() {
        return new Open();
    }

    /** HTTP basic authentication with this user and password. */
    static ScrapeGuard basic(String user, String password) {
        return new Credentials("Basic", (user + ":" + password).getBytes(StandardCharsets.UTF_8), true);
    }

    /** A bearer token. */
    static ScrapeGuard bearer(String token) {
        return new Credentials("Bearer", token.getBytes(StandardCharsets.UTF_8), false);
    }

    /** @param authorization the scrape's {@code Authorization} header, {@code null} when it sent none */
    public abstract boolean admits(String authorization);

    /** The {@code WWW-Authenticate} header of a refusal. */
    public abstract String challenge();

    /** What the INFO line at start says of the protection. */
    abstract String describe();

    private static final class Open extends ScrapeGuard {

        @Override
        public boolean admits(String authorization) {
            return true;
        }

        @Override
        public String challenge() {
            throw new IllegalStateException("an open endpoint refuses no scrape");
        }

        @Override
        String describe() {
            return "no authentication";
        }
    }

    /** One scheme's expected credentials: the decoded {@code user:password} of basic, or the token. */
    private static final class Credentials extends ScrapeGuard {

        private final String scheme;
        private final byte[] expected;
        private final boolean base64;

        Credentials(String scheme, byte[] expected, boolean base64) {
            this.scheme = scheme;
            this.expected = expected;
            this.base64 = base64;
        }

        @Override
        public boolean admits(String authorization) {
            if (authorization == null || authorization.length() <= scheme.length()
                    || !authorization.regionMatches(true, 0, scheme + " ", 0, scheme.length() + 1)) {
                return false;
            }
            String credentials = authorization.substring(scheme.length() + 1).strip();
            byte[] given;
            try {
                given = base64 ? Base64.getDecoder().decode(credentials) : credentials.getBytes(StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notBase64) {
                return false;
            }
            return MessageDigest.isEqual(given, expected);
        }

        @Override
        public String challenge() {
            return scheme + " realm=\"genscope\"";
        }

        @Override
        String describe() {
            return scheme.toLowerCase(Locale.ROOT) + " authentication";
        }
    }
}
