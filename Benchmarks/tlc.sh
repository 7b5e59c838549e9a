#!/usr/bin/env bash
# Benchmarks/tlc.sh — Kripke's explorer side by side with TLC, on TLA+ models in Benchmarks/tlc/
# that have exactly the reachable states of the Kripke specs.
#
# Usage: Benchmarks/tlc.sh [--repeat N] [--quick] [--only TEXT] [--no-build]
#   --repeat N   runs per row (default 3), interleaved: run 1 of every row, then run 2, …
#   --quick      only the small cases (seconds; checks the harness and the models)
#   --only TEXT  only the cases whose name contains TEXT (ewd840-n6, counter-grid, token-ring-n5, …)
#   --no-build   use the release binaries already in .build (else: swift build -c release)
#
# Needs TLC: the public tla2tools.jar from https://github.com/tlaplus/tlaplus/releases (any 1.8+
# / 2.x release; measured with "TLC2 Version 2.20"), at $TLC_JAR (default /work/tlc/tla2tools.jar),
# and Java 11+ (`java` on PATH or $JAVA). The jar is third-party and not in this repository.
# GNU /usr/bin/time for peak RSS (apt-get install -y time); without it RSS is n/a.
#
# Writes to Benchmarks/out/tlc/ (ignored by git): every run's output, results.csv (every run,
# with the load average) and results.md (the table). Exits non-zero if a state count or a
# verdict disagrees between the tools. Not part of `swift test` or CI.
#
# Kripke runs `check <spec> --quiet --no-por --no-symmetry --no-lemmas --workers 1` (text output:
# the safety search time and the liveness search time are both printed there); TLC runs
# `-workers 1 -fp 0 -seed 0 -lncheck final -noGenerateSpecTE` (+ `-deadlock` where Kripke declares
# every state a valid end state). TLC's phase times come from time-stamping its output lines
# (it prints only whole seconds itself): safety = "Computing initial states..." to the end of the
# breadth-first search, liveness = "Checking temporal properties for the complete state space" to
# "Finished checking temporal properties". Whole-process wall time includes the JVM's start.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=${KRIPKE_ROOT:-$(dirname "$HERE")}
OUT=${BENCH_OUT:-$HERE/out/tlc}
TLC_JAR=${TLC_JAR:-/work/tlc/tla2tools.jar}
JAVA=${JAVA:-java}
# TLC's recommended collector (it warns without it); the heap is the JVM default (1/4 of RAM).
TLC_JAVA_OPTS=${TLC_JAVA_OPTS:--XX:+UseParallelGC}
REPEAT=3
QUICK=0
ONLY=""
BUILD=1

while [ $# -gt 0 ]; do
    case "$1" in
        --repeat) REPEAT=$2; shift 2 ;;
        --quick) QUICK=1; shift ;;
        --only) ONLY=$2; shift 2 ;;
        --no-build) BUILD=0; shift ;;
        -h|--help) sed -n '2,27p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "tlc.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    esac
done

if [ ! -f "$TLC_JAR" ]; then
    cat >&2 <<EOF
