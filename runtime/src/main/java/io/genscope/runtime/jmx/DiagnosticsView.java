package io.genscope.runtime.jmx;

import io.genscope.runtime.diagnostics.ErrorJournal;
import io.genscope.runtime.diagnostics.RuleDiagnostics;
import io.genscope.runtime.reload.ConfigVersion;
import io.genscope.runtime.reload.RuleSlots;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link DiagnosticsMXBean}, read live from the diagnostics of the rules in use (not those a
 * reload removed), the config's version and the error journal.
 */
final class DiagnosticsView implements DiagnosticsMXBean {

    private final String version;
    private final ConfigVersion config;
    private final RuleSlots rules;
    private final ErrorJournal journal;

    DiagnosticsView(String version, ConfigVersion config, RuleSlots rules, ErrorJournal journal) {
        this.version = version;
        this.config = config;
        this.rules = rules;
        this.journal = journal;
    }

    @Override
    public String getVersion() {
        return version;
    }

    @Override
    public String getConfigFile() {
        return config.current().file();
    }

    @Override
    public long getConfigVersion() {
        return config.current().version();
    }

    @Override
    public String getConfigHash() {
        return config.current().hash();
    }

    @Override
    public String getConfigLoadedAt() {
        return config.current().loadedAt().toString();
    }

    @Override
    public Map<String, RuleStatus> getRules() {
        Map<String, RuleStatus> statuses = new LinkedHashMap<>();
        for (RuleDiagnostics rule : inUse()) {
            List<String> matched = rule.matchedMethods();
            statuses.put(rule.rule().name(), new RuleStatus(rule.rule().role().configName(), matched,
                    matched.isEmpty(), rule.calls(), rule.captureFailures(), rule.lastCaptureFailure(),
                    rule.internalErrors()));
        }
        return statuses;
    }

    @Override
    public List<String> getRulesMatchingNothing() {
        return inUse().stream().filter(rule -> rule.matchedMethods().isEmpty()).map(rule -> rule.rule().name()).toList();
    }

    private List<RuleDiagnostics> inUse() {
        List<RuleDiagnostics> inUse = new ArrayList<>();
        for (int slot = 0; slot < rules.size(); slot++) {
            if (rules.active(slot)) {
                inUse.add(rules.get(slot));
            }
        }
        return inUse;
    }

    @Override
    public long getAgentErrors() {
        return journal.errorCount();
    }

    @Override
    public long getAgentWarnings() {
        return journal.warningCount();
    }

    @Override
    public List<String> getRecentProblems() {
        return journal.recent();
    }
}
