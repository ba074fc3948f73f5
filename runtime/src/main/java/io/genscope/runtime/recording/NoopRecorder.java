package io.genscope.runtime.recording;

/** The recorder before start-up and after {@code enabled: false}: does nothing, costs a call. */
public enum NoopRecorder implements Recorder {
    INSTANCE;

    @Override
    public long enter(int rule, Object self, Object[] args) {
        return 0;
    }

    @Override
    public void exit(int rule, long token, Object self, Object[] args, Object returned, Throwable thrown) {
        // nothing is recorded
    }
}
