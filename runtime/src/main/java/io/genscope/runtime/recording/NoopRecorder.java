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

    @Override
    public long enterWithSlots(int rule, Object self, Object slot0, Object slot1, Object slot2) {
        return 0;
    }

    @Override
    public void exitWithSlots(int rule, long token, Object self, Object slot0, Object slot1, Object slot2,
                              Object returned, Throwable thrown) {
        // nothing is recorded
    }
}
