#!/usr/bin/env bash
# How deep a minimal recursive method gets on a 1 MB stack, without the agent and with it, for
# each JIT mode and each role a rule can give the recursive method (issue 10, "Recursion"). The
# method (com.example.hostile.StackRecursiveGenerator.depth) is as small as a method can be, so
# what the advice adds to each level weighs most. Prints a Markdown table; the target is that
# every role reaches at least 50 % of the depth without the agent.
#
#   benchmarks/stack-depth.sh [agent-jar]    default: agent/target/genscope-agent.jar
#
# Needs the agent's test classes (the host): mvn -B -q -DskipTests package -pl agent -am. About
# 20 s; each figure is the last of 3 rounds (each after a warm-up) in a fresh JVM.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
agent_jar=${1:-agent/target/genscope-agent.jar}
host_classes=agent/target/test-classes
host=io.genscope.agent.it.hostile.hosts.StackRecursiveHost
generator=com.example.hostile.StackRecursiveGenerator
configs=$(mktemp -d)
trap 'rm -rf "$configs"' EXIT

rule() { printf '  - name: %s\n    role: %s\n    class: %s\n    method: %s\n' "$1" "$2" "$generator" "$1"; }
{ echo "enabled: false"; echo "rules:"; rule depth generation; } >"$configs/disabled.yaml"
{ echo "rules:"; rule depth generation; } >"$configs/generation.yaml"
{ echo "rules:"; rule generate generation; rule depth retry; } >"$configs/retry.yaml"
{ echo "rules:"; rule depth validation; } >"$configs/validation.yaml"

# depth <jvm flags...>: the deepest level of the last round
depth() { "$java" "$@" -cp "$host_classes" "$host" probe 3 "$warm_up" 2>/dev/null | tail -1 | awk '{print $3}'; }

echo "| JIT | no agent | enabled: false | generation | retry | validation | worst / no agent |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for mode in default c1 interpreter; do
  case $mode in
    default) flags=() warm_up=20000 ;;
    c1) flags=(-XX:TieredStopAtLevel=1) warm_up=20000 ;;
    interpreter) flags=(-Xint) warm_up=0 ;;
  esac
  bare=$(depth "${flags[@]}")
  row="| $mode | $bare"
  worst=$bare
  for config in disabled generation retry validation; do
    reached=$(depth "${flags[@]}" "-javaagent:$agent_jar=config=$configs/$config.yaml")
    row="$row | $reached"
    if [[ $config != disabled && $reached -lt $worst ]]; then worst=$reached; fi
  done
  echo "$row | $(awk -v w="$worst" -v b="$bare" 'BEGIN { printf "%.0f %%", 100 * w / b }') |"
done
