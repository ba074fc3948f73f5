package com.example.codegen.validation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the packages a source depends on from its import lines. It reads text rather than a
 * syntax tree so that a source which does not parse, e.g. one missing a semicolon, still reports
 * what it imports.
 *
 * <p><b>Note:</b> a package is taken to be the leading name segments that start with a lower-case
 * letter, the Java naming convention: {@code java.util.Map.Entry}, {@code java.util.*} and
 * {@code import static java.util.Objects.requireNonNull} all give {@code java.util}. Code that
 * breaks the convention is misread, and an import line inside a block comment is counted.
 */
public final class ImportScanner {

    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:static\\s+)?([\\w.*]+)", Pattern.MULTILINE);

    private ImportScanner() {
    }

    /** The imported packages, distinct, in source order. */
    public static List<String> packagesOf(String source) {
        Set<String> packages = new LinkedHashSet<>();
        Matcher imports = IMPORT.matcher(source);
        while (imports.find()) {
            String name = packageOf(imports.group(1));
            if (!name.isEmpty()) {
                packages.add(name);
            }
        }
        return List.copyOf(packages);
    }

    private static String packageOf(String importedName) {
        List<String> segments = new ArrayList<>();
        for (String segment : importedName.split("\\.")) {
            if (segment.isEmpty() || !Character.isLowerCase(segment.charAt(0))) {
                break;
            }
            segments.add(segment);
        }
        return String.join(".", segments);
    }
}
