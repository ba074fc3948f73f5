package com.example.hostile;

import java.util.List;

/** A validator that reports the errors it is handed, in a list the caller may still be changing. */
public final class ValuesChecker {

    /** The errors of one check: {@code errors} itself, not a copy. */
    public List<String> check(List<String> errors) {
        return errors;
    }
}
