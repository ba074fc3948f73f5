#!/usr/bin/env bash
# Runs the benchmark suite and prints the README's performance table (Markdown) with the machine.
#
#   benchmarks/run.sh          the whole suite: JMH with the benchmarks' own settings (3 forks,
#                              5 x 1 s warm-up and measurement) and the other measurements as
#                              medians of 5 runs; about 15 minutes on 2 cores
#   benchmarks/run.sh --quick  smoke test (CI): every benchmark and measurement once, briefly. It
#                              proves that they run and that the table prints; its figures mean
#                              nothing and no target is checked
#
# It builds only when a jar it needs is missing. Results go to benchmarks/target/results/
# (jmh.json, jmh.log, measurements.properties, performance.md). It fails when something does not
# run, never because a target is missed: the table says that.
set -euo pipefail

usage() { sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
quick=false
case "$#:${1:-}" in
  0:) ;;
  1:--quick) quick=true ;;
  1:-h | 1:--help) usage; exit 0 ;;
  *) usage >&2; exit 2 ;;
esac

# The benchmarks and probes name jars and configs relative to the repository root.
cd "$(dirname "${BASH_SOURCE[0]}")/.."
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
bench_jar=benchmarks/target/benchmarks.jar
agent_jar=agent/target/genscope-agent.jar
otel_jar=benchmarks/target/otel/opentelemetry-javaagent.jar
runtime_jar=benchmarks/target/runtime/genscope-runtime.jar
sample_jar=sample-generator/target/sample-generator.jar
results=benchmarks/target/results
measurements=$results/measurements.properties

for jar in "$bench_jar" "$agent_jar" "$otel_jar" "$runtime_jar" "$sample_jar"; do
  if [[ ! -f $jar ]]; then
    echo "== $jar is missing: mvn -B -q -DskipTests install"
    mvn -B -q -DskipTests install </dev/null
    break
  fi
done

genscope=("-javaagent:$agent_jar=config=benchmarks/configs/calls.yaml")
otel=("-javaagent:$otel_jar" -Dotel.traces.exporter=none -Dotel.metrics.exporter=none -Dotel.logs.exporter=none)
otel_workload='-Dotel.instrumentation.methods.include=bench.workload.PlainWork[step];bench.workload.FakeGenerator[generate];bench.workload.FakeValidator[validate]'

if $quick; then
  jmh_options=(-f 1 -wi 1 -w 200ms -i 1 -r 200ms)
  runs=1
  heap_calls=(100000 1000000)
  sample_options=(--requests 6)
else
  jmh_options=()
  runs=5
  heap_calls=(1000000 10000000)
  sample_options=()
fi

# probe [JVM options] -- MAIN [ARGS]: runs a main of the benchmarks jar, keeps its key=value lines.
probe() {
  local options=()
  while [[ $1 != -- ]]; do options+=("$1"); shift; done
  shift
  "$java" "${options[@]}" -cp "$bench_jar" "$@" </dev/null | grep -E '^[a-z][a-z0-9.]*=' >>"$measurements"
}

rm -rf "$results"
mkdir -p "$results"
printf 'runs=%s\nheap.calls=%s\ncommit=%s\n' "$runs" "$(IFS=,; echo "${heap_calls[*]}")" \
  "$(git describe --always --dirty 2>/dev/null || echo unknown)" >"$measurements"

echo "== JMH: cost per call with no agent, Genscope and OpenTelemetry; analytics query (-prof gc)"
"$java" -jar "$bench_jar" "${jmh_options[@]}" -foe true -prof gc -rf json -rff "$results/jmh.json" </dev/null \
  | tee "$results/jmh.log"

echo "== JVM start-up, hello world: no agent, Genscope, OpenTelemetry (median of $runs)"
probe -- io.genscope.bench.measure.WallTime startup "$runs" \
  none "$java" -cp "$bench_jar" bench.host.HelloWorld --- \
  genscope "$java" "-javaagent:$agent_jar=config=benchmarks/configs/hello.yaml" -cp "$bench_jar" bench.host.HelloWorld --- \
  otel "$java" "${otel[@]}" '-Dotel.instrumentation.methods.include=bench.host.HelloWorld[greet]' \
  -cp "$bench_jar" bench.host.HelloWorld

echo "== agent jar size"
echo "agent.jar.bytes=$(wc -c <"$agent_jar" | tr -d ' ')" >>"$measurements"

echo "== heap retained after GC: ${heap_calls[*]} calls, no agent and Genscope"
for calls in "${heap_calls[@]}"; do
  probe -- bench.host.HeapProbe "$calls" "heap.none.$calls"
  probe "${genscope[@]}" -- bench.host.HeapProbe "$calls" "heap.genscope.$calls"
done

echo "== threads: no agent, Genscope, OpenTelemetry"
probe -- bench.host.ThreadProbe threads.none
probe "${genscope[@]}" -- bench.host.ThreadProbe threads.genscope
probe "${otel[@]}" "$otel_workload" -- bench.host.ThreadProbe threads.otel

echo "== sample generator wall time: no agent, Genscope (median of $runs)"
probe -- io.genscope.bench.measure.WallTime sample "$runs" \
  none "$java" -jar "$sample_jar" "${sample_options[@]}" --- \
  genscope "$java" "-javaagent:$agent_jar=config=sample-generator/genscope.yaml" -jar "$sample_jar" "${sample_options[@]}"

echo "== implements: rule vs the same rule written with class:, CPU time of the whole JVM (median of $runs)"
cpu_on_exit=(-cp "$sample_jar:$bench_jar" io.genscope.bench.measure.CpuOnExit com.example.codegen.SampleApp)
probe -- io.genscope.bench.measure.WallTime implements "$runs" \
  none "$java" "${cpu_on_exit[@]}" "${sample_options[@]}" --- \
  class "$java" "-javaagent:$agent_jar=config=benchmarks/configs/validation-class.yaml" "${cpu_on_exit[@]}" \
  "${sample_options[@]}" --- \
  implements "$java" "-javaagent:$agent_jar=config=benchmarks/configs/validation-implements.yaml" \
  "${cpu_on_exit[@]}" "${sample_options[@]}"

echo "== performance table"
if $quick; then
  echo "(--quick: a smoke test with one short iteration of everything; the figures are not measurements)"
fi
"$java" -cp "$bench_jar" io.genscope.bench.report.PerformanceTable "$results/jmh.json" "$measurements" \
  | tee "$results/performance.md"
echo "== done in ${SECONDS} s; results in $results"
