package io.genscope.agent.it.hostile.hosts;

import com.example.hostile.StackRecursiveGenerator;

import java.util.concurrent.atomic.AtomicReference;

/**
 * A host whose generator ({@link StackRecursiveGenerator}) recurses on threads with a 1 MB stack.
 *
 * <p>Modes (first argument):
 * <ul>
 *   <li>{@code complete <n> <warm-up>}: after {@code <warm-up>} recursions 100 deep (the JIT
 *       compiles the method, as in a host that has been running for a while), {@code generate(n)}
 *       on a fresh 1 MB thread, printing what it returns or the class of what it throws;</li>
 *   <li>{@code probe <rounds> <warm-up>}: the deepest level the recursion reaches before a
 *       {@link StackOverflowError}, once per round, each on a fresh 1 MB thread after its own
 *       warm-up (the first overflow sends the JIT back to recompiling the method);</li>
 *   <li>{@code overflow}: on one thread, a recursion that overflows, then a short one: what each
 *       returns or throws.</li>
 * </ul>
 */
public final class StackRecursiveHost {

    /** The stack size of every thread the host recurses on. */
    public static final long STACK_BYTES = 1 << 20;
    private static final int UNBOUNDED = Integer.MAX_VALUE;

    private StackRecursiveHost() {
    }

    public static void main(String[] args) throws InterruptedException {
        StackRecursiveGenerator generator = new StackRecursiveGenerator();
        switch (args[0]) {
            case "complete" -> {
                warmUp(generator, Integer.parseInt(args[2]));
                System.out.println("depth(" + args[1] + ") " + onOwnStack(
                        () -> outcome(generator, Integer.parseInt(args[1]))));
            }
            case "probe" -> probe(generator, Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            case "overflow" -> System.out.println(onOwnStack(
                    () -> "deep " + outcome(generator, UNBOUNDED) + ", then " + outcome(generator, 5)));
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    private static void probe(StackRecursiveGenerator generator, int rounds, int warmUp) throws InterruptedException {
        for (int round = 0; round < rounds; round++) {
            warmUp(generator, warmUp);
            System.out.println("max depth " + onOwnStack(() -> {
                try {
                    generator.generate(UNBOUNDED);
                    return "unbounded";
                } catch (StackOverflowError expected) {
                    return Integer.toString(generator.reachedFrom(UNBOUNDED));
                }
            }));
        }
    }

    /** Runs {@code calls} recursions 100 deep, so that the JIT compiles the recursive method. */
    private static void warmUp(StackRecursiveGenerator generator, int calls) {
        for (int i = 0; i < calls; i++) {
            generator.generate(100);
        }
    }

    private static String outcome(StackRecursiveGenerator generator, int n) {
        try {
            return "returned " + generator.generate(n);
        } catch (Throwable thrown) {
            return "threw " + thrown.getClass().getName();
        }
    }
    /** Runs {@code task} on a new thread with a {@link #STACK_BYTES} stack and returns its result. */
    private static String onOwnStack(java.util.function.Supplier<String> task) throws InterruptedException {
        AtomicReference<String> result = new AtomicReference<>();
        Thread thread = new Thread(null, () -> result.set(task.get()), "recursion", STACK_BYTES);
        thread.start();
        thread.join();
        return result.get();
    }
}
