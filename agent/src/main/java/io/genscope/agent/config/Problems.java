package io.genscope.agent.config;

import io.genscope.agent.config.ConfigProblem.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the problems found in one config file. Not thread-safe: one load, one thread. */
final class Problems {

    /** The consequence of every {@link Severity#FATAL} problem. */
    static final String AGENT_OFF = "Genscope disabled";

    private static final Comparator<ConfigProblem> BY_LINE = new Comparator<>() {
        @Override
        public int compare(ConfigProblem first, ConfigProblem second) {
            return Integer.compare(first.line(), second.line());
        }
    };

    private final String file;
    private final List<ConfigProblem> found = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    /** A problem whose message ends with its consequence in parentheses. */
    static ConfigProblem problem(String file, Severity severity, int line, String field, String what, String consequence) {
        return new ConfigProblem(file, line, field, what + " (" + consequence + ")", severity);
    }

    String file() {
        return file;
    }

    void add(Severity severity, int line, String field, String what, String consequence) {
        found.add(problem(file, severity, line, field, what, consequence));
    }

    /** A complaint that records a problem of this severity and consequence. */
    Complaint complaint(Severity severity, String consequence) {
        return new Complaint() {
            @Override
            public void at(int line, String field, String what) {
                add(severity, line, field, what, consequence);
            }
        };
    }

    /** Whether a problem so far makes the file unusable. */
    boolean hasFatal() {
        for (ConfigProblem problem : found) {
            if (problem.isFatal()) {
                return true;
            }
        }
        return false;
    }

    /** The problems by line, so they read top to bottom like the file. */
    List<ConfigProblem> inFileOrder() {
        List<ConfigProblem> sorted = new ArrayList<>(found);
        sorted.sort(BY_LINE);
        return sorted;
    }
}
