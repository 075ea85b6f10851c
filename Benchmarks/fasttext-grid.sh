#!/usr/bin/env bash
# The reference for the three-task quality floor: Debian's fastText trained on each task
# alone over a small grid (lr ∈ {0.1, 0.25, 0.5, 1}, epochs ∈ {5, 25}, wordNgrams ∈ {1, 2},
# dim 50, one thread), the setting chosen on dev, its test accuracy reported.
#
# fastText gets the text pre-tokenized in its own style (lowercased, punctuation split off),
# and its training file shuffled, as its own scripts do.
#
# Usage: Benchmarks/fasttext-grid.sh        (needs: apt-get install -y fasttext)
set -euo pipefail
cd "$(dirname "$0")/.."
corpora="${SHARED_CORPORA:-../shared/corpora}"
command -v fasttext >/dev/null || { echo "fasttext not found: apt-get install -y fasttext" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for corpus in ag_news sst2 sms_spam; do
  python3 - "$corpora/$corpus" "$work/$corpus" <<'PY'
import json, random, re, sys
source, target = sys.argv[1], sys.argv[2]
def line(record):
    words = re.findall(r"\w+|[^\w\s]", record["text"].lower())
    return "__label__" + str(record["label"]).replace(" ", "_") + " " + " ".join(words) + "\n"
for split in ["train", "dev", "test"]:
    lines = [line(json.loads(row)) for row in open(f"{source}/{split}.jsonl", encoding="utf-8")]
    if split == "train":
        random.Random(1).shuffle(lines)
    open(f"{target}.{split}.txt", "w", encoding="utf-8").writelines(lines)
PY
  best_dev=0; best=""
  for lr in 0.1 0.25 0.5 1.0; do
    for epoch in 5 25; do
      for ngrams in 1 2; do
        fasttext supervised -input "$work/$corpus.train.txt" -output "$work/model" -dim 50 \
          -lr "$lr" -epoch "$epoch" -wordNgrams "$ngrams" -thread 1 -verbose 0 >/dev/null
        dev=$(fasttext test "$work/model.bin" "$work/$corpus.dev.txt" | awk '/^P@1/ {print $2}')
        if python3 -c "import sys; sys.exit(0 if $dev > $best_dev else 1)"; then
          best_dev=$dev
          test=$(fasttext test "$work/model.bin" "$work/$corpus.test.txt" | awk '/^P@1/ {print $2}')
          best="lr $lr epochs $epoch wordNgrams $ngrams: dev $dev test $test"
        fi
        rm -f "$work/model.bin" "$work/model.vec"
      done
    done
  done
  echo "$corpus  $best"
done
