package io.genscope.agent.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code metrics} section: the built-in endpoint that serves Genscope's cumulative counters and
 * histograms to Prometheus. Off unless a port is given. Secrets are never part of the config: the
 * settings name the files that hold them, read when the endpoint starts.
 *
 * @param port           {@code metrics.port}: the TCP port, {@code 0} for any free one (printed at
 *                       start), or {@link #OFF}. Default off.
 * @param host           {@code metrics.host}: the address to listen on, a host name or IP address.
 *                       Default {@code 127.0.0.1}, this machine only.
 * @param authentication {@code metrics.auth}: what a scrape must send. Default none.
 * @param tls            {@code metrics.tls}: the keystore to serve HTTPS with; empty serves plain HTTP.
 */
public record MetricsSettings(int port, String host, Authentication authentication, Optional<Tls> tls) {

    /** The port of an endpoint that is off. */
    public static final int OFF = -1;

    public MetricsSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(authentication, "authentication");
        Objects.requireNonNull(tls, "tls");
    }

    /** Whether the endpoint runs at all: no thread and no socket otherwise. */
    public boolean enabled() {
        return port != OFF;
    }

    /** What a scrape must send in its {@code Authorization} header. */
    public sealed interface Authentication {
    }

    /** Any scrape is served (the endpoint listens on loopback unless {@code host} says otherwise). */
    public record NoAuthentication() implements Authentication {
    }

    /**
     * HTTP basic authentication ({@code basic_auth} in {@code prometheus.yml}).
     *
     * @param passwordFile the file whose content, without surrounding whitespace, is the password
     */
    public record BasicAuthentication(String user, Path passwordFile) implements Authentication {
    }

    /**
     * A bearer token ({@code authorization: {credentials_file: ...}} in {@code prometheus.yml}).
     *
     * @param tokenFile the file whose content, without surrounding whitespace, is the token
     */
    public record BearerAuthentication(Path tokenFile) implements Authentication {
    }

    /**
     * @param keystore     a PKCS12 keystore holding the endpoint's private key and certificate chain
     * @param passwordFile the file whose content, without surrounding whitespace, is the keystore's
     *                     password (also the key's)
     */
    public record Tls(Path keystore, Path passwordFile) {
    }
}
