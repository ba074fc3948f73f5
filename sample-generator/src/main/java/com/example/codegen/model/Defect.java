package com.example.codegen.model;

import java.util.Random;

/**
 * The mistakes a simulated model makes, each one that javac reports with its own diagnostic:
 * a member added at the end of the class that does not compile, or an import of a library the
 * class path does not have (a model's habit of reaching for Guava or Commons).
 */
public enum Defect {

    MISSING_SEMICOLON(false, """
                private static final int SCHEMA_VERSION = 2
            """),
    UNDEFINED_SYMBOL(false, """
                String describe() {
                    return formatter.format(this);
                }
            """),
    TYPE_MISMATCH(false, """
                int capacityHint() {
                    return "unbounded";
                }
            """),
    MISSING_RETURN(false, """
                boolean isHealthy(int failures) {
                    if (failures == 0) {
                        return true;
                    }
                }
            """),
    GUAVA_IMPORT(true, """
            import com.google.common.collect.ImmutableList;
            """),
    COMMONS_LANG_IMPORT(true, """
            import org.apache.commons.lang3.StringUtils;
            """);

    private final boolean atFileStart;
    private final String snippet;

    /** @param atFileStart whether the snippet goes first in the file, else before the class's closing brace */
    Defect(boolean atFileStart, String snippet) {
        this.atFileStart = atFileStart;
        this.snippet = snippet;
    }

    /** One defect, each equally likely. */
    public static Defect pick(Random random) {
        Defect[] all = values();
        return all[random.nextInt(all.length)];
    }

    /** The source with this defect in it; the source must end with its top-level class's closing brace. */
    public String injectInto(String source) {
        if (atFileStart) {
            return snippet + source;
        }
        int classEnd = source.lastIndexOf('}');
        return source.substring(0, classEnd) + "\n" + snippet + source.substring(classEnd);
    }
}
