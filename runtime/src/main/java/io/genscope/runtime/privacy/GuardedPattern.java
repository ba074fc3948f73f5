package io.genscope.runtime.privacy;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A regular expression behind a cheap test that is false only for texts it cannot match (a
 * character or a run it needs is missing), so most texts never start a matcher.
 *
 * @param mayMatch cheap: a scan for a character or a run, never a regular expression
 */
record GuardedPattern(Pattern pattern, Predicate<String> mayMatch) {

    GuardedPattern(String regex, Predicate<String> mayMatch) {
        this(Pattern.compile(regex), mayMatch);
    }

    /** A pattern tried on every text: a user's, whose needs are unknown. */
    static GuardedPattern always(Pattern pattern) {
        return new GuardedPattern(pattern, text -> true);
    }
}
