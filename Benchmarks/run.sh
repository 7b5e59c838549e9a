#!/usr/bin/env bash
# Side-by-side throughput benchmark: Kripke's explorer against SPIN on the same models.
#
# Usage: Benchmarks/run.sh [--repeat N] [--quick] [--only CASE] [--wait-quiet SECONDS]
#
#   --repeat N          runs of every configuration (default 3); the table shows medians
#   --quick             only the small cases (seconds, for checking the harness)
#   --only CASE         only cases whose name contains CASE (e.g. ra-n4, qr, counter)
#   --wait-quiet S      first wait up to S seconds for the 1-minute load average to drop below
#                       0.5 (the machine has 2 cores and is shared); the load is printed anyway
#
# Needs: swift (release build of kripke and kripke-fixtures), spin, gcc, /usr/bin/time (GNU),
# python3 (to read Kripke's JSON). On Debian/Ubuntu: apt-get install -y spin gcc time.
# Writes its work to Benchmarks/out/ (ignored by git): the pan verifiers, every run's output,
# results.csv (every run) and results.md (the table). Safe to run again: it rebuilds and
# overwrites. Not part of `swift test` or CI.
#
# What is compared (see Benchmarks/README.md): Kripke's BFS without symmetry reduction (Kripke
# has no partial-order reduction yet) against SPIN without partial-order reduction
# (-DNOREDUCE), depth-first and breadth-first, with full state storage and with 64-bit hash
# compaction; SPIN's default (partial-order reduction on) and -DCOLLAPSE are extra rows.
# Each Promela model in Benchmarks/spin/ has the same reachable states as the Kripke spec; the
# script checks that the state counts agree and that both tools say the properties hold.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=${KRIPKE_ROOT:-$(dirname "$HERE")}
OUT=${BENCH_OUT:-$HERE/out}
REPEAT=3
QUICK=0
ONLY=""
WAIT_QUIET=0

while [ $# -gt 0 ]; do
    case "$1" in
        --repeat) REPEAT=$2; shift 2 ;;
        --quick) QUICK=1; shift ;;
        --only) ONLY=$2; shift 2 ;;
        --wait-quiet) WAIT_QUIET=$2; shift 2 ;;
        -h|--help) sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "run.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    esac
done

for tool in spin gcc python3 swift; do
    command -v "$tool" >/dev/null || { echo "run.sh: '$tool' not found (apt-get install -y spin gcc python3; Swift 6)" >&2; exit 1; }
