package io.genscope.runtime.jmx;

import io.genscope.runtime.reload.ReloadResult;

/**
 * {@code io.genscope:type=Control}: what changes how Genscope runs. A JMX access file's
 * {@code readonly} role cannot invoke it; {@code readwrite} can.
 */
@Description("Genscope control: reload the config file in use without restarting the JVM")
public interface ControlMXBean {

    @Description("The config file reload re-reads: the one in use")
    String getConfigFile();

    @Action
    @Description("Re-reads the config file in use and applies it: unchanged rules go on counting, removed rules"
            + " stop (their classes get their own bytecode back), new rules start, changed rules are re-woven and keep"
            + " their figures; settings that need a restart are listed and kept. A config with any problem is"
            + " refused and changes nothing. Returns what was done")
    ReloadResult reload();
}
