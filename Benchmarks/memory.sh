#!/usr/bin/env bash
# Memory per state and the rate at size: the counter-grid fixture at 1 M, 10 M and 100 M states
# (N = 6, 7, 8 counters 0…9) and, with --big, Paxos N=5 B=2 (21 M states, 8 words per state),
# for one or more release builds side by side (A/B).
#
# Usage: Benchmarks/memory.sh [--fixtures BIN]... [--kripke BIN]... [--big] [--skip-100m]
#
#   --fixtures BIN  a kripke-fixtures executable (repeat for A/B; the counter grid lives there)
#   --kripke BIN    a kripke executable for Paxos (repeat for A/B, same order as --fixtures)
#   --big           also Paxos N=5 B=2 (minutes per run)
#   --skip-100m     leave out the 100 M-state counter grid (about 1.5 GB and a minute or two)
#
# One worker, no partial-order reduction (every row explores the same states). Prints states,
# states/s, bytes per state in the store (visited table and the parent log's part in memory),
# peak RSS, and peak RSS per state ("all-in": table, parent log, frontier, code, everything).
# Writes the rows as CSV to $BENCH_OUT/memory.csv (default Benchmarks/out). Not part of CI.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
OUT=${BENCH_OUT:-$HERE/out}
FIXTURES=()
KRIPKES=()
BIG=0
SIZES="6 7 8"
while [ $# -gt 0 ]; do
    case "$1" in
        --fixtures) FIXTURES+=("$2"); shift 2 ;;
        --kripke) KRIPKES+=("$2"); shift 2 ;;
        --big) BIG=1; shift ;;
        --skip-100m) SIZES="6 7"; shift ;;
        -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "memory.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    esac
done
[ ${#FIXTURES[@]} -gt 0 ] || { echo "memory.sh: give at least one --fixtures BIN" >&2; exit 2; }
mkdir -p "$OUT"
CSV="$OUT/memory.csv"
echo "case,build,states,seconds,states_per_s,bytes_per_state,peak_mib,all_in_bytes_per_state" >"$CSV"

row() {   # label, build, then the command
    local name=$1 build=$2
    shift 2
    local json
    json=$("$@" --no-por --workers 1 --json --quiet || true)
    python3 - "$name" "$build" "$json" "$CSV" <<'PY'
import json, sys
name, build, text, csv = sys.argv[1:5]
s = json.loads(text)["stats"]
states, seconds = s["states"], max(s["seconds"], 1e-9)
peak = s.get("peakMemoryBytes", 0)
line = (name, build, states, "%.1f" % seconds, "%.0f" % (states / seconds), "%.1f" % s.get("bytesPerState", 0),
        "%.0f" % (peak / 1048576), "%.1f" % (peak / max(states, 1)))
print("%-16s %-12s %11s %8s s %10s states/s %6s B/state %7s MiB peak %6s B/state all-in" % line)
open(csv, "a").write(",".join(map(str, line)) + "\n")
PY
}

for index in "${!FIXTURES[@]}"; do
    bin=${FIXTURES[$index]}
    build=$(basename "$(dirname "$(dirname "$(dirname "$bin")")")")
    for n in $SIZES; do
        row "counter-grid-n$n" "$build" "$bin" check counter-grid --param N="$n" --param K=9
    done
    if [ "$BIG" = 1 ] && [ -n "${KRIPKES[$index]:-}" ]; then
        row "paxos-n5-b2" "$build" "${KRIPKES[$index]}" check paxos --param N=5 --param B=2 --no-lemmas --no-liveness
    fi
done
