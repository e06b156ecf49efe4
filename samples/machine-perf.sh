#!/usr/bin/env bash
# The live-migration measurements of docs/PERFORMANCE.md, between the two machine jars as
# -Xmx256m processes on loopback: 1 GiB that nothing dirties against a plain socket copy of as
# many bytes in the same run (the floor), and the pause while the workload dirties memory below
# the link rate, for 256 MiB and 1 GiB. Each is run REPEATS times and the best kept.
#
#   samples/machine-perf.sh [REPEATS] [DIRTY_MIB_PER_S]      (defaults: 3, 64)
#
# Guest memory and the floor's buffers are files mapped from MEMORY_DIR (default /dev/shm, as
# QEMU's memory-backend-file with mem-path=/dev/shm), about 4 GiB at once. Builds the jars first
# when they are missing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
v1="$root/samples/machine-v1/target/machine-v1.jar"
v2="$root/samples/machine-v2/target/machine-v2.jar"
classes="$root/samples/machine-demo/target/classes"
if [[ ! -f "$v1" || ! -f "$v2" || ! -d "$classes" ]]; then
  (cd "$root" && mvn -B -q -pl samples/machine-demo -am package -DskipTests)
fi
export JAVA_TOOL_OPTIONS="-Djava.io.tmpdir=${MEMORY_DIR:-/dev/shm}"
exec java -Xmx256m -cp "$classes" io.chunkstate.machine.demo.MigrationBenchmark "$v1" "$v2" "${1:-3}" "${2:-64}"
