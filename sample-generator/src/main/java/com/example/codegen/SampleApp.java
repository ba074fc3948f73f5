package com.example.codegen;

import com.example.codegen.app.Report;
import com.example.codegen.app.RunOptions;
import com.example.codegen.app.RunStats;
import com.example.codegen.app.Workload;
import com.example.codegen.batch.BatchResult;
import com.example.codegen.batch.BatchRunner;
import com.example.codegen.batch.SpecService;
import com.example.codegen.batch.SpecValidator;
import com.example.codegen.model.CodexMini;
import com.example.codegen.model.CodexPro;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a seeded workload through two generators, one per model, and reports what happened.
 *
 * <p>Requests run one after another on the main thread, so a seed always gives the same run. A
 * failed generation is counted, never fatal. The last line of the report, {@code GROUND_TRUTH
 * {...}}, is what tests compare the agent's telemetry with.
 *
 * <p>With {@code --pause-after K} the run stops after K requests, prints the ground truth so far
 * on a {@code PAUSED {...}} line and waits for a line on standard input (or its end): a test (or
 * a person at a terminal) can look at the telemetry of a run half done, for example let
 * Prometheus scrape counters that already exist before the rest of the run moves them.
 *
 * <pre>
 * java -jar sample-generator/target/sample-generator.jar --requests 60 --seed 42 --keep-running
 * </pre>
 */
public final class SampleApp {

    private static final int MAX_ATTEMPTS = 3;

    private SampleApp() {
    }

    public static void main(String[] args) {
        RunOptions options;
        try {
            options = RunOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(RunOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(RunOptions.USAGE);
            return;
        }
        long start = System.nanoTime();
        RunStats stats = run(options);
        Report.print(stats, Duration.ofNanos(System.nanoTime() - start), System.out);
        if (options.keepRunning()) {
            waitUntilKilled();
        }
    }

    private static RunStats run(RunOptions options) {
        List<CodeModel> models = List.of(new CodexMini(options.seed()), new CodexPro(options.seed()));
        List<String> modelNames = models.stream().map(CodeModel::name).toList();
        RunStats stats = new RunStats(modelNames, options.times(), options.userPrefix().length());
        JavacValidator validator = new JavacValidator();
        Map<String, CodeGenerator> generators = new HashMap<>();
        for (CodeModel model : models) {
            generators.put(model.name(), new CodeGenerator(model, validator, MAX_ATTEMPTS, stats.listenerFor(model.name())));
        }
        SpecService service = options.batch() ? batchService(generators, stats) : null;
        List<Workload.Job> jobs = Workload.create(options.requests(), options.seed(), modelNames, options.userPrefix());
        for (int sent = 0; sent < jobs.size(); sent++) {
            if (sent > 0 && sent == options.pauseAfter()) {
                pause(stats, jobs.size() - sent);
            }
            Workload.Job job = jobs.get(sent);
            stats.generationStarted(job.model(), job.request());
            long start = System.nanoTime();
            try {
                if (service != null) {
                    handle(service, job, stats);
                } else {
                    stats.succeeded(job.model(), generators.get(job.model()).generate(job.request()));
                }
            } catch (RuntimeException e) {
                stats.failed(job.model(), e);
            } finally {
                stats.generationTook(System.nanoTime() - start);
            }
        }
        return stats;
    }

    /** The batch front end over the generators: a spec check, then a runner per model. */
    private static SpecService batchService(Map<String, CodeGenerator> generators, RunStats stats) {
        Map<String, BatchRunner> runners = new HashMap<>();
        generators.forEach((model, generator) -> runners.put(model, new BatchRunner(generator)));
        return new SpecService(new SpecValidator(), runners, stats::specChecked);
    }

    /** One request through the batch front end: its generation never throws, its result says how it went. */
    private static void handle(SpecService service, Workload.Job job, RunStats stats) {
        BatchResult result = service.handle(job.model(), job.request());
        if (result.ok()) {
            stats.succeeded(job.model(), result.code());
        } else {
            stats.failedWith(job.model(), result.errorCode());
        }
        stats.requestEnded(result.ok());
    }

    private static void pause(RunStats stats, int requestsLeft) {
        System.out.println("Paused: press Enter to send the other " + requestsLeft + " requests.");
        Report.printPaused(stats, System.out);
        try {
            new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset())).readLine();
        } catch (IOException e) {
            System.out.println("Standard input failed (" + e.getClass().getSimpleName() + "): going on.");
        }
    }

    private static void waitUntilKilled() {
        System.out.println("Still running: connect JConsole to PID " + ProcessHandle.current().pid()
                + " to see the telemetry; stop with Ctrl+C.");
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
