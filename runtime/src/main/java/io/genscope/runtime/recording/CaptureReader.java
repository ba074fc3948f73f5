package io.genscope.runtime.recording;

import io.genscope.runtime.RuntimeLog;
import io.genscope.runtime.capture.CaptureException;
import io.genscope.runtime.capture.CapturedElements;
import io.genscope.runtime.capture.CapturedValues;
import io.genscope.runtime.capture.PropertyPath;
import io.genscope.runtime.diagnostics.ProblemThrottle;
import io.genscope.runtime.diagnostics.RuleDiagnostics;
import io.genscope.runtime.store.NameList;
import io.genscope.runtime.time.Clock;

import jdk.internal.vm.annotation.ForceInline;

import java.util.List;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * Reads a rule's captures for one call and converts them to metadata. A capture that fails
 * (a getter throws, a name does not resolve, a value has the wrong shape) yields "absent",
 * is counted against its rule, and is logged the first time (then at most one reminder a minute
 * per rule, see {@link ProblemThrottle}): it never affects the call. Values are read by known
 * type only ({@link CapturedValues}) and collections with a bound ({@link CapturedElements}).
 *
 * <p>Each read walks its path at its field's own call site ({@link CaptureField}), where the JIT
 * inlines the path's compiled walk. The reads of single values are {@link ForceInline} (honoured
 * for classes of the boot class path, where the agent puts the runtime): compiled on their own
 * first, as they are while the recorder warms up, they grew past the size the JIT inlines again,
 * and every capture stayed a call ("already compiled into a big method").
 *
 * <p>The call's receiver, arguments, result and exception come as parameters rather than in a
 * holder reused from call to call, which had to be filled and emptied around every read (each
 * reference store into a long-lived object runs a garbage-collector write barrier) and could
 * never keep an argument past its call by mistake.
 */
final class CaptureReader {

    private final RuntimeLog log;
    private final Clock clock;

