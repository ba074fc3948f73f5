/**
 * Small host applications that {@code benchmarks/run.sh} starts as whole JVMs, with no agent, with
 * Genscope and with OpenTelemetry: what cannot be measured inside one JMH fork (start-up time,
 * heap retained, threads started). Like {@link bench.workload}, they live outside
 * {@code io.genscope} so that the agent treats them as any application.
 *
 * <p>Each prints its results as {@code key=value} lines on stdout, which the script collects;
 * agents log on stderr.
 */
package bench.host;
