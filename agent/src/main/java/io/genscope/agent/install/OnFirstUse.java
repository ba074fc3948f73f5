package io.genscope.agent.install;

import java.util.function.Supplier;

/**
 * A value made when it is first asked for, once, whichever thread asks first: how the weaving
 * puts off Byte Buddy until a class that a rule can select arrives. Loading and running Byte
 * Buddy's machinery cold costs a JVM tens of milliseconds of start-up, which a config whose
 * classes never load (or load late, in a plugin) should not pay at start.
 *
 * <p>Thread-safe: a thread that asks while another is making the value waits for it, as for a
 * class's static initialiser; the value is made once and then read without a lock.
 *
 * @param <T> the value, never {@code null}
 */
final class OnFirstUse<T> {

    private final Supplier<T> maker;
    private volatile T value;

    OnFirstUse(Supplier<T> maker) {
        this.maker = maker;
    }

    T get() {
        T made = value;
        if (made == null) {
            synchronized (this) {
                made = value;
                if (made == null) {
                    made = maker.get();
                    value = made;
                }
            }
        }
        return made;
    }
}
