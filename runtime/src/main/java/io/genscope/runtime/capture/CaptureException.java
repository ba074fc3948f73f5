package io.genscope.runtime.capture;

/** A path step that cannot be read on the value it met; the message says which and why. */
public final class CaptureException extends RuntimeException {

    CaptureException(String message) {
        super(message, null, false, false);
    }
}
