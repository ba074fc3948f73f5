package io.genscope.runtime.jmx;

import io.genscope.runtime.diagnostics.ErrorJournal;
import io.genscope.runtime.diagnostics.RuleDiagnostics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@link DiagnosticsMXBean}, read live from the rules' diagnostics and the error journal. */
final class DiagnosticsView implements DiagnosticsMXBean {

    private final String version;
    private final String configFile;
    private final List<RuleDiagnostics> rules;
    private final ErrorJournal journal;

    DiagnosticsView(String version, String configFile, List<RuleDiagnostics> rules, ErrorJournal journal) {
        this.version = version;
        this.configFile = configFile;
        this.rules = rules;
        this.journal = journal;
    }

    @Override
    public String getVersion() {
        return version;
    }

    @Override
    public String getConfigFile() {
        return configFile;
    }

    @Override
    public Map<String, RuleStatus> getRules() {
        Map<String, RuleStatus> statuses = new LinkedHashMap<>();
        for (RuleDiagnostics rule : rules) {
            List<String> matched = rule.matchedMethods();
            statuses.put(rule.rule().name(), new RuleStatus(rule.rule().role().configName(), matched,
                    matched.isEmpty(), rule.calls(), rule.captureFailures(), rule.lastCaptureFailure(),
                    rule.internalErrors()));
        }
        return statuses;
    }

    @Override
    public List<String> getRulesMatchingNothing() {
        return rules.stream().filter(rule -> rule.matchedMethods().isEmpty()).map(rule -> rule.rule().name()).toList();
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
