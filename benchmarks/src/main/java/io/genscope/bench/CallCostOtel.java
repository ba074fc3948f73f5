// Run from the repository root (the agent path is relative to it):
//   java -jar benchmarks/target/benchmarks.jar CallCostOtel -prof gc
package io.genscope.bench;

import org.openjdk.jmh.annotations.Fork;

/**
 * {@link CallCost} under the OpenTelemetry Java agent, which the build copies into
 * {@code benchmarks/target/otel}. Its method instrumentation opens a span around the same three
 * methods; every exporter is off, so what is measured is the recording, not the shipping.
 */
@Fork(value = 3, jvmArgsAppend = {
    "-javaagent:benchmarks/target/otel/opentelemetry-javaagent.jar",
    "-Dotel.traces.exporter=none",
    "-Dotel.metrics.exporter=none",
    "-Dotel.logs.exporter=none",
    "-Dotel.instrumentation.methods.include="
        + "bench.workload.PlainWork[step];bench.workload.FakeGenerator[generate];bench.workload.FakeValidator[validate]",
})
public class CallCostOtel extends CallCost {

    @Override
    protected ForkCheck forkCheck() {
        return ForkCheck.OTEL;
    }
}
