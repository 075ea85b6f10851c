#!/usr/bin/env bash
# Tokenization throughput of `mtl tokenize` (ICU NFKC case folding + ICU word segmentation +
# URL/e-mail detection + writing the tokens), on one core, in MB/s of input text.
#
# Usage: Benchmarks/tokenize-throughput.sh [RUNS]     (default 5 runs per corpus)
# Reads ../shared/corpora relative to the repository root (override with SHARED_CORPORA).
# Prints the median and best run per corpus.
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
  times=()
  for _ in $(seq "$runs"); do
    start=$(date +%s.%N)
    "${pin[@]}" "$mtl" tokenize "$work/$corpus.txt" >/dev/null
    end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc -l)")
  done
  python3 -c '
import statistics, sys
name, size = sys.argv[1], int(sys.argv[2])
times = sorted(float(t) for t in sys.argv[3:])
mb = size / 1e6
print(f"{name:16s} {mb:6.2f} MB  median {mb / statistics.median(times):6.1f} MB/s  "
      f"best {mb / times[0]:6.1f} MB/s  ({len(times)} runs)")
' "$corpus" "$bytes" "${times[@]}"
done
