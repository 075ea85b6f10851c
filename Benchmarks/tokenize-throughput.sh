#!/usr/bin/env bash
# Tokenization throughput of `mtl tokenize` (ICU NFKC case folding + ICU word segmentation +
# URL/e-mail detection + offset mapping + writing the tokens), on one core, in MB/s of input
# text, against its limit: a bare C loop over ICU's word break iterator on the same file
# (Benchmarks/icu-wordbreak-loop.c: UTF-8 to UTF-16, ubrk_setText, ubrk_next, nothing else).
#
# Usage: Benchmarks/tokenize-throughput.sh [RUNS]     (default 5 runs per corpus)
#        BASELINE=/path/to/older/mtl Benchmarks/tokenize-throughput.sh [RUNS]
# Reads ../shared/corpora relative to the repository root (override with SHARED_CORPORA).
# Needs a C compiler and ICU's development files (pkg-config icu-uc icu-i18n).
# The programs alternate run by run (the machine's load drifts) on the same pinned core. Per
# corpus it prints each one's median and best rate, by wall time and by CPU time (user + system,
# less sensitive to other jobs on a shared machine), and the ratio of `mtl tokenize` to the bare
# loop: the share of ICU's own speed that tokenization keeps (issue 23's floor: >= 0.85).
# With BASELINE, that binary runs too, its tokens are compared, and its ratio is shown.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
corpora="${SHARED_CORPORA:-../shared/corpora}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

swift build -c release --product mtl >/dev/null
mtl="$(swift build -c release --show-bin-path)/mtl"
# shellcheck disable=SC2046
cc -O2 -o "$work/icu-wordbreak-loop" Benchmarks/icu-wordbreak-loop.c \
  $(pkg-config --cflags --libs icu-uc icu-i18n)

pin=()
if command -v taskset >/dev/null 2>&1; then pin=(taskset -c 0); fi
echo "machine: $(nproc) cores, $(uptime | sed 's/.*load/load/')"

for corpus in ag_news thucnews_titles; do
  if [ ! -d "$corpora/$corpus" ]; then
    echo "missing $corpora/$corpus" >&2
    exit 1
  fi
  # One document per line: the text fields of train, dev and test, newlines flattened.
  python3 -c '
import json, sys
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for path in sys.argv[2:]:
        for line in open(path, encoding="utf-8"):
            out.write(json.loads(line)["text"].replace("\n", " ") + "\n")
' "$work/$corpus.txt" "$corpora/$corpus"/{train,dev,test}.jsonl
  if [ -n "${BASELINE:-}" ]; then
    if ! cmp -s <("$BASELINE" tokenize --format jsonl "$work/$corpus.txt") \
      <("$mtl" tokenize --format jsonl "$work/$corpus.txt"); then
      echo "warning: $corpus: the baseline's tokens or offsets differ from this build's" >&2
    fi
  fi
  # Each program's time: wall clock and the child's CPU time, alternating the order each run.
  python3 - "$corpus" "$work/$corpus.txt" "$runs" "$mtl" "${BASELINE:-}" "$work/icu-wordbreak-loop" \
    "${pin[@]}" <<'PY'
import os, resource, statistics, subprocess, sys, time

corpus, path, runs, mtl, baseline, loop = sys.argv[1:7]
pin = sys.argv[7:]
programs = [("bare ICU loop", [loop, path]), ("mtl tokenize", [mtl, "tokenize", path])]
if baseline:
    programs.append(("baseline", [baseline, "tokenize", path]))
size = os.path.getsize(path) / 1e6

def timed(command):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(pin + command, stdout=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu

for _, command in programs:
    timed(command)  # warm the page cache and ICU's data
walls = {name: [] for name, _ in programs}
cpus = {name: [] for name, _ in programs}
for run in range(int(runs)):
    order = programs if run % 2 == 0 else list(reversed(programs))
    for name, command in order:
        wall, cpu = timed(command)
        walls[name].append(wall)
        cpus[name].append(cpu)
for name, _ in programs:
    print(f"{corpus:16s} {name:14s} {size:5.2f} MB  wall median {size / statistics.median(walls[name]):6.1f} MB/s"
          f" best {size / min(walls[name]):6.1f}  cpu median {size / statistics.median(cpus[name]):6.1f} MB/s"
          f" best {size / min(cpus[name]):6.1f}  ({runs} runs)")
loop_wall = statistics.median(walls["bare ICU loop"])
loop_cpu = statistics.median(cpus["bare ICU loop"])
for name, _ in programs[1:]:
    print(f"{corpus:16s} {name:14s} / bare loop: {loop_wall / statistics.median(walls[name]):.2f}x by wall time,"
          f" {loop_cpu / statistics.median(cpus[name]):.2f}x by CPU time (medians; floor 0.85x)")
# Start-up (loading the Swift runtime, parsing arguments, opening ICU) is paid once per run
# whatever the input: each program's median CPU time on an empty file, and the ratio without it.
empty = path + ".empty"
open(empty, "w").close()
startup = {name: statistics.median(timed([part if part != path else empty for part in command])[1]
                                   for _ in range(int(runs)))
           for name, command in programs}
for name, _ in programs[1:]:
    per_byte = (loop_cpu - startup["bare ICU loop"]) / (statistics.median(cpus[name]) - startup[name])
    print(f"{corpus:16s} {name:14s} start-up {startup[name] * 1000:.1f} ms of CPU (bare loop"
          f" {startup['bare ICU loop'] * 1000:.1f} ms); / bare loop without start-up: {per_byte:.2f}x by CPU time")
PY
done
echo "machine after: $(uptime | sed 's/.*load/load/')"
