#!/usr/bin/env bash
# Tokenization throughput of `mtl tokenize` (ICU NFKC case folding + ICU word segmentation +
# URL/e-mail detection + writing the tokens), on one core, in MB/s of input text.
#
# Usage: Benchmarks/tokenize-throughput.sh [RUNS]     (default 5 runs per corpus)
#        BASELINE=/path/to/older/mtl Benchmarks/tokenize-throughput.sh [RUNS]
# Reads ../shared/corpora relative to the repository root (override with SHARED_CORPORA).
# Prints the median and best run per corpus. With BASELINE, that binary runs too, alternating
# with this build run by run (the machine's load drifts), and the ratio of the medians is shown.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
corpora="${SHARED_CORPORA:-../shared/corpora}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

swift build -c release --product mtl >/dev/null
mtl="$(swift build -c release --show-bin-path)/mtl"

pin=()
if command -v taskset >/dev/null 2>&1; then pin=(taskset -c 0); fi

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
  bytes=$(stat -c %s "$work/$corpus.txt")
  "${pin[@]}" "$mtl" tokenize "$work/$corpus.txt" >/dev/null  # warm the page cache
  binaries=("$mtl")
  if [ -n "${BASELINE:-}" ]; then
    binaries=("$BASELINE" "$mtl")
    if ! cmp -s <("$BASELINE" tokenize --format jsonl "$work/$corpus.txt") \
      <("$mtl" tokenize --format jsonl "$work/$corpus.txt"); then
      echo "warning: $corpus: the baseline's tokens or offsets differ from this build's" >&2
    fi
  fi
  declare -A times=()
  for run in $(seq "$runs"); do
    # Alternate which binary goes first, so neither always meets the same moment of load.
    order=("${binaries[@]}")
    if [ $((run % 2)) -eq 0 ] && [ "${#binaries[@]}" -eq 2 ]; then order=("${binaries[1]}" "${binaries[0]}"); fi
    for binary in "${order[@]}"; do
      start=$(date +%s.%N)
      "${pin[@]}" "$binary" tokenize "$work/$corpus.txt" >/dev/null
      end=$(date +%s.%N)
      times[$binary]="${times[$binary]:-} $(echo "$end - $start" | bc -l)"
    done
  done
  for binary in "${binaries[@]}"; do
    label="this build"
    if [ "$binary" != "$mtl" ]; then label="baseline"; fi
    # shellcheck disable=SC2086
    python3 -c '
import statistics, sys
name, label, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
times = sorted(float(t) for t in sys.argv[4:])
mb = size / 1e6
print(f"{name:16s} {label:10s} {mb:6.2f} MB  median {mb / statistics.median(times):6.1f} MB/s  "
      f"best {mb / times[0]:6.1f} MB/s  ({len(times)} runs)")
' "$corpus" "$label" "$bytes" ${times[$binary]}
  done
  if [ "${#binaries[@]}" -eq 2 ]; then
    # shellcheck disable=SC2086
    python3 -c '
import statistics, sys
old, new = sys.argv[1].split(), sys.argv[2].split()
ratio = statistics.median(map(float, old)) / statistics.median(map(float, new))
print(f"{sys.argv[3]:16s} speed-up   {ratio:.2f}x (median time of the baseline / this build)")
' "${times[$BASELINE]}" "${times[$mtl]}" "$corpus"
  fi
  unset times
done
