#!/usr/bin/env bash
# Worker scaling of the explorer: states/s and bytes per state for 1–16 workers, on the cases of
# issue 11's table, optionally for two builds side by side (A/B) and against SPIN's pan.
#
# Usage: Benchmarks/scaling.sh [--kripke BIN]... [--workers "1 2 4 8 16"] [--pan DIR] [--big]
#
#   --kripke BIN   a kripke executable to measure (repeat for an A/B table; default: kripke on PATH)
#   --workers LIST worker counts (default "1 2 4 8 16")
#   --pan DIR      a folder with SPIN verifiers built from Benchmarks/spin/ricart_agrawala.pml
#                  (pan-dfs, pan-bfs: gcc -O2 -DSAFETY -DNOREDUCE [-DBFS] -DN=4 -DR=1), run once each
#   --big          also Paxos N=5 B=2 (21 M states; minutes per run)
#
# Prints one row per run (case, build, workers, states, transitions, search seconds, states/s,
# bytes per state in the store, peak RSS) and writes the same as CSV to $BENCH_OUT (default
# Benchmarks/out/scaling.csv). Partial-order reduction is off (--no-por) so that every row
# explores the same state space. Needs python3 to read Kripke's JSON. Not part of CI.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
OUT=${BENCH_OUT:-$HERE/out}
BINS=()
WORKERS="1 2 4 8 16"
PAN=""
BIG=0
while [ $# -gt 0 ]; do
    case "$1" in
        --kripke) BINS+=("$2"); shift 2 ;;
        --workers) WORKERS=$2; shift 2 ;;
        --pan) PAN=$2; shift 2 ;;
        --big) BIG=1; shift ;;
        -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "scaling.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    esac
done
[ ${#BINS[@]} -gt 0 ] || BINS=("$(command -v kripke)")
mkdir -p "$OUT"
CSV="$OUT/scaling.csv"
echo "case,build,workers,states,transitions,seconds,states_per_s,bytes_per_state,peak_mib" >"$CSV"

CASES=("ra-n4|ricart-agrawala --param N=4 --param R=1")
[ "$BIG" = 1 ] && CASES+=("paxos-n5-b2|paxos --param N=5 --param B=2")

printf '%-12s %-10s %7s %12s %13s %8s %11s %7s %9s\n' case build workers states transitions seconds states/s B/state "peak MiB"
for entry in "${CASES[@]}"; do
    name=${entry%%|*}
    spec=${entry#*|}
    for bin in "${BINS[@]}"; do
        label=$(basename "$(dirname "$bin")")
        # Safety only (SPIN's rows check no liveness), where the build has liveness at all.
        liveness=()
        help=$("$bin" check --help)   # read whole: `| grep -q` under pipefail can die of SIGPIPE
        grep -q -- '--no-liveness' <<<"$help" && liveness=(--no-liveness)
        for workers in $WORKERS; do
            # shellcheck disable=SC2086
            json=$("$bin" check $spec --no-por --no-lemmas "${liveness[@]}" --workers "$workers" --json --quiet || true)
            row=$(python3 -c '
import json, sys
d = json.loads(sys.argv[1]); s = d["stats"]
rate = s["states"] / max(s["seconds"], 1e-9)
print("%d,%d,%.2f,%.0f,%.1f,%.0f" % (s["states"], s["transitions"], s["seconds"], rate,
      s.get("bytesPerState", 0), s.get("peakMemoryBytes", 0) / 1048576))
' "$json")
            echo "$name,$label,$workers,$row" >>"$CSV"
            IFS=, read -r states transitions seconds rate bytes peak <<<"$row"
            printf '%-12s %-10s %7s %12s %13s %8s %11s %7s %9s\n' "$name" "$label" "$workers" "$states" "$transitions" "$seconds" "$rate" "$bytes" "$peak"
        done
    done
done

if [ -n "$PAN" ]; then
    for variant in dfs bfs; do
        [ -x "$PAN/pan-$variant" ] || continue
        start=$(date +%s.%N)
        "$PAN/pan-$variant" -w23 -m10000 >"$OUT/pan-$variant.txt" 2>&1 || true
        end=$(date +%s.%N)
        states=$(awk '/states, stored/ {print $1; exit}' "$OUT/pan-$variant.txt")
        seconds=$(python3 -c "print(f'{$end - $start:.2f}')")
        rate=$(python3 -c "print(f'{${states:-0} / ($end - $start):.0f}')")
        echo "ra-n4,spin-$variant,1,$states,,$seconds,$rate,," >>"$CSV"
        printf '%-12s %-10s %7s %12s %13s %8s %11s\n' ra-n4 "spin-$variant" 1 "$states" "" "$seconds" "$rate"
    done
fi
echo "CSV: $CSV" >&2
