package io.genscope.agent.cli;

import io.genscope.runtime.reload.ReloadResult;

import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnector;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code reload <pid|host:port> [--user NAME --password-file FILE]}: has a running Genscope
 * re-read its config file and apply it, through the Control MBean's {@code reload} operation,
 * and prints what it did ({@link ReloadResult#describe()}). Exit 0 when the new config is in
 * use, 1 when it was refused (its problems printed, nothing changed) or the JVM could not be
 * reached, 2 for a command line that cannot be understood. A remote user needs the
 * {@code readwrite} role: the operation changes what Genscope does.
 */
public final class ReloadCommand implements Command {

    static final String USAGE = "reload " + JmxAddress.SYNOPSIS + ": has a running Genscope re-read its config file"
            + " and apply it (exit 0), or refuse it, changing nothing (exit 1)";

    private static final String CONTROL = "io.genscope:type=Control";

    @Override
    public String name() {
        return "reload";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        try {
            JmxAddress address = parse(args);
            ReloadResult result = reload(address);
            out.println(result.describe());
            return result.applied() ? 0 : CommandFailure.FAILED;
        } catch (CommandFailure failure) {
            err.println("genscope reload: " + failure.getMessage());
            return failure.status();
        }
    }

    private static JmxAddress parse(List<String> args) throws CommandFailure {
        JmxAddress.Reader address = new JmxAddress.Reader(USAGE);
        for (int i = 0; i < args.size(); i++) {
            int read = address.read(args, i);
            if (read < 0) {
                throw CommandFailure.usage("unexpected argument '" + args.get(i) + "'; usage: " + USAGE);
            }
            i = read;
        }
        return address.address();
    }

    private static ReloadResult reload(JmxAddress address) throws CommandFailure {
        JMXConnector connector = JmxTarget.connect(address);
        try (connector) {
            MBeanServerConnection connection = connector.getMBeanServerConnection();
            return result((CompositeData) connection.invoke(new ObjectName(CONTROL), "reload", new Object[0],
                    new String[0]));
        } catch (InstanceNotFoundException e) {
            throw CommandFailure.failed(address.target() + " runs no Genscope agent that can reload: it has no "
                    + CONTROL + " MBean");
        } catch (SecurityException e) {
            throw CommandFailure.failed("not allowed to reload at " + address.target() + " (" + e.getMessage()
                    + "): reload changes what Genscope does, so it needs a readwrite JMX user");
        } catch (JMException | IOException e) {
            throw CommandFailure.failed("cannot reload at " + address.target() + ": " + e);
        }
    }

    /** The operation's result as the record it was made from, items by component name. */
    private static ReloadResult result(CompositeData data) {
        return new ReloadResult((Boolean) data.get("applied"), (String) data.get("configFile"),
                (Long) data.get("configVersion"), strings(data, "added"), strings(data, "removed"),
                strings(data, "changed"), strings(data, "unchanged"), strings(data, "needRestart"),
                strings(data, "problems"), strings(data, "warnings"));
    }

    private static List<String> strings(CompositeData data, String item) {
        return List.of((String[]) data.get(item));
    }
}
