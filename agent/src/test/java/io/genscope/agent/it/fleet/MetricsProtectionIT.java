package io.genscope.agent.it.fleet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Scrape protection for an endpoint beyond loopback, on two sample JVMs: basic authentication
 * over plain HTTP, and a bearer token over TLS with a keystore made by {@code keytool} here. A
 * scrape without the credentials, or with wrong ones, gets 401 and the challenge; with the right
 * ones, the metrics. The secrets are only in files, read by the agent when the endpoint starts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsProtectionIT {

    private static final String USER = "prometheus";

    private final String password = UUID.randomUUID() + "\"'\\:";
    private final String token = UUID.randomUUID().toString();
    private EndpointSample basic;
    private EndpointSample bearer;
    private SSLContext trustingTheKeystore;

    @BeforeAll
    void start(@TempDir Path directory) throws Exception {
        Path basicFolder = Files.createDirectory(directory.resolve("basic"));
        ownerOnly(basicFolder.resolve("metrics.password"), password + "\n");
        basic = EndpointSample.start(basicFolder, """
                metrics:
                  port: 0
                  auth:
                    type: basic
                    user: %s
                    password-file: metrics.password
                """.formatted(USER));

        Path bearerFolder = Files.createDirectory(directory.resolve("bearer"));
        ownerOnly(bearerFolder.resolve("metrics.token"), token + "\n");
        String keystorePassword = UUID.randomUUID().toString();
        ownerOnly(bearerFolder.resolve("metrics.p12.password"), keystorePassword);
        keytool(bearerFolder, "-genkeypair", "-alias", "metrics", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", "metrics.p12", "-storepass", keystorePassword);
        keytool(bearerFolder, "-exportcert", "-alias", "metrics", "-keystore", "metrics.p12",
                "-storepass", keystorePassword, "-rfc", "-file", "metrics.crt");
        trustingTheKeystore = trusting(bearerFolder.resolve("metrics.crt"));
        bearer = EndpointSample.start(bearerFolder, """
                metrics:
                  port: 0
                  auth:
                    type: bearer
                    token-file: metrics.token
                  tls:
                    keystore: metrics.p12
                    password-file: metrics.p12.password
                """);
    }

    @AfterAll
    void stop() throws Exception {
        for (EndpointSample sample : new EndpointSample[] {basic, bearer}) {
            if (sample != null) {
                sample.close();
            }
        }
    }

    @Test
    void basicAuthenticationRefusesAScrapeWithoutOrWithWrongCredentialsAndServesTheRightOnes() throws Exception {
        URI url = basic.url();
        assertThat(url.getScheme()).isEqualTo("http");
        Scraper scraper = new Scraper();
        assertRefused(scraper.get(url), "Basic realm=\"genscope\"");
        assertRefused(scraper.get(url, "Authorization", basic(USER + ":" + password + "x")), "Basic realm=\"genscope\"");
        assertRefused(scraper.get(url, "Authorization", basic("other:" + password)), "Basic realm=\"genscope\"");
        assertRefused(scraper.get(url, "Authorization", "Bearer " + password), "Basic realm=\"genscope\"");
        assertRefused(scraper.get(url.resolve("/elsewhere")), "Basic realm=\"genscope\"");
        HttpResponse<byte[]> admitted = scraper.get(url, "Authorization", basic(USER + ":" + password));
        assertThat(admitted.statusCode()).isEqualTo(200);
        assertThat(admitted.headers().firstValue("Content-Type")).hasValue(MetricsEndpointIT.TEXT_TYPE);
        assertThat(basic.jvm.stderr()).as("no secret in Genscope's output").noneMatch(line -> line.contains(password));
    }

    @Test
    void aBearerTokenOverTlsRefusesAScrapeWithoutOrWithWrongTokenAndServesTheRightOne() throws Exception {
        URI url = bearer.url();
        assertThat(url.getScheme()).isEqualTo("https");
        Scraper scraper = new Scraper(trustingTheKeystore);
        assertRefused(scraper.get(url), "Bearer realm=\"genscope\"");
        assertRefused(scraper.get(url, "Authorization", "Bearer " + token + "x"), "Bearer realm=\"genscope\"");
        assertRefused(scraper.get(url, "Authorization", basic(token)), "Bearer realm=\"genscope\"");
        HttpResponse<byte[]> admitted = scraper.get(url, "Authorization", "Bearer " + token,
                "Accept", MetricsEndpointIT.PROMETHEUS_ACCEPT);
        assertThat(admitted.statusCode()).isEqualTo(200);
        assertThat(new String(admitted.body(), StandardCharsets.UTF_8)).endsWith("# EOF\n");
        assertThat(bearer.jvm.stderr()).as("no secret in Genscope's output").noneMatch(line -> line.contains(token));
    }

    @Test
    void theTlsEndpointServesNoPlainHttpAndIsUntrustedWithoutItsCertificate() throws Exception {
        URI url = bearer.url();
        URI plain = URI.create(url.toString().replace("https:", "http:"));
        assertThatThrownBy(() -> new Scraper().get(plain, "Authorization", "Bearer " + token)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> new Scraper(SSLContext.getDefault()).get(url, "Authorization", "Bearer " + token))
                .isInstanceOf(SSLHandshakeException.class);
    }

    private static void assertRefused(HttpResponse<byte[]> response, String challenge) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue(challenge);
        assertThat(response.body()).isEmpty();
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    /** A TLS context that trusts the certificate in {@code certificate} only. */
    private static SSLContext trusting(Path certificate) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            trusted.setCertificateEntry("metrics", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static void keytool(Path directory, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
    }

    private static void ownerOnly(Path file, String content) throws IOException {
        Files.setPosixFilePermissions(Files.writeString(file, content), PosixFilePermissions.fromString("rw-------"));
    }
}
