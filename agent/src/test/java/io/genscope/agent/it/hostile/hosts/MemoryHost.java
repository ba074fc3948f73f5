package io.genscope.agent.it.hostile.hosts;

import com.sun.management.HotSpotDiagnosticMXBean;
import fixture.hostile.MemoryGenerator;
import fixture.hostile.MemoryValidator;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Hosts that push Genscope's memory: a flood of models, error messages that must be forgotten
 * after the retention, and millions of raw events. Lines starting {@code host:} are the host's
 * own output (the same with and without the agent); lines starting {@code probe:} are what it
 * observes of Genscope through the platform MBean server.
 *
 * <pre>{@code
 * java -cp target/test-classes io.genscope.agent.it.hostile.hosts.MemoryHost models
 * java -cp target/test-classes io.genscope.agent.it.hostile.hosts.MemoryHost markers /tmp/heap.hprof
 * java -cp target/test-classes io.genscope.agent.it.hostile.hosts.MemoryHost events 9 500001
 * }</pre>
 */
public final class MemoryHost {

    /** Kept for the whole run, so a search of the heap dump is shown to find a marker that is there. */
    private static String control;

    private MemoryHost() {
    }

    public static void main(String[] args) throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        switch (args[0]) {
            case "models" -> modelFlood(server);
            case "markers" -> markers(Path.of(args[1]));
            case "events" -> events(server, Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    /**
     * 1,500 generations, each with a new model, over about 3 s; then one model only for 3.5 s, longer
     * than the retention of the test's config, so the flood's models leave it.
     */
    private static void modelFlood(MBeanServer server) throws Exception {
        MemoryGenerator generator = new MemoryGenerator();
        long length = 0;
        int most = 0;
        for (int i = 0; i < 1500; i++) {
            length += generator.generate("flood-" + i, "prompt").length();
            Thread.sleep(2);
            if (i % 25 == 0) {
                most = Math.max(most, modelBeans(server).size());
            }
        }
        System.out.println("probe: most model MBeans during the flood " + Math.max(most, modelBeans(server).size()));
        for (int i = 0; i < 35; i++) {
            length += generator.generate("steady", "prompt").length();
            Thread.sleep(100);
        }
        System.out.println("host: generated 1535 classes of " + length + " chars");
        System.out.println("probe: model MBeans after the retention " + modelBeans(server));
    }

    private static List<String> modelBeans(MBeanServer server) throws Exception {
        List<String> names = new ArrayList<>();
        server.queryNames(new ObjectName("io.genscope:type=Model,*"), null)
                .forEach(name -> names.add(name.getKeyProperty("name"))); // flood-<i>, steady, (other): never quoted
        return names;
    }

    /**
     * 333 validations on a worker thread, each quoting a unique marker, after which the worker
     * sits idle (alive); the main thread goes on generating for 3.5 s, longer than the retention,
     * then dumps the live heap to {@code dump}.
     */
    private static void markers(Path dump) throws Exception {
        String nonce = "m" + Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
        control = nonce + "-control";
        System.out.println("probe: marker prefix " + nonce);
        CountDownLatch validated = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            MemoryValidator validator = new MemoryValidator();
            int findings = 0;
            for (int i = 0; i < 333; i++) {
                findings += validator.validate("class A {}", nonce + "-" + i).size();
            }
            System.out.println("host: " + findings + " findings");
            validated.countDown();
            try {
                finish.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "memory-worker");
        worker.start();
        validated.await();
        MemoryGenerator generator = new MemoryGenerator();
        long length = 0;
        for (int i = 0; i < 35; i++) {
            length += generator.generate("steady", "prompt").length();
            Thread.sleep(100);
        }
        System.out.println("host: generated 35 classes of " + length + " chars");
        Files.deleteIfExists(dump);
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(dump.toString(), true);
        System.out.println("probe: dumped, control " + control.length());
        finish.countDown();
        worker.join();
    }

    /**
     * {@code threads} threads alive at once, each making {@code generations} generations (two raw
     * events each), then one {@code exportEvents(Integer.MAX_VALUE)} and one {@code exportEvents(10)}.
     */
    private static void events(MBeanServer server, int threads, int generations) throws Exception {
        CountDownLatch done = new CountDownLatch(threads);
        CountDownLatch finish = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                MemoryGenerator generator = new MemoryGenerator();
                for (int i = 0; i < generations; i++) {
                    generator.generate("model", "prompt");
                }
                done.countDown();
                try {
                    finish.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            worker.start();
            workers.add(worker);
        }
        done.await();
        System.out.println("host: " + threads + " threads made " + generations + " generations each");
        ObjectName telemetry = new ObjectName("io.genscope:type=Telemetry");
        for (int max : new int[] {Integer.MAX_VALUE, 10}) {
            long start = System.nanoTime();
            try {
                String json = (String) server.invoke(telemetry, "exportEvents", new Object[] {max},
                        new String[] {"int"});
                System.out.printf("probe: exportEvents(%d) returned %d events in %d ms%n", max,
                        json.split("\"sequence\"", -1).length - 1, (System.nanoTime() - start) / 1_000_000);
            } catch (Exception | OutOfMemoryError e) {
                Throwable cause = e;
                while (cause.getCause() != null) {
                    cause = cause.getCause();
                }
                System.out.printf("probe: exportEvents(%d) threw %s%n", max, cause.getClass().getName());
            }
        }
        finish.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
    }
}
