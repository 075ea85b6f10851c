#!/usr/bin/env bash
# Peak memory of `mtl train` on a generated large JSONL corpus, side by side with Debian's
# `fasttext supervised` on the same corpus and settings, to check that memory stays flat in
# the corpus size: a corpus larger than `training.memoryBudget` is cached on disk in shards.
#
# Usage: Benchmarks/large-corpus-memory.sh [SIZE_MB ...]     (default 1024)
#   SIZE_MB     one run per size, e.g. `1024 4096`; the last line compares each size's peak
#               with the first's.
#   NO_FASTTEXT=1  skip fastText (it takes far longer than mtl on the same corpus).
# Reads ../shared/corpora relative to the repository root (override with SHARED_CORPORA);
# writes the corpus to a temporary folder (override with TMPDIR) and deletes it afterwards.
# Prints, per size: the corpus, the vocabulary, the model, each tool's peak RSS and wall
# clock, and the ratio of the peaks.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-1024}")
corpora="${SHARED_CORPORA:-../shared/corpora}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

swift build -c release -j 1 --product mtl >/dev/null
mtl="$(swift build -c release --show-bin-path)/mtl"

# Real English news lines, repeated with variations until the target size: each copy gets
# one of 200,000 extra tokens and a shuffled word order for a third of the copies, so the
# vocabulary and the n-gram buckets keep growing as they would on a real large corpus. The
# same lines are written in fastText's format for fastText.
generate() {
  python3 - "$corpora/ag_news/train.jsonl" "$work/large.jsonl" "$work/large.txt" "$1" <<'PY'
import json, random, sys
source, target, fasttext, size_mb = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
rows = [json.loads(line) for line in open(source, encoding="utf-8")]
random.seed(7)
limit = size_mb * 1024 * 1024
written = 0
with open(target, "w", encoding="utf-8") as out, open(fasttext, "w", encoding="utf-8") as ft:
    while written < limit:
        row = random.choice(rows)
        words = row["text"].split()
        if random.random() < 1 / 3:
            random.shuffle(words)
        words.append("variant%d" % random.randrange(200_000))
        line = json.dumps({"text": " ".join(words), "label": row["label"]}) + "\n"
        out.write(line)
        ft.write("__label__%s %s\n" % (str(row["label"]).replace(" ", "_"), " ".join(words)))
        written += len(line.encode("utf-8"))
PY
}

cat >"$work/large.yaml" <<YAML
tasks: [{name: topic, train: large.jsonl}]
model: {dimension: 50}
features: {wordNgrams: 2, buckets: 1000000}
training: {epochs: 1, threads: 2}
output: {directory: out}
YAML

peak_mib() { grep "Maximum resident set size" "$1" | awk '{printf "%.0f", $NF / 1024}'; }
wall() { grep "Elapsed (wall clock)" "$1" | awk '{print $NF}'; }

first_peak=""
summary=()
for size_mb in "${sizes[@]}"; do
  generate "$size_mb"
  rm -rf "$work/out"
  /usr/bin/time -v "$mtl" train "$work/large.yaml" 2>"$work/mtl.txt" >/dev/null
  mtl_peak=$(peak_mib "$work/mtl.txt")
  read_line=$(grep "^read " "$work/mtl.txt" | head -1)
  documents=$(echo "$read_line" | sed -E 's/^read ([0-9]+) documents.*/\1/')
  tokens=$(echo "$read_line" | sed -E 's/.* ([0-9]+) tokens.*/\1/')
  vocabulary=$(echo "$read_line" | sed -E 's/.*vocabulary ([0-9]+) words.*/\1/')
  model_file=$(stat -c %s "$work/out/model.mtl")
  echo "corpus        $size_mb MiB, $documents documents, $tokens tokens"
  echo "vocabulary    $vocabulary words; model file $((model_file / 1048576)) MiB"
  echo "mtl           peak RSS $mtl_peak MiB  (wall clock $(wall "$work/mtl.txt"))"
  if [[ "${NO_FASTTEXT:-0}" != 1 ]]; then
    /usr/bin/time -v fasttext supervised -input "$work/large.txt" -output "$work/ft" \
      -dim 50 -wordNgrams 2 -bucket 1000000 -epoch 1 -thread 2 -verbose 0 \
      2>"$work/fasttext.txt" >/dev/null
    ft_peak=$(peak_mib "$work/fasttext.txt")
    echo "fastText      peak RSS $ft_peak MiB  (wall clock $(wall "$work/fasttext.txt"))"
    python3 -c "print(f'ratio         mtl / fastText peak = {$mtl_peak / $ft_peak:.2f}')"
    rm -f "$work"/ft.bin "$work"/ft.vec
  fi
  first_peak="${first_peak:-$mtl_peak}"
  summary+=("$size_mb MiB: $mtl_peak MiB")
  rm -f "$work/large.jsonl" "$work/large.txt"
done
if (( ${#sizes[@]} > 1 )); then
  for line in "${summary[@]}"; do
    peak=${line##*: }
    python3 -c "print(f'growth        {\"$line\"} = {${peak% MiB} / $first_peak:.2f}x the first size')"
  done
fi
