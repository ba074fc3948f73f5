package io.genscope.agent.cli;

import com.sun.tools.attach.AgentInitializationException;
import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.VirtualMachine;
import io.genscope.agent.install.AttachStatus;

import javax.management.remote.JMXConnector;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * {@code attach <pid> [config=<genscope.yaml>]}: loads this very jar into a running JVM as an
 * agent ({@code VirtualMachine.loadAgent}, which returns once {@code agentmain} has), then prints
 * what came of it: the lines the agent logged there ({@link AttachStatus}), and while Genscope
 * runs there (started now or before), the methods each rule instrumented, from the Diagnostics
 * MBean. What {@code jcmd <pid>
 * JVMTI.agent_load} does, without its quoting trap (an unquoted {@code config=...} reaches the
 * agent as {@code config}), with the agent's own answer instead of {@code return code: 0}.
 *
 * <p>Exit status: 0 when Genscope runs in the JVM and logged no warning or error for this attach (a
 * Genscope already running answers the attach itself: today it warns that it changes nothing); 1
 * when it did not start, logged a problem, or the JVM refused the agent; 2 for a command line that cannot be understood
 * or a JVM that cannot be reached.
 */
final class AttachCommand implements Command {

    /** The first Java version to warn about an agent loaded into a running JVM (JEP 451). */
    private static final int WARNS_FROM = 21;
    private static final String ALLOW_FLAG = "-XX:+EnableDynamicAgentLoading";

    @Override
    public String name() {
        return "attach";
    }

    @Override
    public String usage() {
        return AttachOptions.USAGE;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        try {
            AttachOptions options = AttachOptions.parse(args);
            Path jar = agentJar();
            VirtualMachine vm = LocalJvm.attach(options.pid(), CommandFailure::unreachable);
            try {
                return attach(vm, jar, options, out);
            } finally {
                LocalJvm.detach(vm);
            }
        } catch (CommandFailure failure) {
            err.println("genscope attach: " + failure.getMessage());
            return failure.status();
        }
    }

    private static int attach(VirtualMachine vm, Path jar, AttachOptions options, PrintStream out)
            throws CommandFailure {
        String pid = options.pid();
        AttachStatus status;
        Properties properties;
        try {
            long earlier = AttachStatus.of(vm.getSystemProperties()).map(AttachStatus::sequence).orElse(0L);
            vm.loadAgent(jar.toString(), options.agentArguments());
            properties = vm.getSystemProperties();
            status = AttachStatus.of(properties).filter(latest -> latest.sequence() > earlier)
                    .orElseThrow(() -> CommandFailure.failed("pid " + pid + " loaded the agent but left no status: it"
                            + " runs a Genscope older than this command, whose answer is on its stderr"));
        } catch (AgentLoadException | AgentInitializationException e) {
            throw CommandFailure.failed("pid " + pid + " refused the agent: " + e.getMessage());
        } catch (IOException e) {
            throw CommandFailure.failed("lost the attach connection to pid " + pid + ": " + e.getMessage());
        }
        out.println(headline(status, pid));
        status.lines().forEach(out::println);
        if (status.running()) {
            try (JMXConnector connector = JmxTarget.local(pid, vm)) {
                AttachedRules.read(connector.getMBeanServerConnection(), pid).print(out);
            } catch (IOException e) {
                throw CommandFailure.failed("lost the JMX connection to pid " + pid + ": " + e.getMessage());
            }
        }
        dynamicLoadingNote(vm, properties, pid).ifPresent(out::println);
        return status.running() && !status.hasProblems() ? 0 : CommandFailure.FAILED;
    }

    private static String headline(AttachStatus status, String pid) {
        String genscope = "Genscope " + status.version();
        return switch (status.outcome()) {
            case STARTED -> genscope + " started in pid " + pid + (status.hasProblems()
                    ? ", with the problems below" : "") + ":";
            case DECLINED -> genscope + " did not start in pid " + pid + ", which runs on without it:";
            case ALREADY_RUNNING -> genscope + " was already running in pid " + pid
                    + "; what it made of this attach:";
            case FAILED -> genscope + " failed to start in pid " + pid + ", which runs on without it:";
        };
    }

    /**
     * From Java 21 a JVM prints a warning on its own stderr when an agent is loaded into it while it
     * runs, unless it was started with {@value #ALLOW_FLAG}; say so here, where the operator looks.
     */
    private static Optional<String> dynamicLoadingNote(VirtualMachine vm, Properties properties, String pid) {
        int version;
        try {
            version = Integer.parseInt(properties.getProperty("java.specification.version", "0"));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (version < WARNS_FROM) {
            return Optional.empty();
        }
        try {
            Properties agent = vm.getAgentProperties();
            String flags = agent.getProperty("sun.jvm.args", "") + " " + agent.getProperty("sun.jvm.flags", "");
            if (flags.contains(ALLOW_FLAG)) {
                return Optional.empty();
            }
        } catch (IOException e) {
            // cannot tell: say it anyway
        }
        return Optional.of("note: pid " + pid + " runs Java " + version + ", which printed a WARNING on its"
                + " stderr that an agent was loaded dynamically; start it with " + ALLOW_FLAG
                + " to allow attaching without the warning (later Java releases may refuse without it)");
    }

    /**
     * The jar this command runs from, which is the agent loaded: one file, so the command and the
     * agent are always the same version. Its path must not hold {@code =}, which the JVM takes as
     * the start of the agent's arguments.
     */
    private static Path agentJar() throws CommandFailure {
        CodeSource source = AttachCommand.class.getProtectionDomain().getCodeSource();
        Path jar;
        try {
            jar = source == null ? null : Path.of(source.getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException e) {
            jar = null;
        }
        if (jar == null || !Files.isRegularFile(jar)) {
            throw CommandFailure.failed("attach loads the jar it runs from; run it as java -jar genscope-agent.jar");
        }
        if (jar.toString().contains("=")) {
            throw CommandFailure.failed("the agent jar's path " + jar + " holds '=', which the JVM reads as the"
                    + " start of the agent's arguments; move the jar to a path without one");
        }
        return jar;
    }
}