    CaptureReader(RuntimeLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    @ForceInline
    Object value(RuleDiagnostics rule, CaptureField field, PropertyPath path,
                 Object self, Object[] args, Object returned, Throwable thrown) {
        try {
            return walk(field, path, self, args, returned, thrown);
        } catch (Throwable failure) {
            failed(rule, field.key(), path, failure);
            return null;
        }
    }

    /** Reads {@code path} at {@code field}'s own call site (see {@link CaptureField}). */
    @ForceInline
    private static Object walk(CaptureField field, PropertyPath path,
                               Object self, Object[] args, Object returned, Throwable thrown) throws Throwable {
        return field.site().walk(path.walker(), path.start(self, args, returned, thrown));
    }

    @ForceInline
    String name(RuleDiagnostics rule, CaptureField field, PropertyPath path,
                Object self, Object[] args, Object returned, Throwable thrown) {
        return converted(rule, field, path, value(rule, field, path, self, args, returned, thrown),
                CapturedValues::name, null);
    }

    @ForceInline
    int length(RuleDiagnostics rule, CaptureField field, PropertyPath path,
               Object self, Object[] args, Object returned, Throwable thrown) {
        try {
            return path.lengthOf(field.site().walk(path.lengthWalker(), path.start(self, args, returned, thrown)));
        } catch (Throwable failure) {
            failed(rule, field.key(), path, failure);
            return -1;
        }
    }

    /**
     * Reads the elements of a collection capture into {@code into}, at most its bound. A
     * collection that fails part-way (another thread changed it) counts as a failed capture and
     * keeps the elements read before the failure. The caller {@link CapturedElements#clear clears}
     * {@code into} once it has used them.
     */
    CapturedElements elements(RuleDiagnostics rule, CaptureField field, PropertyPath path, CapturedElements into,
                              Object self, Object[] args, Object returned, Throwable thrown) {
        readInto(rule, field, path, into, value(rule, field, path, self, args, returned, thrown));
        return into;
    }

    /** Reads {@code value}'s elements into {@code into}, telling whether the read was whole (a failure was counted when not). */
    private boolean readInto(RuleDiagnostics rule, CaptureField field, PropertyPath path, CapturedElements into,
                             Object value) {
        try {
            into.read(value);
            return true;
        } catch (Throwable failure) {
            failed(rule, field.key(), path, failure);
            return false;
        }
    }

    /**
     * Reads the names of a collection capture into {@code into}, with how many the host's
     * collection held. An element that is not a name (a nested collection, an object of the
     * host's) makes the whole capture fail: {@code into} is left empty. One call counts one
     * failure at most, also when the collection failed part-way and an element read before was
     * refused.
     *
     * @param elements the thread's buffer for the elements, left empty
     */
    void names(RuleDiagnostics rule, CaptureField field, PropertyPath path, CapturedElements elements, NameList into,
               Object self, Object[] args, Object returned, Throwable thrown) {
        into.clear();
        Object value = value(rule, field, path, self, args, returned, thrown);
        if (value instanceof List<?> list && value instanceof RandomAccess) {
            listNames(rule, field, path, list, elements.max(), into);
        } else {
            collectionNames(rule, field, path, value, elements, into);
        }
    }

    /**
     * The names of a list with random access (the usual case), read by index straight into
     * {@code into}, with the bound, total and failures of a read through the thread's buffer
     * ({@link CapturedElements#read}): without copying the host's elements there first and
     * clearing them after, which cost the validation rule's two dependencies about as much as
     * their counting. A list that fails part-way keeps the names read before the failure.
     */
    private void listNames(RuleDiagnostics rule, CaptureField field, PropertyPath path, List<?> list, int max,
                           NameList into) {
        int total = CapturedElements.UNKNOWN;
        try {
            int size = list.size();
            for (int i = 0, n = Math.min(size, max); i < n; i++) {
                String name = CapturedValues.name(list.get(i));
                if (name != null) {
                    into.append(name);
                }
            }
            total = size;
        } catch (CaptureException refused) {
            into.clear();
            failed(rule, field.key(), path, refused);
            return;
        } catch (Throwable failure) {
            failed(rule, field.key(), path, failure);
        }
        into.total(total == CapturedElements.UNKNOWN || total > max ? total : into.size());
    }

    /** The names of any other collection, array or single value, read through the thread's buffer {@code elements}. */
    private void collectionNames(RuleDiagnostics rule, CaptureField field, PropertyPath path, Object value,
                                 CapturedElements elements, NameList into) {
        boolean whole = readInto(rule, field, path, elements, value);
        try {
            for (int i = 0, n = elements.size(); i < n; i++) {
                String name = CapturedValues.name(elements.get(i));
                if (name != null) {
                    into.append(name);
                }
            }
            into.total(elements.cut() ? elements.total() : into.size());
        } catch (CaptureException refused) {
            into.clear();
            if (whole) {
                failed(rule, field.key(), path, refused);
            }
        } finally {
            elements.clear();
        }
    }

    @ForceInline
    Boolean flag(RuleDiagnostics rule, CaptureField field, PropertyPath path,
                 Object self, Object[] args, Object returned, Throwable thrown) {
        return converted(rule, field, path, value(rule, field, path, self, args, returned, thrown),
                CapturedValues::flag, null);
    }

    /**
     * A flag that must be there: a value that cannot be read, is {@code null} or is not a boolean
     * counts as one failed capture, and is {@code null}.
     */
    Boolean requiredFlag(RuleDiagnostics rule, CaptureField field, PropertyPath path,
                         Object self, Object[] args, Object returned, Throwable thrown) {
        try {
            return CapturedValues.requiredFlag(walk(field, path, self, args, returned, thrown));
        } catch (Throwable failure) {
            failed(rule, field.key(), path, failure);
            return null;
        }
    }

    /** Converts a value the path read; a conversion that fails counts as a failed capture. */
    @ForceInline
    private <T> T converted(RuleDiagnostics rule, CaptureField field, PropertyPath path, Object value,
                            Function<Object, T> conversion, T absent) {
        try {
            return conversion.apply(value);
        } catch (RuntimeException failure) {
            failed(rule, field.key(), path, failure);
            return absent;
        }
    }

    /**
     * The name of one element of a collection capture, or of {@code path} read from it; a
     * {@code null} path names the element itself.
     */
    String elementName(RuleDiagnostics rule, CaptureField field, PropertyPath path, Object element) {
        try {
            return CapturedValues.name(path == null ? element : field.site().walk(path.walker(), element));
        } catch (Throwable failure) {
            failed(rule, field.key(), path == null ? "it" : path, failure);
            return null;
        }
    }

    void failed(RuleDiagnostics rule, String field, Object path, Throwable failure) {
        String problem = HostFailures.describe(failure);
        long verdict = rule.captureFailed(field, problem, clock.monotonicNanos());
        if (verdict > 0) {
            log.warn(ProblemThrottle.reminder(rule.rule().name(), verdict, field));
        } else if (verdict == ProblemThrottle.FIRST) {
            log.warn("rule '" + rule.rule().name() + "' " + field + " (" + path + ") failed: " + problem
                    + "; the field is left empty. Fix the expression in the config; later failures of it are"
                    + " only counted (Diagnostics MBean), with a reminder at most once a minute.");
        }
    }
}
