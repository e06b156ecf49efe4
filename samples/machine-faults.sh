#!/usr/bin/env bash
# Live migration under faults, at the process level: TRIALS migrations between the two machine
# jars (random versions, dirtying rates and feature use), each through a proxy that cuts the
# connection at a random byte in either direction or not at all. Prints every trial, then the
# counts of faults and outcomes, and checks in every trial that exactly one side runs (or the
# source is in doubt and the destination knows), that a resumed source is unchanged and that a
# running destination holds the memory the source paused with. Exit 0 when none is broken.
#
#   samples/machine-faults.sh TRIALS [SEED]
#
# Builds the jars first when they are missing (mvn -B -q -pl samples/machine-demo -am package).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
trials="${1:?usage: samples/machine-faults.sh TRIALS [SEED]}"
v1="$root/samples/machine-v1/target/machine-v1.jar"
v2="$root/samples/machine-v2/target/machine-v2.jar"
classes="$root/samples/machine-demo/target/classes"
if [[ ! -f "$v1" || ! -f "$v2" || ! -d "$classes" ]]; then
  (cd "$root" && mvn -B -q -pl samples/machine-demo -am package -DskipTests)
fi
exec java -cp "$classes" io.chunkstate.machine.demo.FaultTrials "$v1" "$v2" "$trials" ${2:+"$2"}
