package io.genscope.agent.metrics;

import io.genscope.agent.config.MetricsSettings;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;

/** The TLS context the endpoint serves HTTPS with, from the PKCS12 keystore of {@code metrics.tls}. */
final class TlsContext {

    private TlsContext() {
    }

    static SSLContext of(MetricsSettings.Tls tls) throws EndpointStartException {
        char[] password = SecretFile.text(tls.passwordFile(), "metrics.tls.password-file").toCharArray();
        byte[] keystoreBytes = SecretFile.bytes(tls.keystore(), "metrics.tls.keystore");
        try {
            KeyStore keystore = KeyStore.getInstance("PKCS12");
            keystore.load(new ByteArrayInputStream(keystoreBytes), password);
            boolean hasKey = false;
            for (String alias : Collections.list(keystore.aliases())) {
                hasKey |= keystore.isKeyEntry(alias);
            }
            if (!hasKey) {
                throw new EndpointStartException("metrics.tls.keystore " + tls.keystore()
                        + " holds no private key; make it with keytool -genkeypair");
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keystore, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new EndpointStartException("metrics.tls.keystore " + tls.keystore()
                    + " cannot be used as a PKCS12 keystore with the password of metrics.tls.password-file ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }
}
