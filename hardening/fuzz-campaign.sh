#!/usr/bin/env bash
# A long fuzzing campaign: repeats the time-boxed fuzzing runs of every target, each round
# resuming from the inputs earlier rounds found (hardening/.cifuzz-corpus/), and stops at the first
# finding. A finding is saved beside the seeds in src/test/resources/.../<Test>Inputs/<method>/,
# where the regression run picks it up.
#
#   hardening/fuzz-campaign.sh [rounds]     # default 120 rounds, about two hours
set -euo pipefail
rounds="${1:-120}"
cd "$(dirname "$0")/.."
for ((round = 1; round <= rounds; round++)); do
  echo "fuzzing round ${round} of ${rounds}"
  mvn -B -q -pl hardening -am verify -Dfuzz.only \
    -Dtest='*FuzzTest' -Dsurefire.failIfNoSpecifiedTests=false
done
