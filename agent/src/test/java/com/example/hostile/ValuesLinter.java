package com.example.hostile;

import java.util.ArrayList;
import java.util.List;

/**
 * A linter-style validator, as a JavaScript or Python linter reports: one finding per problem, a
 * short rule code and a message quoting the code it found, and hundreds of findings per file.
 * Outside {@code io.genscope}, which the agent never instruments.
 */
public final class ValuesLinter {

    /** One problem the linter found. */
    public record Finding(String code, String message) {
    }

    /** What one run of the linter returns. */
    public record Report(List<Finding> findings) {
    }

    private static final String[] CODES = {
        "no-unused-vars", "no-undef", "eqeqeq", "semi", "quotes", "indent", "no-console", "prefer-const",
        "no-var", "curly", "no-shadow", "camelcase", "max-len", "no-empty", "no-redeclare", "comma-dangle",
    };

    /** The code of finding {@code index}, the same in every report. */
    public static String codeOf(int index) {
        return CODES[index % CODES.length];
    }

    /** Lints {@code file}, finding {@code count} problems in it. */
    public Report lint(String file, int count) {
        List<Finding> findings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            findings.add(new Finding(codeOf(i), "'value" + i + "' in " + file + " is assigned a value but never used"));
        }
        return new Report(findings);
    }
}
