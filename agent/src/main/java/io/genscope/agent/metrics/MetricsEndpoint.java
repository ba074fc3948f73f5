package io.genscope.agent.metrics;

import io.genscope.agent.config.MetricsSettings;
import io.genscope.agent.logging.AgentLogging;
import io.genscope.runtime.RuntimeLog;
import io.genscope.runtime.metrics.MetricsSource;
import org.slf4j.Logger;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.jar.JarFile;

/**
 * Starts the metrics endpoint when {@code metrics.port} is set: {@code GET /metrics} (and
 * {@code HEAD}) on the JDK's own HTTP server, in Prometheus' text format or OpenMetrics.
 *
 * <p>Start-up runs on a short-lived daemon thread, {@code genscope-metrics-start}, never on the
 * host's thread: it reads the secret files (which could be FIFOs) and the keystore, and binds.
 * What stays is the server's dispatcher, which answers every scrape and is named
 * {@code genscope-metrics}, and the idle-connection timer the JDK's server always runs beside it,
 * named {@code genscope-metrics-idle-timeout-task}; both daemon threads of the thread group
 * {@code genscope-metrics}. A problem at start is one WARN line, and the application and the rest of
 * Genscope run on.
 */
public final class MetricsEndpoint {

    /** The thread group, and the name of the thread that answers scrapes. */
    public static final String THREAD_NAME = "genscope-metrics";
    /** The name the JDK's HTTP server gives its dispatcher thread. */
    private static final String JDK_DISPATCHER = "HTTP-Dispatcher";
    private static final Logger LOGGER = AgentLogging.logger();

    private MetricsEndpoint() {
    }

    /**
     * Starts the endpoint in the background if {@code settings} enable it; does nothing otherwise.
     *
     * @param log      where a problem at start is reported (the runtime's journal, so the
     *                 Diagnostics MBean shows it too)
     * @param agentJar the agent's jar, or {@code null} when Genscope's classes come from directories
     */
    public static void start(MetricsSettings settings, MetricsSource source, RuntimeLog log, JarFile agentJar) {
        if (!settings.enabled()) {
            return;
        }
        ThreadGroup group = new ThreadGroup(THREAD_NAME);
        Thread starter = new Thread(group, () -> serve(settings, source, log, agentJar, group), THREAD_NAME + "-start");
        starter.setDaemon(true);
        starter.start();
    }

    private static void serve(MetricsSettings settings, MetricsSource source, RuntimeLog log, JarFile agentJar,
                              ThreadGroup group) {
        try {
            EndpointPlan plan = EndpointPlan.of(settings, source, log);
            InetSocketAddress bound = bind(plan, agentJar);
            nameServerThreads(group);
            LOGGER.info("metrics endpoint at {} ({}); Prometheus text, OpenMetrics on request",
                    plan.url(bound), plan.guard().describe());
        } catch (EndpointStartException problem) {
            log.warn("metrics endpoint not started: " + problem.getMessage()
                    + "; the application and the rest of Genscope run on without it");
        }
    }

    private static InetSocketAddress bind(EndpointPlan plan, JarFile agentJar) throws EndpointStartException {
        String address = plan.address().getAddress().getHostAddress() + ":" + plan.address().getPort();
        try {
            return httpServing(agentJar).serve(plan);
        } catch (BindException e) {
            throw new EndpointStartException("metrics.port: cannot listen on " + address + " (" + e.getMessage()
                    + "); choose a free port, or 0 for any");
        } catch (IOException e) {
            throw new EndpointStartException("cannot listen on " + address + " (" + e + ")");
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new EndpointStartException("the JDK's HTTP server (module jdk.httpserver) is not available in this JVM ("
                    + e + "); add --add-modules jdk.httpserver to the java command");
        }
    }

    private static HttpServing httpServing(JarFile agentJar) throws ReflectiveOperationException {
        Class<?> serving = new EndpointClassLoader(agentJar).loadClass(EndpointClassLoader.HTTP_PACKAGE + "JdkHttpServing");
        return serving.asSubclass(HttpServing.class).getConstructor().newInstance();
    }

    /**
     * Names the threads the JDK's server started in {@code group}: its dispatcher
     * {@code genscope-metrics}, any other {@code genscope-metrics-} and its own name, so a thread
     * dump shows whose they are.
     */
    private static void nameServerThreads(ThreadGroup group) {
        Thread[] threads = new Thread[8];
        int count = group.enumerate(threads, false);
        for (int i = 0; i < count; i++) {
            Thread thread = threads[i];
            if (thread != Thread.currentThread()) {
                thread.setName(thread.getName().equals(JDK_DISPATCHER) ? THREAD_NAME : THREAD_NAME + "-" + thread.getName());
            }
        }
    }
}
