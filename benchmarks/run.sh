#!/usr/bin/env bash
# Runs the benchmark suite and prints the README's performance table (Markdown) with the machine.
#
#   benchmarks/run.sh          the whole suite: JMH with the benchmarks' own settings (3 forks,
#                              5 x 1 s warm-up and measurement) and the other measurements as
#                              medians of 5 runs; about 20 minutes on 2 cores
#   benchmarks/run.sh --quick  smoke test (CI): every benchmark and measurement once, briefly. It
#                              proves that they run and that the table prints; its figures mean
#                              nothing and no target is checked
#   benchmarks/run.sh --otel-warmup-check [--quick]
#                              only OpenTelemetry's one-thread call-cost benchmarks, twice: with the
#                              suite's warm-up (5 x 1 s) and with 15 x 2 s (--quick: 1 and 3 x 200 ms),
#                              then how much each score moved: a fair comparison needs a warm-up
#                              after which OpenTelemetry's figure no longer moves
#
# One JMH run holds the clock's floor (ClockFloor: two System.nanoTime() calls), the call cost
# with no agent, Genscope, the module's minimal advice agent (target/minimal-agent.jar: two clock
# reads and a counter) and OpenTelemetry, and the analytics query. Per-call targets are multiples
# of that floor, start-up targets multiples of what an empty agent (target/empty-agent.jar) adds.
# The load average is printed before and after; above one per core the table says the figures
# are unreliable. A fork whose agent did not start or instrumented nothing fails the run.
#
# It builds (mvn package of the benchmarks module and what it needs) only when a jar it needs is
# missing. Results go to benchmarks/target/results/ (jmh.json, jmh.log, measurements.properties,
# performance.md; otel-warmup-*.json and otel-warmup.md for the warm-up check). It fails when
# something does not run, never because a target is missed: the table says that.
set -euo pipefail

usage() { sed -n '2,28p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
quick=false
otel_warmup_check=false
for option in "$@"; do
  case "$option" in
    --quick) quick=true ;;
    --otel-warmup-check) otel_warmup_check=true ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done

# The benchmarks and probes name jars and configs relative to the repository root.
cd "$(dirname "${BASH_SOURCE[0]}")/.."
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
bench_jar=benchmarks/target/benchmarks.jar
agent_jar=agent/target/genscope-agent.jar
otel_jar=benchmarks/target/otel/opentelemetry-javaagent.jar
runtime_jar=benchmarks/target/runtime/genscope-runtime.jar
sample_jar=sample-generator/target/sample-generator.jar
minimal_agent_jar=benchmarks/target/minimal-agent.jar
empty_agent_jar=benchmarks/target/empty-agent.jar
results=benchmarks/target/results
measurements=$results/measurements.properties

for jar in "$bench_jar" "$agent_jar" "$otel_jar" "$runtime_jar" "$sample_jar" "$minimal_agent_jar" "$empty_agent_jar"; do
  if [[ ! -f $jar ]]; then
    # package, not install: the reactor hands each module's jar to the next, ~/.m2 is left alone
    echo "== $jar is missing: mvn -B -q -DskipTests package -pl benchmarks,sample-generator -am"
    mvn -B -q -DskipTests package -pl benchmarks,sample-generator -am </dev/null
    break
  fi
done

genscope=("-javaagent:$agent_jar=config=benchmarks/configs/calls.yaml")
otel=("-javaagent:$otel_jar" -Dotel.traces.exporter=none -Dotel.metrics.exporter=none -Dotel.logs.exporter=none)
otel_workload='-Dotel.instrumentation.methods.include=bench.workload.PlainWork[step];bench.workload.FakeGenerator[generate];bench.workload.FakeValidator[validate]'

if $quick; then
  jmh_options=(-f 1 -wi 1 -w 200ms -i 1 -r 200ms)
  # The warm-up check's: the measurement of jmh_options, the warm-ups its own
  measure_options=(-f 1 -i 1 -r 200ms)
  warmups=("-wi 1 -w 200ms" "-wi 3 -w 200ms")
  runs=1
  heap_calls=(100000 1000000)
  sample_options=(--requests 6)
