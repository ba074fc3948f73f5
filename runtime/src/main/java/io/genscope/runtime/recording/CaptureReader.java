package io.genscope.runtime.recording;

import io.genscope.runtime.RuntimeLog;
import io.genscope.runtime.capture.CapturedValues;
import io.genscope.runtime.capture.PropertyPath;
import io.genscope.runtime.diagnostics.RuleDiagnostics;

import java.util.List;
import java.util.function.Function;

/**
 * Reads a rule's captures for one call and converts them to metadata. A capture that fails
 * (a getter throws, a name does not resolve, a value has the wrong shape) yields "absent",
 * is counted against its rule, and is logged the first time: it never affects the call.
 *
 * <p>The call's receiver, arguments, result and exception come as parameters rather than in a
 * holder reused from call to call, which had to be filled and emptied around every read (each
 * reference store into a long-lived object runs a garbage-collector write barrier) and could
 * never keep an argument past its call by mistake.
 */
final class CaptureReader {

    private final RuntimeLog log;

    CaptureReader(RuntimeLog log) {
        this.log = log;
    }

    Object value(RuleDiagnostics rule, String field, PropertyPath path,
                 Object self, Object[] args, Object returned, Throwable thrown) {
        try {
            return path.read(self, args, returned, thrown);
        } catch (Throwable failure) {
            failed(rule, field, path, failure);
            return null;
        }
    }

    String name(RuleDiagnostics rule, String field, PropertyPath path,
                Object self, Object[] args, Object returned, Throwable thrown) {
        return converted(rule, field, path, value(rule, field, path, self, args, returned, thrown),
                CapturedValues::name, null);
    }

    int length(RuleDiagnostics rule, String field, PropertyPath path,
               Object self, Object[] args, Object returned, Throwable thrown) {
        try {
            return path.readLength(self, args, returned, thrown);
        } catch (Throwable failure) {
            failed(rule, field, path, failure);
            return -1;
        }
    }

    List<String> names(RuleDiagnostics rule, String field, PropertyPath path,
                       Object self, Object[] args, Object returned, Throwable thrown) {
        return converted(rule, field, path, value(rule, field, path, self, args, returned, thrown),
                CapturedValues::names, List.of());
    }

    Boolean flag(RuleDiagnostics rule, String field, PropertyPath path,
                 Object self, Object[] args, Object returned, Throwable thrown) {
        return converted(rule, field, path, value(rule, field, path, self, args, returned, thrown),
                CapturedValues::flag, null);
    }

    /** Converts a value the path read; a conversion that fails counts as a failed capture. */
    private <T> T converted(RuleDiagnostics rule, String field, PropertyPath path, Object value,
                            Function<Object, T> conversion, T absent) {
        try {
            return conversion.apply(value);
        } catch (RuntimeException failure) {
            failed(rule, field, path, failure);
            return absent;
        }
    }

    /**
     * The name of one element of a collection capture, or of {@code path} read from it; a
     * {@code null} path names the element itself.
     */
    String elementName(RuleDiagnostics rule, String field, PropertyPath path, Object element) {
        try {
            return CapturedValues.name(path == null ? element : path.readFrom(element));
        } catch (Throwable failure) {
            failed(rule, field, path == null ? "it" : path, failure);
            return null;
        }
    }

    void failed(RuleDiagnostics rule, String field, Object path, Throwable failure) {
        String problem = HostFailures.describe(failure);
        if (rule.captureFailed(field, problem)) {
            log.warn("rule '" + rule.rule().name() + "' " + field + " (" + path + ") failed: " + problem
                    + "; the field is left empty. Fix the expression in the config; later failures of it are"
                    + " only counted (Diagnostics MBean).");
        }
    }
}
