package io.genscope.runtime.recording;

import io.genscope.runtime.capture.CaptureException;

/**
 * Says what went wrong in a read of host objects without repeating the host's words: a getter's
 * exception message may quote the prompt or the generated code, and whatever Genscope logs goes
 * to stderr and to the Diagnostics MBean, which any JMX reader sees. So a failure is named by its
 * class only, never by its message (nor by anything else the host's {@code Throwable} subclass
 * could override); only Genscope's own {@link CaptureException}, whose message names a capture
 * step and a class, keeps its message.
 */
final class HostFailures {

    private HostFailures() {
    }

    /** For example {@code java.lang.IllegalStateException}. */
    static String describe(Throwable failure) {
        if (failure instanceof CaptureException ours) {
            return ours.getClass().getSimpleName() + ": " + ours.getMessage();
        }
        return failure.getClass().getName();
    }
}
