package io.genscope.runtime.jmx;

import io.genscope.runtime.reload.ConfigVersion;
import io.genscope.runtime.reload.ReloadResult;
import io.genscope.runtime.reload.Reloader;

import java.util.function.Supplier;

/** The {@link ControlMXBean}: hands {@code reload} to the agent's {@link Reloader}. */
final class ControlView implements ControlMXBean {

    private final ConfigVersion config;
    private final Supplier<Reloader> reloader;

    ControlView(ConfigVersion config, Supplier<Reloader> reloader) {
        this.config = config;
        this.reloader = reloader;
    }

    @Override
    public String getConfigFile() {
        return config.current().file();
    }

    @Override
    public ReloadResult reload() {
        return reloader.get().reload();
    }
}
