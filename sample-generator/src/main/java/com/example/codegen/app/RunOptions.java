package com.example.codegen.app;

/**
 * The command line of the sample app.
 *
 * @param requests    how many generation requests to run; at least 1, default 60
 * @param seed        seed of the workload and of the simulated models; default 42
 * @param pauseAfter  after how many requests to pause until a line arrives on standard input;
 *                    from 1 to {@code requests - 1}, or 0 (the default) for no pause
 * @param times       whether the ground truth also gives each generate call's duration, which
 *                    differs from run to run (off by default: a seed's ground truth is then the
 *                    same every run)
 * @param batch       whether requests go through the batch front end ({@code com.example.codegen.batch}):
 *                    a spec check before each generation, and a runner that returns failures
 *                    as results; instrumented by {@code genscope-batch.yaml}
 * @param keepRunning whether to keep the JVM alive after the run, for JConsole
 * @param help        whether only the usage text was asked for
 * @param userPrefix  put before every user id; default none
 */
public record RunOptions(int requests, long seed, int pauseAfter, boolean times, boolean batch, boolean keepRunning,
                         boolean help, String userPrefix) {

    public static final String USAGE = """
            Usage: java -jar sample-generator.jar [--requests N] [--seed S] [--pause-after K] [--times] [--batch] [--keep-running]
                                                  [--user-prefix P] [--help]
              --requests N     how many generation requests to run (default 60)
              --seed S         seed of the workload and the simulated models (default 42)
              --pause-after K  after K requests, print the ground truth so far on a PAUSED line and
                               wait for a line on standard input (or its end) before the rest
              --times          add each generate call's duration to the ground truth (generationMicros)
              --batch          send each request through the batch front end: a spec check, then a
                               runner that returns failures as results (config: genscope-batch.yaml)
              --keep-running   after the run, stay alive for JConsole until killed
              --user-prefix P  put P before every user id (ada@example.com becomes Pada@example.com)
              --help           print this text and exit""";

    /**
     * Reads the command line.
     *
     * @throws IllegalArgumentException naming the option at fault
     */
    public static RunOptions parse(String... args) {
        int requests = 60;
        long seed = 42;
        int pauseAfter = 0;
        boolean times = false;
        boolean batch = false;
        boolean keepRunning = false;
        boolean help = false;
        String userPrefix = "";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--requests" -> requests = Math.toIntExact(number(args, ++i, 1));
                case "--seed" -> seed = number(args, ++i, Long.MIN_VALUE);
                case "--pause-after" -> pauseAfter = Math.toIntExact(number(args, ++i, 1));
                case "--times" -> times = true;
                case "--batch" -> batch = true;
                case "--keep-running" -> keepRunning = true;
                case "--help" -> help = true;
                case "--user-prefix" -> userPrefix = text(args, ++i);
                default -> throw new IllegalArgumentException("unknown option: " + args[i]);
            }
        }
        if (pauseAfter >= requests) {
            throw new IllegalArgumentException("--pause-after must be below --requests (" + requests + "): " + pauseAfter);
        }
        return new RunOptions(requests, seed, pauseAfter, times, batch, keepRunning, help, userPrefix);
    }

    private static String text(String[] args, int index) {
        if (index >= args.length) {
            throw new IllegalArgumentException(args[index - 1] + " needs a value");
        }
        return args[index];
    }

    private static long number(String[] args, int index, long min) {
        String option = args[index - 1];
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        long value;
        try {
            value = Long.parseLong(args[index]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, not " + args[index], e);
        }
        if (value < min) {
            throw new IllegalArgumentException(option + " must be at least " + min + ": " + value);
        }
        return value;
    }
}
