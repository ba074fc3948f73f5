package io.genscope.agent.cli;

import io.genscope.agent.install.ClassPathCheck;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code check <config> --class-path <jars or dirs>}: checks a config against the classes it is
 * meant for, without running them, so a misspelled method or a capture that cannot work shows in
 * the generator's CI rather than in the Diagnostics MBean of a running JVM. See {@link ClassPathCheck}.
 */
final class CheckCommand implements Command {

    @Override
    public String name() {
        return "check";
    }

    @Override
    public String usage() {
        return "check <genscope.yaml> --class-path <jars or dirs, separated by '" + File.pathSeparator
                + "'>: lists the methods each rule would instrument and every problem, as at run time;"
                + " exit 0 when there is none, 1 otherwise";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() != 3 || !args.get(1).equals("--class-path") || args.get(2).isEmpty()) {
            err.println("usage: java -jar genscope-agent.jar " + usage());
            return 2;
        }
        List<Path> classPath = Arrays.stream(args.get(2).split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty()).map(Path::of).toList();
        try {
            return ClassPathCheck.run(Path.of(args.get(0)), classPath, out) == 0 ? 0 : 1;
        } catch (IOException | RuntimeException failure) {
            err.println("check failed: " + failure);
            return 1;
        }
    }
}
