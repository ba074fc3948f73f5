package io.genscope.agent.cli;

import io.genscope.runtime.analytics.SummaryReport;
import io.genscope.runtime.analytics.compare.AbTable;

import javax.management.remote.JMXConnector;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code summary <pid|host:port> [--window 5m] [--json] [--user NAME --password-file FILE]}: the
 * telemetry summary of a running JVM, from a shell. The JDK has no JMX command-line client, so
 * without this an operator needs JConsole, a jshell script or a third-party jar. The text is
 * {@code report-on-exit}'s ({@link SummaryReport}, then {@link AbTable} when prompt variants were
 * captured); {@code --json} gives {@link SummaryJson}'s
 * document. Failures are one line on stderr: exit 1 when the JVM cannot be reached or read, 2
 * for a command line that cannot be understood.
 */
public final class SummaryCommand implements Command {

    @Override
    public String name() {
        return "summary";
    }

    @Override
    public String usage() {
        return SummaryOptions.USAGE;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        try {
            SummaryOptions options = SummaryOptions.parse(args);
            TelemetryFigures figures = read(options);
            out.println(options.json() ? SummaryJson.write(figures) : text(figures));
            return 0;
        } catch (CommandFailure failure) {
            err.println("genscope summary: " + failure.getMessage());
            return failure.status();
        }
    }

    /** {@code report-on-exit}'s text: the summary, then the A/B table when any variant was captured. */
    private static String text(TelemetryFigures figures) {
        String summary = SummaryReport.format(figures.overall(), figures.byModel(), figures.breakdowns(),
                figures.requests());
        return figures.variants().map(variants -> AbTable.after(summary, variants)).orElse(summary);
    }

    private static TelemetryFigures read(SummaryOptions options) throws CommandFailure {
        JMXConnector connector = JmxTarget.connect(options.address());
        try (connector) {
            return TelemetryFigures.read(connector.getMBeanServerConnection(), options.window(), options.address().target());
        } catch (IOException e) {
            throw CommandFailure.failed("lost the JMX connection to " + options.address().target() + ": " + e.getMessage());
        }
    }
}
