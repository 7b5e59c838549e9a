#!/usr/bin/env bash
# Partial-order reduction benchmark: what `kripke check` stores and how long it takes with and
# without partial-order reduction (and symmetry reduction), side by side with SPIN's reduction on
# the Promela models of Benchmarks/spin/ where one exists. One run per row (state counts are
# exact; the seconds are single runs on a shared machine — read them as rough).
#
# Usage: Benchmarks/por.sh [--quick]
# Needs: swift, spin, gcc, python3. Writes Benchmarks/out/por/ (ignored by git) and prints a
# Markdown table. Not part of `swift test` or CI.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
OUT=$HERE/out/por
QUICK=0
[ "${1:-}" = --quick ] && QUICK=1
mkdir -p "$OUT"

(cd "$ROOT" && swift build -c release --product kripke >/dev/null && swift build -c release --product kripke-fixtures >/dev/null)
BIN=$(cd "$ROOT" && swift build -c release --show-bin-path)

# name | executable | spec and parameters | Promela model | spin -D flags | quick?
CASES=(
"counter-grid|kripke-fixtures|counter-grid --param N=6 --param K=9|counter_grid.pml|-DN=6 -DK=9|yes"
"ricart-agrawala N=3|kripke|ricart-agrawala --param N=3 --param R=1|ricart_agrawala.pml|-DN=3 -DR=1|yes"
"ricart-agrawala N=4|kripke|ricart-agrawala --param N=4 --param R=1|ricart_agrawala.pml|-DN=4 -DR=1|no"
"quorum-replication 5/3/3|kripke|quorum-replication --param N=5 --param W=3 --param R=3 --param F=0|quorum_replication.pml|-DN=5 -DW=3 -DR=3 -DF=0|yes"
"lamport-mutex N=3|kripke|lamport-mutex --param N=3 --param R=1||-|yes"
"two-phase-commit N=4|kripke|two-phase-commit --param N=4||-|yes"
"total-order-multicast N=3 M=2|kripke|total-order-multicast --param N=3 --param M=2||-|yes"
"chang-roberts N=6|kripke|chang-roberts --param N=6||-|yes"
"centralized-mutex N=4 R=2|kripke|centralized-mutex --param N=4 --param R=2||-|no"
"paxos N=3|kripke|paxos --param N=3||-|no"
"chandy-lamport N=3|kripke|chandy-lamport --param N=3||-|no"
)

kripke() {   # prints: states transitions seconds verdict
    "$BIN/$1" check $2 --no-lemmas --workers 1 --quiet --json $3 | python3 -c '
import json, sys
d = json.load(sys.stdin); s = d["stats"]
print(s["states"], s["transitions"], s["seconds"], d["verdict"])'
}

spin_states() {   # model, defines, gcc flags: prints states and seconds
    local dir; dir=$(mktemp -d "$OUT/spin.XXXX")
    cp "$HERE/spin/$1" "$dir/"
    (cd "$dir" && spin $2 -a "$1" >/dev/null && gcc -O2 -w -DMEMLIM=16384 -DSAFETY $3 -o pan pan.c \
        && ./pan -w24 >pan.out 2>&1 || true)
    awk '/states, stored/ { s = $1 } /pan: elapsed time/ { t = $4 } END { print s, t }' "$dir/pan.out"
}

echo "| model | Kripke full states | + POR | ratio | + symmetry | + both | full s | POR s | SPIN -DNOREDUCE | SPIN POR | ratio |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for entry in "${CASES[@]}"; do
    IFS='|' read -r name exe args pml defines quick <<<"$entry"
    [ "$QUICK" = 1 ] && [ "$quick" != yes ] && continue
    read -r full _ full_s _ < <(kripke "$exe" "$args" "--no-por --no-symmetry")
    read -r por _ por_s _ < <(kripke "$exe" "$args" "--no-symmetry")
    read -r sym _ _ _ < <(kripke "$exe" "$args" "--no-por")
    read -r both _ _ _ < <(kripke "$exe" "$args" "")
    spin_full="–"; spin_por="–"; spin_ratio="–"
    if [ -n "$pml" ]; then
        read -r spin_full _ < <(spin_states "$pml" "$defines" "-DNOREDUCE")
        read -r spin_por _ < <(spin_states "$pml" "$defines" "")
        spin_ratio=$(python3 -c "print(f'{$spin_full / $spin_por:.2f}')")
    fi
    ratio=$(python3 -c "print(f'{$full / $por:.2f}')")
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$name" "$full" "$por" "$ratio" "$sym" "$both" \
        "$full_s" "$por_s" "$spin_full" "$spin_por" "$spin_ratio"
done

# Chang–Roberts growth, like for like with SPIN: spin/chang_roberts.pml asserts nothing, so Kripke
# runs with --no-invariants (deadlocks only) beside it; the last column keeps the spec's two
# invariants. --always-por: the reduction never stops early, so the counts are the reduction's own.
echo
echo "| chang-roberts N | Kripke full | Kripke POR, no invariants | Kripke POR, with invariants | SPIN -DNOREDUCE | SPIN POR | POR s |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
LAST=10
[ "$QUICK" = 1 ] && LAST=7
for n in $(seq 4 "$LAST"); do
    args="chang-roberts --param N=$n"
    read -r full _ _ _ < <(kripke kripke "$args" "--no-por --no-invariants")
    read -r por _ por_s _ < <(kripke kripke "$args" "--always-por --no-invariants")
    read -r with _ _ _ < <(kripke kripke "$args" "--always-por")
    read -r spin_full _ < <(spin_states chang_roberts.pml "-DN=$n" "-DNOREDUCE")
    read -r spin_por _ < <(spin_states chang_roberts.pml "-DN=$n" "")
    printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$n" "$full" "$por" "$with" "$spin_full" "$spin_por" "$por_s"
done
