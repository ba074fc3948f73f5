package io.genscope.agent.config;

import io.genscope.agent.config.ConfigProblem.Severity;
import io.genscope.agent.config.MetricsSettings.Authentication;
import io.genscope.agent.config.MetricsSettings.BasicAuthentication;
import io.genscope.agent.config.MetricsSettings.BearerAuthentication;
import io.genscope.agent.config.MetricsSettings.NoAuthentication;
import io.genscope.agent.config.MetricsSettings.Tls;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads and checks the {@code metrics} section into {@link MetricsSettings}. Only the form of each
 * value is checked here; the files are read, and the address bound, when the endpoint starts.
 * A protection that was asked for but cannot be set up (basic authentication without a password
 * file, a keystore without its password file) turns the endpoint off rather than serve it open.
 */
final class MetricsSettingsReader {

    static final String ENDPOINT_OFF = "metrics endpoint off";
    private static final String PATH_FORM = "a file path (relative paths are read from the config file's folder)";
    private static final List<String> AUTH_TYPES = List.of("none", "basic", "bearer");

    private MetricsSettingsReader() {
    }

    static MetricsSettings read(SettingsSection metrics) {
        metrics.checkKeys();
        SettingsSection auth = metrics.section("auth");
        auth.checkKeys();
        SettingsSection tls = metrics.section("tls");
        tls.checkKeys();
        int port = metrics.value("port", port());
        String host = metrics.value("host", Values.text("a host name or IP address such as 127.0.0.1 or 0.0.0.0", 253));
        Optional<Authentication> authentication = authentication(auth);
        Optional<Optional<Tls>> keystore = tls(tls);
        if (authentication.isEmpty() || keystore.isEmpty()) {
            port = MetricsSettings.OFF;
        }
        return new MetricsSettings(port, host, authentication.orElse(new NoAuthentication()), keystore.orElse(Optional.empty()));
    }

    /** {@code off}, or a port number; 0 asks the system for any free port. */
    static ValueReader<Integer> port() {
        ValueReader<Integer> number = Values.wholeNumber(0, 65_535);
        return new ValueReader<>() {
            @Override
            public Integer read(YamlNode node) throws InvalidValueException {
                if (node instanceof YamlNode.Scalar scalar
                        && (scalar.kind() == YamlNode.Scalar.Kind.FALSE || scalar.text().equalsIgnoreCase("off"))) {
                    return MetricsSettings.OFF;
                }
                try {
                    return number.read(node);
                } catch (InvalidValueException e) {
                    throw new InvalidValueException(e.getMessage() + ", or off");
                }
            }
        };
    }

    /** @return empty when the authentication asked for is incomplete */
    private static Optional<Authentication> authentication(SettingsSection auth) {
        String type = auth.value("type", Values.oneOf("an auth type", AUTH_TYPES));
        String user = auth.value("user", optionalText("a user name", 200));
        Optional<Path> passwordFile = auth.value("password-file", path(auth));
        Optional<Path> tokenFile = auth.value("token-file", path(auth));
        switch (type.toLowerCase(Locale.ROOT)) {
            case "basic" -> {
                unused(auth, "token-file", "auth.type basic");
                if (user.isEmpty() || user.contains(":")) {
                    missing(auth, "user", user.isEmpty() ? "auth.type basic needs a user name"
                            : "a basic-authentication user name cannot hold ':'");
                }
                if (passwordFile.isEmpty()) {
                    missing(auth, "password-file", "auth.type basic needs the file that holds the password");
                }
                return user.isEmpty() || user.contains(":") || passwordFile.isEmpty() ? Optional.empty()
                        : Optional.of(new BasicAuthentication(user, passwordFile.get()));
            }
            case "bearer" -> {
                unused(auth, "user", "auth.type bearer");
                unused(auth, "password-file", "auth.type bearer");
                if (tokenFile.isEmpty()) {
                    missing(auth, "token-file", "auth.type bearer needs the file that holds the token");
                    return Optional.empty();
                }
                return Optional.of(new BearerAuthentication(tokenFile.get()));
            }
            default -> {
                for (String key : List.of("user", "password-file", "token-file")) {
                    unused(auth, key, "auth.type none");
                }
                return Optional.of(new NoAuthentication());
            }
        }
    }

    /** @return the TLS settings, empty inside when TLS is off; empty when the keystore's password file is missing */
    private static Optional<Optional<Tls>> tls(SettingsSection tls) {
        Optional<Path> keystore = tls.value("keystore", path(tls));
        Optional<Path> passwordFile = tls.value("password-file", path(tls));
        if (keystore.isEmpty()) {
            unused(tls, "password-file", "no tls.keystore");
            return Optional.of(Optional.empty());
        }
        if (passwordFile.isEmpty()) {
            missing(tls, "password-file", "tls.keystore needs the file that holds the keystore's password");
            return Optional.empty();
        }
        return Optional.of(Optional.of(new Tls(keystore.get(), passwordFile.get())));
    }

    private static void missing(SettingsSection section, String key, String what) {
        YamlNode node = section.given(key);
        section.problems().add(Severity.SETTING, node == null ? section.line() : node.line(), section.field(key),
                what, ENDPOINT_OFF);
    }

    private static void unused(SettingsSection section, String key, String setting) {
        YamlNode node = section.given(key);
        if (node != null) {
            section.problems().add(Severity.SETTING, node.line(), section.field(key), "not used with " + setting, "ignored");
        }
    }

    /** A path, or empty for {@code ""}; a relative path is taken from the config file's folder. */
    static ValueReader<Optional<Path>> path(SettingsSection section) {
        ValueReader<String> text = optionalText(PATH_FORM, 4096);
        Path folder = Path.of(section.problems().file()).toAbsolutePath().getParent();
        return new ValueReader<>() {
            @Override
            public Optional<Path> read(YamlNode node) throws InvalidValueException {
                String given = text.read(node);
                if (given.isEmpty()) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(folder == null ? Path.of(given) : folder.resolve(given));
                } catch (InvalidPathException e) {
                    throw new InvalidValueException(node.display() + " is not " + PATH_FORM + ": " + e.getReason());
                }
            }
        };
    }

    /** Text that may be {@code ""}, as for a setting that is not used; surrounding whitespace is dropped. */
    private static ValueReader<String> optionalText(String form, int maxLength) {
        ValueReader<String> text = Values.text(form, maxLength);
        return new ValueReader<>() {
            @Override
            public String read(YamlNode node) throws InvalidValueException {
                return node instanceof YamlNode.Scalar scalar && scalar.text().isBlank() ? "" : text.read(node).strip();
            }
        };
    }
}
