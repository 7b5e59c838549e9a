#!/usr/bin/env bash
# k-induction time for the shipped proofs (release), at the defaults and larger instances, each
# under a time cap. Prints a Markdown table. Not part of CI.
#   Benchmarks/prove.sh [CAP_SECONDS=300]
set -euo pipefail
cd "$(dirname "$0")/.."
cap=${1:-300}
swift build -c release --product kripke >&2
bin=$(swift build -c release --show-bin-path)/kripke
runs=(
    "ricart-agrawala"
    "ricart-agrawala --param N=4 --param R=2"
    "ricart-agrawala --param N=5 --param R=1"
    "raft-election"
    "raft-election --param T=2"
    "raft-election --param T=3"
    "raft-election --param N=5 --param T=2"
    "paxos"
    "paxos --param F=0"
    "paxos --param B=3"
    "paxos --param N=5"
    "quorum-replication"
    "quorum-replication --param N=5 --param W=3 --param R=3"
    "two-phase-commit"
    "two-phase-commit --param N=5"
    "token-ring"
    "token-ring --param N=5"
    "centralized-mutex"
    "centralized-mutex --param N=5 --param R=3"
    "chang-roberts"
    "chang-roberts --param N=6"
)
echo "| spec and parameters | verdict | k | lemmas | seconds |"
echo "|---|---|---|---|---|"
for run in "${runs[@]}"; do
    # shellcheck disable=SC2086
    (timeout "$cap" "$bin" prove $run --json || true) | python3 -c '
import json, sys
run = sys.argv[1]
try:
    d = json.load(sys.stdin)
except Exception:
    print("| %s | no answer within %s s | | | |" % (run, sys.argv[2])); sys.exit()
lemmas = sum(1 for c in d["stats"]["consecution"] if c["lemma"])
print("| %s | %s | %s | %d | %.2f |" % (run, d["verdict"], d.get("k", ""), lemmas, d["stats"]["seconds"]))' "$run" "$cap"
done