else
  jmh_options=()
  measure_options=()
  warmups=("-wi 5 -w 1s" "-wi 15 -w 2s")
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

cores=$(nproc)
# load_average WHEN: prints the 1/5/15-minute load averages, and one warning line when the
# 1-minute one exceeds the cores (other work then shares the CPUs with the benchmarks).
load_average() {
  local load
  load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
  echo "== load average 1/5/15 min $1: $load ($cores cores)"
  if awk -v load="${load%% *}" -v cores="$cores" 'BEGIN { exit !(load + 0 > cores) }'; then
    echo "WARNING: load average ${load%% *} exceeds the $cores cores: figures then unreliable"
  fi
  echo "load.$1=$load" >>"$measurements"
}

if $otel_warmup_check; then
  mkdir -p "$results"
  measurements=/dev/null
  # warmup_results WARM-UP: the results' path without extension, e.g. .../otel-warmup-wi5w1s
  warmup_results() { echo "$results/otel-warmup-${1//[^a-z0-9]/}"; }
  load_average before
  for warmup in "${warmups[@]}"; do
    echo "== JMH: OpenTelemetry's call cost, one thread, warm-up $warmup"
    # shellcheck disable=SC2086 # $warmup is a list of JMH options
    "$java" -jar "$bench_jar" 'CallCostOtel\.(timing|generation|validation)$' "${measure_options[@]}" $warmup \
      -foe true -rf json -rff "$(warmup_results "$warmup").json" </dev/null | tee "$(warmup_results "$warmup").log"
  done
  load_average after
  "$java" -cp "$bench_jar" io.genscope.bench.report.WarmupShift \
    "${warmups[0]}" "$(warmup_results "${warmups[0]}").json" "${warmups[1]}" "$(warmup_results "${warmups[1]}").json" \
    | tee "$results/otel-warmup.md"
  exit 0
fi

rm -rf "$results"
mkdir -p "$results"
printf 'runs=%s\nheap.calls=%s\ncores=%s\ncommit=%s\n' "$runs" "$(IFS=,; echo "${heap_calls[*]}")" "$cores" \
  "$(git describe --always --dirty 2>/dev/null || echo unknown)" >"$measurements"
load_average before

echo "== JMH: clock floor; cost per call with no agent, Genscope, the minimal advice agent and OpenTelemetry;" \
  "analytics query (-prof gc)"
"$java" -jar "$bench_jar" "${jmh_options[@]}" -foe true -prof gc -rf json -rff "$results/jmh.json" </dev/null \
  | tee "$results/jmh.log"

echo "== JVM start-up, hello world: no agent, empty agent, Genscope (its methods; classes that never load)," \
  "the minimal Byte Buddy advice agent, OpenTelemetry (median of $runs)"
probe -- io.genscope.bench.measure.WallTime startup "$runs" \
  none "$java" -cp "$bench_jar" bench.host.HelloWorld --- \
  empty "$java" "-javaagent:$empty_agent_jar" -cp "$bench_jar" bench.host.HelloWorld --- \
  genscope "$java" "-javaagent:$agent_jar=config=benchmarks/configs/hello.yaml" -cp "$bench_jar" bench.host.HelloWorld --- \
  unloaded "$java" "-javaagent:$agent_jar=config=benchmarks/configs/unloaded.yaml" -cp "$bench_jar" \
  bench.host.HelloWorld --- \
  minimal "$java" "-javaagent:$minimal_agent_jar" -cp "$bench_jar" bench.host.HelloWorld --- \
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

load_average after

echo "== performance table"
if $quick; then
  echo "(--quick: a smoke test with one short iteration of everything; the figures are not measurements)"
fi
"$java" -cp "$bench_jar" io.genscope.bench.report.PerformanceTable "$results/jmh.json" "$measurements" \
  | tee "$results/performance.md"
echo "== done in ${SECONDS} s; results in $results"
