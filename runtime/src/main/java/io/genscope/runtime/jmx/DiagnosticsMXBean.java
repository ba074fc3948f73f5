package io.genscope.runtime.jmx;

import java.util.List;
import java.util.Map;

/** {@code io.genscope:type=Diagnostics}: whether Genscope itself is healthy and matching anything. */
@Description("Genscope self-diagnostics: what each rule matched, capture failures, the agent's own errors")
public interface DiagnosticsMXBean {

    @Description("Genscope version")
    String getVersion();

    @Description("The config file in use")
    String getConfigFile();

    @Description("Version of the config in use: 1 at start, one more per reload applied")
    long getConfigVersion();

    @Description("The first 12 hex digits of the SHA-256 of the config file in use, as it was loaded")
    String getConfigHash();

    @Description("When the config in use was loaded, as an ISO-8601 instant (UTC)")
    String getConfigLoadedAt();

    @Description("Rule name -> what it matched, calls, capture failures")
    Map<String, RuleStatus> getRules();

    @Description("Rules that have matched no method so far: check class and method names, or the class is not"
            + " loaded yet")
    List<String> getRulesMatchingNothing();

    @Description("Errors the agent reported (config, instrumentation, internal), since start")
    long getAgentErrors();

    @Description("Warnings the agent reported (for example a capture that failed the first time), since start")
    long getAgentWarnings();

    @Description("The agent's latest errors and warnings, oldest first")
    List<String> getRecentProblems();
}
