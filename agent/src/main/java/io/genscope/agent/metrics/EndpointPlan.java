package io.genscope.agent.metrics;

import io.genscope.agent.config.MetricsSettings;
import io.genscope.runtime.RuntimeLog;
import io.genscope.runtime.metrics.MetricsSource;

import javax.net.ssl.SSLContext;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Everything the HTTP server needs, made ready where the JDK's HTTP server classes are not needed
 * (and, on the bootstrap class path, not visible): the address, the TLS context, the guard and
 * the scrape answers. Making it reads the secret files and the keystore.
 *
 * @param tls empty for plain HTTP
 */
public record EndpointPlan(InetSocketAddress address, Optional<SSLContext> tls, ScrapeGuard guard, Scrapes scrapes) {

    static EndpointPlan of(MetricsSettings settings, MetricsSource source, RuntimeLog log) throws EndpointStartException {
        InetSocketAddress address;
        try {
            address = new InetSocketAddress(InetAddress.getByName(settings.host()), settings.port());
        } catch (UnknownHostException e) {
            throw new EndpointStartException("metrics.host '" + settings.host() + "' is not a known host name or IP address");
        }
        Optional<SSLContext> tls = settings.tls().isEmpty() ? Optional.empty() : Optional.of(TlsContext.of(settings.tls().get()));
        return new EndpointPlan(address, tls, guard(settings.authentication()), new Scrapes(source, log));
    }

    private static ScrapeGuard guard(MetricsSettings.Authentication authentication) throws EndpointStartException {
        if (authentication instanceof MetricsSettings.BasicAuthentication basic) {
            return ScrapeGuard.basic(basic.user(), SecretFile.text(basic.passwordFile(), "metrics.auth.password-file"));
        }
        if (authentication instanceof MetricsSettings.BearerAuthentication bearer) {
            return ScrapeGuard.bearer(SecretFile.text(bearer.tokenFile(), "metrics.auth.token-file"));
        }
        return ScrapeGuard.open();
    }

    /** The URL a scraper uses, for the INFO line at start. */
    String url(InetSocketAddress bound) {
        String host = bound.getAddress().getHostAddress();
        return (tls.isPresent() ? "https" : "http") + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
                + bound.getPort() + "/metrics";
    }
}
