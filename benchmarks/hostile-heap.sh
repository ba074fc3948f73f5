#!/usr/bin/env bash
# The heap Genscope retains when a host hands it long lists (issue 10's memory target): runs the
# hostile-host suite's ValuesHost with and without the agent (default config plus the rules of
# agent/src/test/resources/hostile/values-genscope.yaml) and prints the heap in use after a full
# collection, each way, and the difference. Target: at most +3 MB for both runs.
#
#   benchmarks/hostile-heap.sh             2,000 validations of 500 findings, then 20 of 100,000
#   benchmarks/hostile-heap.sh lint 50 10  any ValuesHost arguments
#   GENSCOPE_AGENT_JAR=/other/genscope-agent.jar benchmarks/hostile-heap.sh   another build's agent
#
# Needs the agent jar and the agent module's test classes: mvn -B -q -DskipTests verify -pl agent -am
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
agent_jar=${GENSCOPE_AGENT_JAR:-agent/target/genscope-agent.jar}
classes=agent/target/test-classes
config=$classes/hostile/values-genscope.yaml
for needed in "$agent_jar" "$config"; do
  [[ -e $needed ]] || { echo "$needed is missing: mvn -B -q -DskipTests verify -pl agent -am" >&2; exit 1; }
done

# The heap the host reports after its work and a full collection (it exits once stdin is empty).
heap() {
  "$java" "$@" -XX:+UseSerialGC -Xmx1g -cp "$classes" io.genscope.agent.it.hostile.hosts.ValuesHost "${args[@]}" \
    </dev/null 2>&1 >/dev/null | sed -n 's/^HEAP_USED //p'
}

measure() {
  args=("$@")
  local bare with
  bare=$(heap)
  with=$(heap "-javaagent:$agent_jar=config=$config")
  printf '%-24s no agent %7.2f MB   agent %7.2f MB   retained by the agent %+7.2f MB\n' "${args[*]}" \
    "$(bc -l <<<"$bare / 1048576")" "$(bc -l <<<"$with / 1048576")" "$(bc -l <<<"($with - $bare) / 1048576")"
}

if (($#)); then
  measure "$@"
else
  measure lint 2000 500
  measure lint 20 100000
fi
