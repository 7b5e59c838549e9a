#!/usr/bin/env bash
# BMC time per buggy spec (release): for each spec whose author expects a violation, run
# `kripke bmc --depth D` with a time cap and compare the counterexample length with the
# explorer's shortest one. Prints a Markdown table. Not part of CI.
#   Benchmarks/bmc.sh [DEPTH=20] [CAP_SECONDS=30]
set -euo pipefail
cd "$(dirname "$0")/.."
depth=${1:-20}
cap=${2:-30}
swift build -c release --product kripke >&2
bin=$(swift build -c release --show-bin-path)/kripke
specs=$("$bin" list --json | python3 -c 'import json,sys; print(" ".join(s["name"] for s in json.load(sys.stdin) if s["expect"] == "violated"))')
length() { python3 -c 'import json,sys
try:
    d = json.load(sys.stdin); print(len(d["counterexample"]["states"]) - 1 if "counterexample" in d else d["verdict"])
except Exception:
    print("-")'; }
echo "| spec | BFS length | BMC length | BMC seconds |"
echo "|---|---|---|---|"
for spec in $specs; do
    bfs=$("$bin" check "$spec" --quiet --json | length || true)
    start=$(date +%s.%N)
    bmc=$(timeout "$cap" "$bin" bmc "$spec" --depth "$depth" --quiet --json 2>/dev/null | length || true)
    seconds=$(python3 -c "import time; print(f'{time.time() - $start:.1f}')")
    [ -n "$bmc" ] && [ "$bmc" != "-" ] || { bmc="not found in ${cap} s"; seconds=">$cap"; }
    echo "| $spec | $bfs | $bmc | $seconds |"
done
