#!/usr/bin/env bash
# BMC time per depth (release): for each buggy spec, `kripke bmc` up to the length of the
# explorer's shortest counterexample, and for correct Paxos up to depth 20, each under a time
# cap; prints the cumulative seconds at which each depth was finished. Not part of CI.
#   Benchmarks/bmc-depths.sh [CAP_SECONDS=60] [PAXOS_DEPTH=20] [PAXOS_CAP_SECONDS=600]
set -euo pipefail
cd "$(dirname "$0")/.."
cap=${1:-60}
paxos_depth=${2:-20}
paxos_cap=${3:-600}
swift build -c release --product kripke >&2
bin=$(swift build -c release --show-bin-path)/kripke
specs=$("$bin" list --json | python3 -c 'import json,sys; print(" ".join(s["name"] for s in json.load(sys.stdin) if s["expect"] == "violated"))')
row() {  # spec, depth, cap → one Markdown row from bmc's JSON
    "$bin" bmc "$1" --depth "$2" --max-seconds "$3" --quiet --json 2>/dev/null | python3 -c '
import json, sys
d = json.load(sys.stdin)
s = d["stats"]
if "counterexample" in d:
    result = "violated at %d" % (len(d["counterexample"]["states"]) - 1)
else:
    result = "%s (checked to %d)" % (d["verdict"], s["checkedDepth"])
times = " ".join("%.2f" % t for t in s["secondsPerDepth"])
print("| %s | %s | %s | %.1f | %s |" % (sys.argv[1], sys.argv[2], result, s["seconds"], times))' "$1" "$2" || true
}
echo "| spec | depth asked | result | seconds | cumulative seconds after depth 0, 1, 2, … |"
echo "|---|---|---|---|---|"
for spec in $specs; do
    length=$( ("$bin" check "$spec" --quiet --json || true) | python3 -c 'import json,sys; d=json.load(sys.stdin); print(len(d["counterexample"]["states"]) - 1)')
    row "$spec" "$length" "$cap"
done
row paxos "$paxos_depth" "$paxos_cap"