tlc.sh: TLC not found at '$TLC_JAR'.
  Download the public tla2tools.jar from https://github.com/tlaplus/tlaplus/releases
  (e.g. https://github.com/tlaplus/tlaplus/releases/latest/download/tla2tools.jar)
  and point TLC_JAR at it: TLC_JAR=/path/to/tla2tools.jar Benchmarks/tlc.sh
EOF
    exit 1
fi
command -v "$JAVA" >/dev/null || { echo "tlc.sh: '$JAVA' not found (install Java 11+, or set JAVA)" >&2; exit 1; }
command -v python3 >/dev/null || { echo "tlc.sh: python3 not found" >&2; exit 1; }

mkdir -p "$OUT"
if [ "$BUILD" = 1 ]; then
    echo "building kripke and kripke-fixtures (release) in $ROOT" >&2
    (cd "$ROOT" && swift build -c release --product kripke >"$OUT/build.log" 2>&1 \
                && swift build -c release --product kripke-fixtures >>"$OUT/build.log" 2>&1) \
        || { echo "tlc.sh: swift build failed, see $OUT/build.log" >&2; exit 1; }
fi
BIN=$(cd "$ROOT" && swift build -c release --show-bin-path)

exec python3 - "$HERE" "$ROOT" "$OUT" "$BIN" "$TLC_JAR" "$JAVA" "$TLC_JAVA_OPTS" "$REPEAT" "$QUICK" "$ONLY" <<'PY'
import csv, datetime, os, platform, re, shutil, statistics, subprocess, sys, time

here, root, out, bindir, jar, java, java_opts, repeat, quick, only = sys.argv[1:]
repeat, quick = int(repeat), quick == "1"
tlcdir = os.path.join(here, "tlc")
have_time = os.access("/usr/bin/time", os.X_OK)

# ---------------------------------------------------------------------------------------------
# Cases: name, Kripke spec, parameters, TLA+ module, cfg, liveness checked?, deadlock off in
# TLC?, quick?, workers. Each liveness case also gets a "safety only" twin (Kripke
# --no-liveness, TLC's <Module>_safety.cfg without PROPERTY): with a PROPERTY, TLC's search also
# builds the behaviour graph, so its safety phase is not the same work as without one.
# ---------------------------------------------------------------------------------------------
def case(name, spec, params, module, live, no_deadlock=False, quick=False, workers=1, exe="kripke"):
    return dict(name=name, spec=spec, params=params, module=module, live=live,
                no_deadlock=no_deadlock, quick=quick, workers=workers, exe=exe)

CASES = [
    case("ewd840-n4", "ewd840", {"N": 4}, "EWD840", True, quick=True),
    case("ewd840-n6", "ewd840", {"N": 6}, "EWD840", True),
    case("ewd840-n7", "ewd840", {"N": 7}, "EWD840", True),
    case("counter-grid-n4", "counter-grid", {"N": 4, "K": 9}, "CounterGrid", False, no_deadlock=True,
         quick=True, exe="kripke-fixtures"),
    case("counter-grid", "counter-grid", {"N": 6, "K": 9}, "CounterGrid", False, no_deadlock=True,
         exe="kripke-fixtures"),
    case("counter-grid-w2", "counter-grid", {"N": 6, "K": 9}, "CounterGrid", False, no_deadlock=True,
         workers=2, exe="kripke-fixtures"),
    case("token-ring-n3", "token-ring", {"N": 3, "R": 2}, "TokenRing", True, quick=True),
    case("token-ring-n5", "token-ring", {"N": 5, "R": 3}, "TokenRing", True),
    case("ricart-agrawala-n3r1", "ricart-agrawala", {"N": 3, "R": 1}, "RicartAgrawala", True, quick=True),
    case("ricart-agrawala-n3r2", "ricart-agrawala", {"N": 3, "R": 2}, "RicartAgrawala", True),
]
if os.environ.get("TLC_BENCH_BIG"):   # 10 M states: minutes per TLC run
    CASES.append(case("counter-grid-n7", "counter-grid", {"N": 7, "K": 9}, "CounterGrid", False,
                      no_deadlock=True, exe="kripke-fixtures"))

def load1():
    return open("/proc/loadavg").read().split()[0]

# One run = (case, mode, tool). mode: "safety" or "safety+liveness".
runs = []
for c in CASES:
    if quick and not c["quick"]:
        continue
    if only and only not in c["name"]:
        continue
    modes = ["safety", "safety+liveness"] if c["live"] else ["safety"]
    for mode in modes:
        for tool in ("kripke", "tlc"):
            runs.append((c, mode, tool))
if not runs:
    sys.exit("tlc.sh: no case selected")

def params_text(c):
    return " ".join(f"{k}={v}" for k, v in c["params"].items())

def run_dir(c, mode, tool, rep):
    d = os.path.join(out, f'{c["name"]}-{mode.replace("+", "-")}-{tool}-w{c["workers"]}-{rep}')
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    return d

def command(c, mode, tool, d):
    if tool == "kripke":
        cmd = [os.path.join(bindir, c["exe"]), "check", c["spec"]]
        for k, v in c["params"].items():
            cmd += ["--param", f"{k}={v}"]
        cmd += ["--quiet", "--no-por", "--no-symmetry", "--no-lemmas", "--workers", str(c["workers"])]
        if mode == "safety" and c["live"]:
            cmd.append("--no-liveness")
        return cmd
    module = c["module"]
    cfg_name = module + ("_safety" if (c["live"] and mode == "safety") else "") + ".cfg"
    text = open(os.path.join(tlcdir, cfg_name)).read()
    for k, v in c["params"].items():
        text, n = re.subn(rf"(?m)^CONSTANT {k} = .*$", f"CONSTANT {k} = {v}", text)
        assert n == 1, f"{cfg_name}: no line 'CONSTANT {k} = …'"
    shutil.copy(os.path.join(tlcdir, module + ".tla"), d)
    open(os.path.join(d, "MC.cfg"), "w").write(text)
    cmd = [java] + java_opts.split() + ["-cp", jar, "tlc2.TLC", "-workers", str(c["workers"]),
                                         "-fp", "0", "-seed", "0", "-lncheck", "final", "-noGenerateSpecTE",
                                         "-metadir", os.path.join(d, "states"), "-config", "MC.cfg"]
    if c["no_deadlock"]:
        cmd.append("-deadlock")
    return cmd + [module + ".tla"]

def timed(cmd, d):
    """Runs cmd in d, stamping each output line with its arrival time (s since start)."""
    tfile = os.path.join(d, "time.txt")
    full = (["/usr/bin/time", "-v", "-o", tfile] if have_time else []) + cmd
    start = time.monotonic()
    proc = subprocess.Popen(full, cwd=d, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
    lines = []
    for line in proc.stdout:
        lines.append((time.monotonic() - start, line.rstrip("\n")))
    rc = proc.wait()
    wall = time.monotonic() - start
    with open(os.path.join(d, "output.txt"), "w") as f:
        for t, line in lines:
            f.write(f"{t:9.3f} {line}\n")
    rss = cpu = None
    if have_time and os.path.exists(tfile):
        tv = open(tfile).read()
        m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", tv)
        rss = int(m.group(1)) / 1024 if m else None
        u = re.search(r"User time \(seconds\): ([\d.]+)", tv)
        s = re.search(r"System time \(seconds\): ([\d.]+)", tv)
        cpu = float(u.group(1)) + float(s.group(1)) if u and s else None
    return rc, lines, wall, cpu, rss

def parse_kripke(rc, lines):
    text = "\n".join(l for _, l in lines)
    m = re.search(r"^Result: (\w+)", text, re.M)
    verdict = {"HOLDS": "holds"}.get(m.group(1), m.group(1).lower()) if m else f"error(rc={rc})"
    m = re.search(r"^States: (\d+)", text, re.M)
    states = int(m.group(1)) if m else None
    m = re.search(r"^States: .*\btime: ([\d.]+) s", text, re.M)
    safety = float(m.group(1)) if m else None
    m = re.search(r"^Liveness: .* in ([\d.]+) s", text, re.M)
    live = float(m.group(1)) if m else None
    return states, verdict, safety, live

def parse_tlc(rc, lines):
    states = verdict = None
    t_init = t_bfs_end = t_live0 = t_live1 = None
    for t, l in lines:
        if l.startswith("Computing initial states"):
            t_init = t
        elif "temporal properties for the complete state space" in l and t_live0 is None:
            t_live0 = t
        elif l.startswith("Finished checking temporal properties"):
            t_live1 = t
        elif l.startswith("Model checking completed"):
            verdict = "holds" if "No error has been found" in l else "error"
            if t_bfs_end is None and t_live0 is None:
                t_bfs_end = t
        elif re.match(r"Error: |Error: Deadlock|Error: Invariant|Error: Temporal", l):
            verdict = "violated" if ("Invariant" in l or "Deadlock" in l or "Temporal" in l) else "error"
        m = re.match(r"^(\d+) states generated, (\d+) distinct states found, 0 states left on queue", l)
        if m:
            states = int(m.group(2))
    if t_live0 is not None:
        t_bfs_end = t_live0
    safety = t_bfs_end - t_init if (t_init is not None and t_bfs_end is not None) else None
    live = t_live1 - t_live0 if (t_live0 is not None and t_live1 is not None) else None
    if verdict is None:
        verdict = f"error(rc={rc})"
    return states, verdict, safety, live

def fmt(v, digits=2):
    return "n/a" if v is None else f"{v:.{digits}f}"

# ---------------------------------------------------------------------------------------------
# Run, interleaved.
# ---------------------------------------------------------------------------------------------
csv_path = os.path.join(out, "results.csv")
fields = ["case", "model", "params", "mode", "tool", "workers", "rep", "states", "verdict", "safety_s",
          "liveness_s", "wall_s", "cpu_s", "rss_mib", "load1"]
rows = []
load_start = open("/proc/loadavg").read().split()[:3]
print(f"{len(runs)} configurations, {repeat} runs each, interleaved; output in {out}", file=sys.stderr)
for rep in range(1, repeat + 1):
    for c, mode, tool in runs:
        d = run_dir(c, mode, tool, rep)
        rc, lines, wall, cpu, rss = timed(command(c, mode, tool, d), d)
        states, verdict, safety, live = (parse_kripke if tool == "kripke" else parse_tlc)(rc, lines)
        shutil.rmtree(os.path.join(d, "states"), ignore_errors=True)   # TLC's disk queue and fingerprints
        row = dict(case=c["name"], model=c["spec"], params=params_text(c), mode=mode, tool=tool,
                   workers=c["workers"], rep=rep, states=states, verdict=verdict, safety_s=safety,
                   liveness_s=live, wall_s=round(wall, 3), cpu_s=cpu, rss_mib=None if rss is None else round(rss, 1),
                   load1=load1())
        rows.append(row)
        print(f"rep {rep}  {c['name']:22} {mode:16} {tool:6} w{c['workers']}: {states} states, {verdict}, "
              f"safety {fmt(safety)} s, liveness {fmt(live)} s, wall {wall:.2f} s, rss {row['rss_mib']} MiB (load {row['load1']})",
              file=sys.stderr)
with open(csv_path, "w", newline="") as f:
    w = csv.DictWriter(f, fieldnames=fields)
    w.writeheader()
    w.writerows(rows)
load_end = open("/proc/loadavg").read().split()[:3]

# ---------------------------------------------------------------------------------------------
# Table: medians per (case, mode, tool); ratios Kripke / TLC from the medians of the same run.
# ---------------------------------------------------------------------------------------------
def med(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None

groups = {}
for r in rows:
    groups.setdefault((r["case"], r["mode"], r["tool"]), []).append(r)
summary = {}
for key, rs in groups.items():
    summary[key] = dict(states=sorted({r["states"] for r in rs}, key=str), verdicts=sorted({r["verdict"] for r in rs}),
                        safety=med(r["safety_s"] for r in rs), live=med(r["liveness_s"] for r in rs),
                        wall=med(r["wall_s"] for r in rs), cpu=med(r["cpu_s"] for r in rs),
                        rss=med(r["rss_mib"] for r in rs), params=rs[0]["params"], model=rs[0]["model"],
                        workers=rs[0]["workers"])

def ratio(a, b):
    # n/a where either side is missing or below Kripke's 10 ms print resolution
    if a is None or b is None or a < 0.005 or b <= 0:
        return "n/a"
    return f"{a / b:.2g}" if a / b < 0.1 else f"{a / b:.2f}"

def first_line(cmd):
    try:
        r = subprocess.run(cmd, shell=True, capture_output=True, text=True)
        return (r.stdout + r.stderr).strip().splitlines()[0]
    except Exception:
        return "?"

tlc_version = "?"
for c, mode, tool in runs:
    if tool == "tlc":
        p = os.path.join(out, f'{c["name"]}-{mode.replace("+", "-")}-tlc-w{c["workers"]}-1', "output.txt")
        if os.path.exists(p):
            m = re.search(r"TLC2 Version [^\n]*", open(p).read())
            tlc_version = m.group(0) if m else "?"
        break
cpu_model = first_line("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2")
revision = first_line(f"git -C '{root}' rev-parse --short HEAD")
dirty = subprocess.run(["git", "-C", root, "status", "--porcelain", "--untracked-files=no"],
                       capture_output=True, text=True).stdout.strip()
lines = []
lines.append(f"Date: {datetime.datetime.now():%Y-%m-%d %H:%M}; machine: {platform.machine()}, {os.cpu_count()} cores, "
             f"{cpu_model.strip()}; load average (1, 5, 15 min) at start {' '.join(load_start)}, at end {' '.join(load_end)}")
lines.append(f"Tools: Kripke at {revision}{' (with uncommitted changes)' if dirty else ''} (release); {tlc_version}; "
             f"{first_line(java + ' -version 2>&1')}; JVM options {java_opts}")
lines.append(f"{repeat} runs of each row, interleaved (run 1 of every row, then run 2, …); medians. safety s / liveness s = "
             "the tool's own search phases (TLC: from its time-stamped output lines); wall s = the whole process "
             "(TLC: JVM start and parsing included); cpu s = user + sys of the whole process (the JVM's JIT and GC "
             "threads included); RSS = peak resident memory. K/T = Kripke / TLC from the medians: < 1 means Kripke "
             "takes less.")
lines.append("")
lines.append("| model | params | checked | tool | workers | states | safety s | liveness s | wall s | cpu s | peak RSS MiB | K/T safety | K/T liveness | K/T wall | K/T RSS |")
lines.append("|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
problems = []
seen = []
for c, mode, tool in runs:
    if (c["name"], mode) in seen:
        continue
    seen.append((c["name"], mode))
    k, t = summary.get((c["name"], mode, "kripke")), summary.get((c["name"], mode, "tlc"))
    for tool_name, s in (("kripke", k), ("tlc", t)):
        if s is None:
            continue
        states = s["states"][0] if len(s["states"]) == 1 and s["states"][0] is not None else "/".join(map(str, s["states"]))
        states_text = f"{states:,}" if isinstance(states, int) else states
        rk = dict(safety="", live="", wall="", rss="")
        if tool_name == "tlc" and k:
            rk = dict(safety=ratio(k["safety"], s["safety"]), live=ratio(k["live"], s["live"]) if mode != "safety" else "",
                      wall=ratio(k["wall"], s["wall"]), rss=ratio(k["rss"], s["rss"]))
        live = fmt(s["live"]) if mode != "safety" else ""
        lines.append(f"| {s['model']} | {s['params']} | {mode} | {tool_name} | {s['workers']} | {states_text} | "
                     f"{fmt(s['safety'])} | {live} | {fmt(s['wall'])} | {fmt(s['cpu'])} | {fmt(s['rss'], 0)} | "
                     f"{rk['safety']} | {rk['live']} | {rk['wall']} | {rk['rss']} |")
    if k and t:
        if len(k["states"]) != 1 or k["states"] != t["states"] or k["states"][0] is None:
            problems.append(f"{c['name']} {mode}: states Kripke {k['states']} vs TLC {t['states']}")
        if k["verdicts"] != t["verdicts"] or k["verdicts"] != ["holds"]:
            problems.append(f"{c['name']} {mode}: verdicts Kripke {k['verdicts']} vs TLC {t['verdicts']}")
lines.append("")
lines.append("State counts (distinct states) agree between Kripke and TLC on every row, and every verdict is 'holds'."
             if not problems else "PROBLEMS: " + "; ".join(problems))
text = "\n".join(lines)
open(os.path.join(out, "results.md"), "w").write(text + "\n")
print(text)
sys.exit(1 if problems else 0)
PY
