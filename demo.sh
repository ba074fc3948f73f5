#!/usr/bin/env bash
# Builds Genscope (if needed) and runs the sample generator under the agent.
#   ./demo.sh                  run 60 generations, print the generator's counts and Genscope's summary
#   ./demo.sh --keep-running   then stay alive so JConsole can connect (jconsole <pid>)
# Any other argument goes to the sample generator (--requests N, --seed S).
set -euo pipefail
cd "$(dirname "$0")"

if [[ ! -f agent/target/genscope-agent.jar || ! -f sample-generator/target/sample-generator.jar ]]; then
  mvn -B -q package -DskipTests
fi

exec java -javaagent:agent/target/genscope-agent.jar=config=sample-generator/genscope.yaml \
  -jar sample-generator/target/sample-generator.jar "$@"
