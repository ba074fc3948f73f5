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
 */
final class CaptureReader {

    private final RuntimeLog log;

    CaptureReader(RuntimeLog log) {
        this.log = log;
    }

    /**
     * The call's state as the paths see it. Mutable so each thread can reuse one (see
     * {@link ThreadScope#call}); owned by one thread at a time.
     */
    static final class Call {

        private Object self;
        private Object[] args;
        private Object returned;
        private Throwable thrown;

        Call(Object self, Object[] args, Object returned, Throwable thrown) {
            set(self, args, returned, thrown);
        }

        Call set(Object self, Object[] args, Object returned, Throwable thrown) {
            this.self = self;
            this.args = args;
            this.returned = returned;
            this.thrown = thrown;
            return this;
        }

        Object self() {
            return self;
        }

        Object[] args() {
            return args;
        }

        Object returned() {
            return returned;
        }

        Throwable thrown() {
            return thrown;
        }
    }

    Object value(RuleDiagnostics rule, String field, PropertyPath path, Call call) {
        try {
            return path.read(call.self(), call.args(), call.returned(), call.thrown());
        } catch (Throwable failure) {
            failed(rule, field, path, failure);
            return null;
        }
    }

    String name(RuleDiagnostics rule, String field, PropertyPath path, Call call) {
        return converted(rule, field, path, call, CapturedValues::name, null);
    }

    int length(RuleDiagnostics rule, String field, PropertyPath path, Call call) {
        try {
            return path.readLength(call.self(), call.args(), call.returned(), call.thrown());
        } catch (Throwable failure) {
            failed(rule, field, path, failure);
            return -1;
        }
    }

    List<String> names(RuleDiagnostics rule, String field, PropertyPath path, Call call) {
        return converted(rule, field, path, call, CapturedValues::names, List.of());
    }

    Boolean flag(RuleDiagnostics rule, String field, PropertyPath path, Call call) {
        return converted(rule, field, path, call, CapturedValues::flag, null);
    }

    /** Reads the path and converts the value; a conversion that fails counts as a failed capture. */
    private <T> T converted(RuleDiagnostics rule, String field, PropertyPath path, Call call,
                            Function<Object, T> conversion, T absent) {
        Object value = value(rule, field, path, call);
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

    /** The message of a throwable from the host, which may itself throw. */
    private static String messageOf(Throwable failure) {
        try {
            String message = failure.getMessage();
            return message == null ? "" : ": " + message;
        } catch (RuntimeException | Error broken) {
            return "";
        }
    }

    void failed(RuleDiagnostics rule, String field, Object path, Throwable failure) {
        String problem = failure.getClass().getSimpleName() + messageOf(failure);
        if (rule.captureFailed(field, problem)) {
            log.warn("rule '" + rule.rule().name() + "' " + field + " (" + path + ") failed: " + problem
                    + "; the field is left empty. Fix the expression in the config; later failures of it are"
                    + " only counted (Diagnostics MBean).");
        }
    }
}
