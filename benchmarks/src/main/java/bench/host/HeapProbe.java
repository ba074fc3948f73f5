package bench.host;

import java.lang.management.ManagementFactory;

/**
 * Makes N intercepted calls, collects garbage and prints the heap still in use. run.sh compares
 * the figure under Genscope with the one without an agent, at two call counts, to show what the
 * agent retains and that it does not grow with the calls.
 *
 * <pre>
 * java -javaagent:agent/target/genscope-agent.jar=config=benchmarks/configs/calls.yaml \
 *      -cp benchmarks/target/benchmarks.jar bench.host.HeapProbe 10000000 heap.genscope.10000000
 * </pre>
 * Prints {@code <key>=<bytes>}, then a checksum of the calls' results.
 */
public final class HeapProbe {

    /** Full collections before reading; the smallest reading wins, as finalizers and cleaners may free more. */
    private static final int COLLECTIONS = 3;

    private HeapProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        long checksum = CallMix.run(Long.parseLong(args[0]));
        long used = Long.MAX_VALUE;
        for (int i = 0; i < COLLECTIONS; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        System.out.println(args[1] + "=" + used);
        System.out.println(args[1] + ".checksum=" + checksum);
    }
}