done
[ -x /usr/bin/time ] || { echo "run.sh: GNU /usr/bin/time not found (apt-get install -y time)" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------
# Cases: name | Kripke executable | spec and parameters | Promela file | spin -D parameters |
#        expected states (sets SPIN's hash table, -w = ceil(log2(states)) + 1) | quick? |
#        extra SPIN configurations for this case (label|gcc flags|spin flags, separated by ';')
# ---------------------------------------------------------------------------------------------
CASES=(
"counter-grid|kripke-fixtures|counter-grid --param N=6 --param K=9|counter_grid.pml|-DN=6 -DK=9|1000000|no|spin dfs (POR on) -DLOCAL|-DSAFETY|-DLOCAL"
"ra-n3|kripke|ricart-agrawala --param N=3 --param R=1|ricart_agrawala.pml|-DN=3 -DR=1|3300|yes"
"ra-n4|kripke|ricart-agrawala --param N=4 --param R=1|ricart_agrawala.pml|-DN=4 -DR=1|2196650|no"
"qr-533-f0|kripke|quorum-replication --param N=5 --param W=3 --param R=3 --param F=0|quorum_replication.pml|-DN=5 -DW=3 -DR=3 -DF=0|23727|yes"
"qr-533-f2|kripke|quorum-replication --param N=5 --param W=3 --param R=3 --param F=2|quorum_replication.pml|-DN=5 -DW=3 -DR=3 -DF=2|379632|no"
)

# SPIN configurations: label | gcc flags for pan.c [| extra spin flags]. All get -O2 -DMEMLIM=16384 (MiB; pan stops
# cleanly instead of swapping) and run with the default DFS depth bound -m10000 (far above every depth here; a run
# that hits it is reported as incomplete) and -w set from the expected state count.
SPIN_CONFIGS=(
"spin dfs -DNOREDUCE|-DSAFETY -DNOREDUCE"
"spin bfs -DNOREDUCE|-DSAFETY -DNOREDUCE -DBFS"
"spin bfs -DNOREDUCE -DHC4|-DSAFETY -DNOREDUCE -DBFS -DHC4"
"spin dfs -DNOREDUCE -DCOLLAPSE|-DSAFETY -DNOREDUCE -DCOLLAPSE"
"spin dfs (POR on)|-DSAFETY"
)

mkdir -p "$OUT"
LOG="$OUT/log.txt"
: >"$LOG"
say() { echo "$*" | tee -a "$LOG" >&2; }

load1() { cut -d' ' -f1 /proc/loadavg; }

if [ "$WAIT_QUIET" -gt 0 ]; then
    waited=0
    while awk -v l="$(load1)" 'BEGIN { exit !(l >= 0.5) }' && [ "$waited" -lt "$WAIT_QUIET" ]; do
        [ $((waited % 60)) -eq 0 ] && say "waiting for a quiet machine: load $(load1)"
        sleep 10; waited=$((waited + 10))
    done
fi

# ---------------------------------------------------------------------------------------------
# Build Kripke (release).
# ---------------------------------------------------------------------------------------------
say "building kripke and kripke-fixtures (release) in $ROOT"
(cd "$ROOT" && swift build -c release --product kripke >>"$LOG" 2>&1 \
            && swift build -c release --product kripke-fixtures >>"$LOG" 2>&1) \
    || { echo "run.sh: swift build failed, see $LOG" >&2; exit 1; }
BIN=$(cd "$ROOT" && swift build -c release --show-bin-path)
KRIPKE_FLAGS=(--json --quiet)
# The help text, read whole: `kripke check --help | grep -q` under pipefail fails at random (grep exits at
# the first match, and kripke's second write then dies of SIGPIPE), which silently dropped these flags.
CHECK_HELP=$("$BIN/kripke" check --help)
# Compare without reductions: pass the switches this build has.
grep -q -- '--no-symmetry' <<<"$CHECK_HELP" && KRIPKE_FLAGS+=(--no-symmetry)
grep -q -- '--no-por' <<<"$CHECK_HELP" && KRIPKE_FLAGS+=(--no-por)
# The Promela models assert the invariants only; the specs' helper lemmas (proof aids) are not compared.
grep -q -- '--no-lemmas' <<<"$CHECK_HELP" && KRIPKE_FLAGS+=(--no-lemmas)
# The Promela models check safety only: leave out the fair-cycle search of the specs' liveness properties.
grep -q -- '--no-liveness' <<<"$CHECK_HELP" && KRIPKE_FLAGS+=(--no-liveness)
# One search thread, like SPIN's verifier: the table compares single-core CPU time.
grep -q -- '--workers' <<<"$CHECK_HELP" && KRIPKE_FLAGS+=(--workers 1)
HAS_SYMMETRY=0
grep -q -- '--no-symmetry' <<<"$CHECK_HELP" && HAS_SYMMETRY=1

# ---------------------------------------------------------------------------------------------
# Configurations to run: one line per (case, configuration) in $OUT/runs.txt:
#   case | label | kind (kripke|spin) | working dir | command...
# ---------------------------------------------------------------------------------------------
RUNS="$OUT/runs.txt"
: >"$RUNS"
BUILDS="$OUT/builds.txt"   # case | label | pan build seconds
: >"$BUILDS"
for entry in "${CASES[@]}"; do
    IFS='|' read -r name exe specargs pml defines expected quick extra <<<"$entry"
    [ "$QUICK" = 1 ] && [ "$quick" != yes ] && continue
    [ -n "$ONLY" ] && [[ "$name" != *"$ONLY"* ]] && continue
    echo "$name|kripke bfs|kripke|$OUT|$BIN/$exe check $specargs ${KRIPKE_FLAGS[*]}" >>"$RUNS"
    if [ "$HAS_SYMMETRY" = 1 ] && [[ "$specargs" == quorum-replication* ]]; then
        # The replicas are declared symmetric: show what Kripke's symmetry reduction buys (SPIN has none).
        sym_flags=("${KRIPKE_FLAGS[@]/--no-symmetry/}")
        echo "$name|kripke bfs +symmetry|kripke|$OUT|$BIN/$exe check $specargs ${sym_flags[*]}" >>"$RUNS"
    fi
    w=$(python3 -c "import math; print(max(10, math.ceil(math.log2($expected)) + 1))")
    configs=("${SPIN_CONFIGS[@]}")
    if [ -n "$extra" ]; then IFS=';' read -r -a more <<<"$extra"; configs+=("${more[@]}"); fi
    for config in "${configs[@]}"; do
        IFS='|' read -r label ccflags spinflags <<<"$config"
        dir="$OUT/$name/$(echo "$label" | tr -c 'A-Za-z0-9\n' '_')"
        rm -rf "$dir"; mkdir -p "$dir"
        cp "$HERE/spin/$pml" "$dir/"
        start=$(date +%s.%N)
        # shellcheck disable=SC2086
        (cd "$dir" && spin $defines ${spinflags:-} -a "$pml" >spin.out 2>&1 \
                   && gcc -O2 -w -DMEMLIM=16384 $ccflags -o pan pan.c >gcc.out 2>&1) \
            || { echo "run.sh: building the SPIN verifier failed in $dir" >&2; exit 1; }
        end=$(date +%s.%N)
        echo "$name|$label|$(python3 -c "print(f'{$end - $start:.2f}')")" >>"$BUILDS"
        echo "$name|$label|spin|$dir|./pan -w$w" >>"$RUNS"
    done
done
say "$(wc -l <"$RUNS") configurations, $REPEAT runs each; built SPIN verifiers in $OUT"

# ---------------------------------------------------------------------------------------------
# Run: rep 1 of every configuration, then rep 2, … (so drift in machine speed hits all alike).
# ---------------------------------------------------------------------------------------------
CSV="$OUT/results.csv"
echo "case,config,rep,states,transitions,search_s,user_s,sys_s,wall_s,maxrss_kb,verdict,load1" >"$CSV"
LOAD_START=$(cat /proc/loadavg)
for rep in $(seq 1 "$REPEAT"); do
    index=0
    while IFS='|' read -r name label kind dir cmd; do
        index=$((index + 1))
        tag="$OUT/run-$index-$rep"
        # shellcheck disable=SC2086
        (cd "$dir" && /usr/bin/time -v -o "$tag.time" $cmd >"$tag.out" 2>"$tag.err") || true
        if [ "$kind" = kripke ]; then
            read -r states transitions search verdict < <(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
s = d.get("stats", {})
print(s.get("states", -1), s.get("transitions", -1), s.get("seconds", -1), d.get("verdict", "error"))' "$tag.out")
        else
            states=$(awk '/states, stored/ { print $1 }' "$tag.out")
            transitions=$(awk '/transitions \(= stored\+matched\)/ { print $1 }' "$tag.out")
            search=$(awk '/pan: elapsed time/ { print $4 }' "$tag.out")
            errors=$(sed -n 's/.*errors: \([0-9]*\).*/\1/p' "$tag.out")
            verdict=holds
            [ "$errors" = 0 ] || verdict="errors:${errors:-?}"
            grep -q -e 'Search not completed' -e 'max search depth too small' "$tag.out" && verdict=incomplete
        fi
        user=$(awk -F': ' '/User time/ { print $2 }' "$tag.time")
        sys=$(awk -F': ' '/System time/ { print $2 }' "$tag.time")
        wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$tag.time")
        rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$tag.time")
        echo "$name,$label,$rep,$states,$transitions,$search,$user,$sys,$wall,$rss,$verdict,$(load1)" >>"$CSV"
        say "rep $rep  $name  $label: $states states, cpu $(python3 -c "print(round($user + $sys, 2))") s, $((rss / 1024)) MiB, $verdict (load $(load1))"
    done <"$RUNS"
done
LOAD_END=$(cat /proc/loadavg)

# ---------------------------------------------------------------------------------------------
# Table: medians per configuration; ratios Kripke (no reduction) / this SPIN configuration.
# ---------------------------------------------------------------------------------------------
python3 - "$CSV" "$BUILDS" "$OUT/results.md" "$LOAD_START" "$LOAD_END" "$REPEAT" "$ROOT" <<'PY'
import csv, statistics, subprocess, sys, datetime, platform
rows = list(csv.DictReader(open(sys.argv[1])))
builds = {(c, l): s for c, l, s in (line.strip().split("|") for line in open(sys.argv[2]) if line.strip())}
out, load_start, load_end, repeat, root = sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6], sys.argv[7]

params = {
    "counter-grid": "N=6 K=9", "ra-n3": "N=3 R=1", "ra-n4": "N=4 R=1",
    "qr-533-f0": "N=5 W=3 R=3 F=0", "qr-533-f2": "N=5 W=3 R=3 F=2",
}
models = {"counter-grid": "counter-grid", "ra-n3": "ricart-agrawala", "ra-n4": "ricart-agrawala",
          "qr-533-f0": "quorum-replication", "qr-533-f2": "quorum-replication"}
groups = {}
for r in rows:
    groups.setdefault((r["case"], r["config"]), []).append(r)

def med(values):
    return statistics.median(values)

summary = {}
for key, runs in groups.items():
    cpu = [float(r["user_s"]) + float(r["sys_s"]) for r in runs]
    summary[key] = {
        "states": runs[0]["states"], "transitions": runs[0]["transitions"],
        "cpu": med(cpu), "cpu_min": min(cpu), "cpu_max": max(cpu),
        "wall": med(float(r["wall_s"]) for r in runs),
        "search": med(float(r["search_s"]) for r in runs),
        "rss": med(int(r["maxrss_kb"]) for r in runs) / 1024,
        "verdicts": sorted({r["verdict"] for r in runs}),
    }

def tool_version(cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, shell=True).stdout.strip().splitlines()[0]
    except Exception:
        return "?"

cores = subprocess.run("nproc", capture_output=True, text=True).stdout.strip()
cpu_model = tool_version("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2").strip()
revision = tool_version("git -C '" + root + "' rev-parse --short HEAD 2>/dev/null") or "?"
started = " ".join(load_start.split()[:3])
ended = " ".join(load_end.split()[:3])
now = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
lines = []
lines.append(f"Date: {now}; machine: {platform.machine()}, {cores} cores, {cpu_model}; "
             f"load average (1, 5, 15 min) at start {started}, at end {ended}")
lines.append(f"Tools: {tool_version('spin -V')}; {tool_version('gcc --version')}; "
             f"{tool_version('swift --version 2>&1')}; Kripke at {revision}")
lines.append(f"{repeat} runs of each row, interleaved. cpu = user + sys seconds of the whole process (both tools are "
             "single-threaded), min and median over the runs; search s = the tool's own search time (median); "
             "states/s = states / search s; RSS = peak resident memory of the process (median). "
             "K/S = Kripke (no reduction) divided by that SPIN row, cpu from the minimum runs (least disturbed by "
             "other load): > 1 means Kripke takes more.")
lines.append("")
lines.append("| model | params | tool, flags | states | transitions | cpu s min | cpu s median | search s | states/s | peak RSS MiB | K/S cpu | K/S RSS | pan build s | verdict |")
lines.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
cases = []
for r in rows:
    if r["case"] not in cases:
        cases.append(r["case"])
for case in cases:
    configs = [k[1] for k in summary if k[0] == case]
    base = summary.get((case, "kripke bfs"))
    for config in configs:
        s = summary[(case, config)]
        rate = f"{int(s['states']) / s['search']:,.0f}" if s["search"] > 0 else "n/a"
        kcpu = krss = ""
        if config.startswith("spin") and base:
            kcpu = f"{base['cpu_min'] / s['cpu_min']:.2f}" if s["cpu_min"] > 0 and base["cpu_min"] > 0 else "n/a"
            krss = f"{base['rss'] / s['rss']:.2f}"
        lines.append(f"| {models.get(case, case)} | {params.get(case, '')} | {config} | {int(s['states']):,} | "
                     f"{int(s['transitions']):,} | {s['cpu_min']:.2f} | {s['cpu']:.2f} | {s['search']:.2f} | {rate} | {s['rss']:.0f} | "
                     f"{kcpu} | {krss} | {builds.get((case, config), '')} | {','.join(s['verdicts'])} |")

# Checks: same states as Kripke for every SPIN row without reduction; every verdict holds.
problems = []
notes = []
for (case, config), s in summary.items():
    base = summary.get((case, "kripke bfs"))
    if s["verdicts"] != ["holds"]:
        problems.append(f"{case} / {config}: verdict {s['verdicts']}")
    if base and config.startswith("spin") and "POR on" not in config and s["states"] != base["states"]:
        missing = f"{case} / {config}: {int(s['states']):,} states, Kripke {int(base['states']):,}"
        if "HC" in config:   # hash compaction may merge distinct states: an approximation by design
            notes.append(missing + " (hash-compaction collisions)")
        else:
            problems.append(missing)
lines.append("")
lines.append("State counts agree (every exact SPIN row without reduction vs Kripke) and every verdict holds."
             if not problems else "PROBLEMS: " + "; ".join(problems))
if notes:
    lines.append("")
    lines.append("Lost to SPIN's hash compaction: " + "; ".join(notes) + ".")
text = "\n".join(lines)
open(out, "w").write(text + "\n")
print(text)
sys.exit(1 if problems else 0)
PY
