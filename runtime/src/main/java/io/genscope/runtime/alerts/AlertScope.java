package io.genscope.runtime.alerts;

/**
 * Which figures an alert watches: each generator's (generation rule's) on its own, everything
 * together, or both. Each generator and the whole are a state of their own, so an alert has at
 * most one state per generation rule plus one.
 */
public enum AlertScope {

    /** One state per generation rule, over the generations it started and what they did. */
    GENERATOR("generator"),
    /** One state over every generation, and every validation (those outside any generation too). */
    OVERALL("overall"),
    /** Both of the above. */
    BOTH("both");

    private final String configName;

    AlertScope(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    boolean perGenerator() {
        return this != OVERALL;
    }

    boolean overall() {
        return this != GENERATOR;
    }
}
