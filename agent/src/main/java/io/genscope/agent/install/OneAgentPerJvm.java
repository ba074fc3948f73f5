package io.genscope.agent.install;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Makes sure one Genscope runs per JVM. Two {@code -javaagent} flags, or an attach to a JVM that
 * already runs Genscope, would otherwise weave every method twice and count every call twice.
 *
 * <p>The claim is a static field of this class, and this class is a boot class: {@code
 * GenscopeAgent} puts its jar on the bootstrap class path before it names any other Genscope
 * class, so every later Genscope class resolves through the boot loader, where the first jar
 * appended wins. A second agent, whether the same jar named twice, a copy at another path (even
 * of another version) or an attach, therefore runs this very class and sees the first one's
 * claim: the JVM loads its {@code Premain-Class} or {@code Agent-Class} through the system class
 * loader, which already holds {@code GenscopeAgent} from the first jar, and that class hands off
 * to the same boot classes. A system property would be weaker: the host, or a
 * {@code -Dgenscope...} on the command line, can set or clear it.
 *
 * <p>A Genscope that declines to run (no usable config, {@code enabled: false}, a refusal under
 * strict when attached) gives its claim back, so that a later attach with a good config starts.
 * A Genscope that fails half way through installing keeps it: what it installed may count.
 *
 * <p><b>Note:</b> a Genscope jar older than this class does not claim, so a second, newer agent
 * cannot see it; this only holds among versions that have this class.
 *
 * <p>Thread-safe: {@code premain}s run one after the other, but an attach can come at any time.
 */
final class OneAgentPerJvm {

    private static final AtomicBoolean CLAIMED = new AtomicBoolean();

    private OneAgentPerJvm() {
    }

    /** Claims the JVM for this agent; {@code false} when another Genscope holds it. */
    static boolean claim() {
        return CLAIMED.compareAndSet(false, true);
    }

    /** Gives the claim back: this agent declined to run and installed nothing. */
    static void release() {
        CLAIMED.set(false);
    }
}
