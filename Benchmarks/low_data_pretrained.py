#!/usr/bin/env python3
"""Test accuracy at 1,000 labelled examples with and without pretrained vectors (issue 25,
lever 5), and the time pretraining takes against fastText at matched settings.

The labelled protocol is Benchmarks/low_data.py's: 1,000 examples of train.jsonl stratified by
label with seed 42, the full test set, no dev file, `mtl pipeline` with its defaults. Three
runs of mtl on that sample:
  mtl            no vectors
  +mtl pretrain  `model.pretrainedVectors` = a `.bin` that `mtl pretrain` trained on the text
                 (not the labels) of the corpus's whole train.jsonl
  +fastText .bin the same from `fasttext skipgram` on the same text, tokenized by
                 `mtl tokenize` so its words are ours
The pretraining columns use unlabelled text beyond the 1,000 labelled examples: they answer
"what does unlabelled in-domain text buy", not the protocol's question, and are reported
apart. Both pretrainers run on one thread with fastText's skipgram defaults except the
dimension (50, mtl's): 5 epochs, window 5, 5 negatives, minCount 5, n-grams 3-6, 2M buckets,
learning rate 0.05, t = 1e-4.

Usage: Benchmarks/low_data_pretrained.py [--mtl PATH] [--corpora a,b] [--seeds N] [--json F]
Needs scikit-learn (for the stratified sample), Debian's `fasttext`, and the shared corpora.
"""
import os, subprocess, tempfile, time

from benchmark_support import (CORPORA, corpus_parser, corpus_names, mtl_binary,
                               pipeline_report, read_jsonl, write_json, write_jsonl)
from low_data import ISSUE_TABLE, draw_sample

PRETRAINING = {"epochs": 5, "window": 5, "negatives": 5, "minCount": 5, "minn": 3, "maxn": 6,
               "buckets": 2_000_000, "dimension": 50}


def timed(command):
    start = time.monotonic()
    subprocess.run(command, check=True, capture_output=True)
    return time.monotonic() - start


def pretrain_both(mtl, train_file, folder):
    """Trains the two `.bin` files on the text of `train_file`; returns their paths and times."""
    settings = PRETRAINING
    ours = f"{folder}/mtl.bin"
    mtl_seconds = timed([
        mtl, "pretrain", train_file, "--output", ours, "--dimension", str(settings["dimension"]),
        "--epochs", str(settings["epochs"]), "--window", str(settings["window"]),
        "--negatives", str(settings["negatives"]), "--min-count", str(settings["minCount"]),
        "--minn", str(settings["minn"]), "--maxn", str(settings["maxn"]),
        "--buckets", str(settings["buckets"])])
    text = f"{folder}/text.txt"
    with open(text, "w", encoding="utf-8") as handle:
        for record in read_jsonl(train_file):
            handle.write(record["text"].replace("\n", " ") + "\n")
    tokens = f"{folder}/tokens.txt"
    with open(tokens, "w", encoding="utf-8") as handle:
        subprocess.run([mtl, "tokenize", text], check=True, stdout=handle)
    theirs = f"{folder}/fasttext"
    fasttext_seconds = timed([
        "fasttext", "skipgram", "-input", tokens, "-output", theirs, "-thread", "1",
        "-verbose", "0", "-dim", str(settings["dimension"]), "-epoch", str(settings["epochs"]),
        "-ws", str(settings["window"]), "-neg", str(settings["negatives"]),
        "-minCount", str(settings["minCount"]), "-minn", str(settings["minn"]),
        "-maxn", str(settings["maxn"]), "-bucket", str(settings["buckets"])])
    os.remove(f"{theirs}.vec")
    return ours, mtl_seconds, f"{theirs}.bin", fasttext_seconds


def accuracies(mtl, corpus, files, folder, seeds, vectors=None):
    """Test accuracy of `mtl pipeline` for seeds 1..`seeds`, with `vectors` when given."""
    results = []
    for seed in range(1, seeds + 1):
        overrides = [f"training.seed={seed}"]
        if vectors:
            overrides.append(f"model.pretrainedVectors={vectors}")
        report, _ = pipeline_report(mtl, corpus, files, f"{folder}/seed-{seed}", overrides)
        results.append(100 * report["tasks"][corpus]["accuracy"])
    return sum(results) / len(results), results


def run(mtl, corpus, work, seeds):
    source = os.path.join(CORPORA, corpus)
    folder = os.path.join(work, corpus)
    os.makedirs(folder)
    train_file = f"{source}/train.jsonl"
    sample_file = f"{folder}/sample.jsonl"
    write_jsonl(draw_sample(read_jsonl(train_file), 1000), sample_file)
    files = {"train": sample_file, "test": f"{source}/test.jsonl"}
    ours, mtl_seconds, theirs, fasttext_seconds = pretrain_both(mtl, train_file, folder)
    result = {"corpus": corpus, "mtlPretrainSeconds": mtl_seconds,
              "fasttextSkipgramSeconds": fasttext_seconds}
    for key, vectors in [("mtl", None), ("mtlPretrain", ours), ("fasttextBin", theirs)]:
        result[key], result[f"{key}Seeds"] = accuracies(
            mtl, corpus, files, f"{folder}/{key}", seeds, vectors)
    os.remove(ours)
    os.remove(theirs)
    return result


def main():
    parser = corpus_parser(__doc__.split("\n")[0], ISSUE_TABLE)
    parser.add_argument("--seeds", type=int, default=3, help="mtl: the mean of seeds 1..N")
    options = parser.parse_args()
    mtl = mtl_binary(options.mtl)
    print(f"1,000 labelled examples, full test set; test accuracy, mean of seeds "
          f"1-{options.seeds}; pretraining on the text of the whole train.jsonl ({mtl})")
    print(f"  {'corpus':18s} {'mtl':>6s} {'+mtl pretrain':>13s} {'+fastText .bin':>14s}"
          f" {'mtl pretrain s':>14s} {'fasttext s':>10s}")
    results = []
    with tempfile.TemporaryDirectory() as work:
        for corpus in corpus_names(options.corpora):
            r = run(mtl, corpus, work, options.seeds)
            results.append(r)
            print(f"  {corpus:18s} {r['mtl']:6.2f} {r['mtlPretrain']:13.2f} "
                  f"{r['fasttextBin']:14.2f} {r['mtlPretrainSeconds']:14.1f} "
                  f"{r['fasttextSkipgramSeconds']:10.1f}", flush=True)
    keys = ["mtl", "mtlPretrain", "fasttextBin", "mtlPretrainSeconds", "fasttextSkipgramSeconds"]
    mean = {key: sum(r[key] for r in results) / len(results) for key in keys}
    print(f"  {'mean':18s} {mean['mtl']:6.2f} {mean['mtlPretrain']:13.2f} "
          f"{mean['fasttextBin']:14.2f} {mean['mtlPretrainSeconds']:14.1f} "
          f"{mean['fasttextSkipgramSeconds']:10.1f}")
    if options.json:
        write_json(options.json, {"mtl": mtl, "pretraining": PRETRAINING, "corpora": results,
                                  "mean": mean})


if __name__ == "__main__":
    main()
