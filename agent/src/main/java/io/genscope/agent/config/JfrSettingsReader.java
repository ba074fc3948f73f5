package io.genscope.agent.config;

/** Reads and checks the {@code jfr} section into {@link JfrSettings}. */
final class JfrSettingsReader {

    private JfrSettingsReader() {
    }

    static JfrSettings read(SettingsSection jfr) {
        jfr.checkKeys();
        return new JfrSettings(jfr.value("events", Values.bool()));
    }
}
