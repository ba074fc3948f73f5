package bench.workload;

/** The plain timed method: a rule that only measures how long it takes. */
public final class PlainWork {

    public long step(long value) {
        return value * 31 + 17;
    }
}
