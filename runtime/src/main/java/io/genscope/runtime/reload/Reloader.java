package io.genscope.runtime.reload;

/**
 * Reloads the config file in use: what the Control MBean's {@code reload} operation calls. The
 * agent provides it; the runtime cannot name agent classes.
 */
@FunctionalInterface
public interface Reloader {

    /** Re-reads the config file in use and applies it, or refuses it and changes nothing. */
    ReloadResult reload();
}
