#!/usr/bin/env bash
# Peak memory of `mtl train` on a generated ~1 GB JSONL corpus, to check that memory stays
# bounded by the featurized corpus plus the model (the corpus text itself is streamed).
#
# Usage: Benchmarks/large-corpus-memory.sh [SIZE_MB]     (default 1024)
# Reads ../shared/corpora relative to the repository root (override with SHARED_CORPORA);
# writes the corpus to a temporary folder (override with TMPDIR) and deletes it afterwards.
# Prints the corpus size, documents, tokens, vocabulary, model size, peak RSS and the peak
# per token once the model is subtracted.
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb="${1:-1024}"
corpora="${SHARED_CORPORA:-../shared/corpora}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

swift build -c release -j 1 --product mtl >/dev/null
mtl="$(swift build -c release --show-bin-path)/mtl"

# Real English news lines, repeated with variations until the target size: each copy gets
# one of 200,000 extra tokens and a shuffled word order for a third of the copies, so the
# vocabulary and the n-gram buckets keep growing as they would on a real large corpus.
python3 - "$corpora/ag_news/train.jsonl" "$work/large.jsonl" "$size_mb" <<'PY'
import json, random, sys
source, target, size_mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
rows = [json.loads(line) for line in open(source, encoding="utf-8")]
random.seed(7)
limit = size_mb * 1024 * 1024
written = 0
with open(target, "w", encoding="utf-8") as out:
    while written < limit:
        row = random.choice(rows)
        words = row["text"].split()
        if random.random() < 1 / 3:
            random.shuffle(words)
        words.append("variant%d" % random.randrange(200_000))
        line = json.dumps({"text": " ".join(words), "label": row["label"]}) + "\n"
        out.write(line)
        written += len(line.encode("utf-8"))
PY

cat >"$work/large.yaml" <<YAML
tasks: [{name: topic, train: large.jsonl}]
model: {dimension: 50}
features: {wordNgrams: 2, buckets: 1000000}
training: {epochs: 1, threads: 2}
output: {directory: out}
YAML

bytes=$(stat -c %s "$work/large.jsonl")
/usr/bin/time -v "$mtl" train "$work/large.yaml" 2>"$work/stderr.txt" >/dev/null
peak_kb=$(grep "Maximum resident set size" "$work/stderr.txt" | awk '{print $NF}')
elapsed=$(grep "Elapsed (wall clock)" "$work/stderr.txt" | awk '{print $NF}')
read_line=$(grep "^read " "$work/stderr.txt" | head -1)
documents=$(echo "$read_line" | sed -E 's/^read ([0-9]+) documents.*/\1/')
tokens=$(echo "$read_line" | sed -E 's/.* ([0-9]+) tokens.*/\1/')
vocabulary=$(echo "$read_line" | sed -E 's/.*vocabulary ([0-9]+) words.*/\1/')
model_file=$(stat -c %s "$work/out/model.mtl")
python3 - "$bytes" "$documents" "$tokens" "$vocabulary" "$peak_kb" "$model_file" "$elapsed" <<'PY'
import sys
size, documents, tokens, vocabulary, peak_kb, model_file, elapsed = sys.argv[1:]
size, documents, tokens, vocabulary = int(size), int(documents), int(tokens), int(vocabulary)
peak = int(peak_kb) * 1024
# The dense embedding table the trainer holds: (vocabulary + buckets) rows of 50 floats.
model = (vocabulary + 1_000_000) * 50 * 4
print(f"corpus        {size / 2**20:,.0f} MiB, {documents:,} documents, {tokens:,} tokens")
print(f"vocabulary    {vocabulary:,} words")
print(f"model         {model / 2**20:,.0f} MiB in memory (dense), {int(model_file) / 2**20:,.0f} MiB file")
print(f"peak RSS      {peak / 2**20:,.0f} MiB  (wall clock {elapsed})")
print(f"per token     {(peak - model) / tokens:.1f} bytes of peak beyond the model")
print(f"per doc       {(peak - model) / documents:.0f} bytes of peak beyond the model")
PY
