package io.genscope.agent.it.hostile.hosts;

import com.example.hostile.ValuesChecker;
import com.example.hostile.ValuesGenerator;
import com.example.hostile.ValuesLinter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A host that hands the agent's captures values of the kinds a careless or hostile application
 * produces, and prints its own count of what it did (its ground truth): one {@code key=value}
 * line each on stdout, then {@code DONE}. The heap it still uses after a full collection goes to
 * stderr ({@code HEAP_USED <bytes>}), so stdout is the same with and without an agent. It then
 * waits until its stdin is closed or it is killed, so a test can read its MBeans.
 *
 * <p>Modes (first argument; the second is the number of calls):
 * <ul>
 *   <li>{@code lint <calls> <findings>}: a linter validation returning {@code findings} findings
 *       per call;</li>
 *   <li>{@code cyclic <calls>}: a generation whose dependencies are two lists that contain each
 *       other;</li>
 *   <li>{@code map <calls>}: a generation whose dependencies are a map from names to spec text;</li>
 *   <li>{@code snitch <calls>}: a generation whose model is an object whose {@code toString}
 *       blocks and throws, and which counts calls of its {@code toString}, {@code hashCode} and
 *       {@code equals};</li>
 *   <li>{@code mutated <calls>}: a validation whose errors list another thread keeps changing.</li>
 * </ul>
 */
public final class ValuesHost {

    /** Text no capture may keep: the values of the {@code map} mode's dependencies. */
    public static final String SPEC_MARKER = "SPEC-CONTENT-7f3a";
    private static final int MUTATED_ERRORS = 64;

    private ValuesHost() {
    }

    public static void main(String[] args) throws Exception {
        int calls = Integer.parseInt(args[1]);
        Map<String, Object> truth = switch (args[0]) {
            case "lint" -> lint(calls, Integer.parseInt(args[2]));
            case "cyclic" -> cyclic(calls);
            case "map" -> map(calls);
            case "snitch" -> snitch(calls);
            case "mutated" -> mutated(calls);
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        };
        truth.forEach((key, value) -> System.out.println(key + "=" + value));
        System.err.println("HEAP_USED " + heapUsedAfterFullGc());
        System.out.println("DONE");
        System.out.flush();
        while (System.in.read() >= 0) {
            // wait for the test to read the MBeans and kill the process
        }
    }

    private static Map<String, Object> lint(int calls, int findings) {
        ValuesLinter linter = new ValuesLinter();
        long failed = 0;
        long reported = 0;
        for (int call = 0; call < calls; call++) {
            ValuesLinter.Report report = linter.lint("src/file" + call + ".ts", findings);
            reported += report.findings().size();
            if (!report.findings().isEmpty()) {
                failed++;
            }
        }
        return truth("validations", calls, "failed", failed, "findings", reported);
    }

    private static Map<String, Object> cyclic(int calls) {
        List<Object> first = new ArrayList<>();
        List<Object> second = new ArrayList<>();
        first.add("com.acme:core");
        first.add(second);
        second.add(first);
        ValuesGenerator generator = new ValuesGenerator();
        long returned = 0;
        for (int call = 0; call < calls; call++) {
            if (generator.generate(first, "model-a") == first) {
                returned++;
            }
        }
        return truth("generations", calls, "returned", returned);
    }

    private static Map<String, Object> map(int calls) {
        Map<String, String> spec = new LinkedHashMap<>();
        spec.put("com.acme:core", SPEC_MARKER + " openapi: 3.1.0, paths: /users");
        spec.put("com.acme:web", SPEC_MARKER + " servers: https://internal.example");
        ValuesGenerator generator = new ValuesGenerator();
        for (int call = 0; call < calls; call++) {
            generator.generate(spec, "model-a");
        }
        return truth("generations", calls, "keys", String.join(",", spec.keySet()));
    }

    private static Map<String, Object> snitch(int calls) {
        Snitch model = new Snitch();
        ValuesGenerator generator = new ValuesGenerator();
        for (int call = 0; call < calls; call++) {
            generator.generate(List.of("com.acme:core"), model);
        }
        return truth("generations", calls, "toString-calls", model.toStrings, "hashCode-calls", model.hashCodes,
                "equals-calls", model.equalses);
    }

    /** A model object that records every call of the methods an agent must never call on it. */
    static final class Snitch {
        int toStrings;
        int hashCodes;
        int equalses;

        @Override
        public String toString() {
            toStrings++;
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("a model has no text form");
        }

        @Override
        public int hashCode() {
            hashCodes++;
            return 1;
        }

        @Override
        public boolean equals(Object other) {
            equalses++;
            return this == other;
        }
    }

    private static Map<String, Object> mutated(int calls) throws InterruptedException {
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < MUTATED_ERRORS; i++) {
            errors.add("E" + (i % 8));
        }
        AtomicBoolean running = new AtomicBoolean(true);
        Thread mutator = new Thread(() -> {
            while (running.get()) {
                synchronized (errors) {
                    errors.add("E9");
                    errors.remove(errors.size() - 1);
                }
            }
        }, "mutator");
        mutator.start();
        ValuesChecker checker = new ValuesChecker();
        long failed = 0;
        for (int call = 0; call < calls; call++) {
            if (!checker.check(errors).isEmpty()) {
                failed++;
            }
        }
        running.set(false);
        mutator.join();
        return truth("validations", calls, "failed", failed);
    }

    private static Map<String, Object> truth(Object... keysAndValues) {
        Map<String, Object> truth = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            truth.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return truth;
    }

    private static long heapUsedAfterFullGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
