package bench.host;

import java.util.Set;
import java.util.TreeSet;

/**
 * Counts the live threads when {@code main} starts and again after some intercepted calls and a
 * pause (an agent may start threads lazily, on the first call or on a timer). run.sh compares
 * the counts under an agent with those without one.
 *
 * <pre>
 * java -javaagent:agent/target/genscope-agent.jar=config=benchmarks/configs/calls.yaml \
 *      -cp benchmarks/target/benchmarks.jar bench.host.ThreadProbe threads.genscope
 * </pre>
 * Prints {@code <prefix>.start=…}, {@code <prefix>.after=…} and {@code <prefix>.names=…} (all
 * names seen, {@code |}-separated), then a checksum of the calls' results.
 */
public final class ThreadProbe {

    private static final long CALLS = 30_000;
    private static final long PAUSE_MILLIS = 1_000;

    private ThreadProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        Set<String> names = new TreeSet<>();
        int atStart = liveThreads(names);
        long checksum = CallMix.run(CALLS);
        Thread.sleep(PAUSE_MILLIS);
        int after = liveThreads(names);
        String prefix = args[0];
        System.out.println(prefix + ".start=" + atStart);
        System.out.println(prefix + ".after=" + after);
        System.out.println(prefix + ".names=" + String.join("|", names));
        System.out.println(prefix + ".checksum=" + checksum);
    }

    private static int liveThreads(Set<String> names) {
        Set<Thread> threads = Thread.getAllStackTraces().keySet();
        threads.forEach(thread -> names.add(thread.getName()));
        return threads.size();
    }
}
