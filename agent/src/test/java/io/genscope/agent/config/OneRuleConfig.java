package io.genscope.agent.config;

/**
 * A config text with one generation rule after the section under test, so that the loader reads
 * it as a working config: the tests of one section each give only that section.
 */
final class OneRuleConfig {

    static final String RULE = "rules: [{role: generation, class: com.acme.Gen, method: generate}]\n";

    private OneRuleConfig() {
    }

    /** Loads {@code sections} (YAML ending in a newline) followed by the rule, as {@code file}. */
    static LoadedConfig load(String file, String sections) {
        return ConfigLoader.parse(file, sections + RULE);
    }
}
