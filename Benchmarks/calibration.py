#!/usr/bin/env python3
"""Test-set calibration of `mtl pipeline` with its defaults on ag_news, sst2 and trec, before
and after temperature scaling: expected calibration error (ECE), log-loss and Brier score.

Each corpus is trained alone from its raw JSONL (train, dev, test), as
`Benchmarks/accuracy_defaults.py` does, twice: with `--set training.calibrate=false` (before)
and with the defaults, which scale the logits by a fitted temperature (after). The figures
are read from report.json at `tasks.<corpus>.calibration.{ece,logLoss,brier}`.

As an independent check, the script computes ECE itself from `mtl predict --model M` run on
the test texts (one per line; each output line is {"<task>": {"label": …, "probability": …}}):
15 equal-width bins over the top probability, (lo, hi] as in Guo et al. 2017, each bin's
|accuracy − mean confidence| weighted by its share of the test set. The two ECE columns
should agree to about 1e-3 (`mtl predict` prints probabilities to five decimals, which may
move a document across a bin edge). Accuracy is printed too: temperature scaling must not
change it.

Usage: Benchmarks/calibration.py [--corpora ag_news,sst2,trec] [--set key=value ...]
Runs one training at a time. Needs a release build of mtl (built here) and the shared
corpora at ../shared/corpora.
"""
import argparse, json, math, os, subprocess, sys, tempfile

from benchmark_support import CORPORA, release_mtl
CORPORA_DEFAULT = ["ag_news", "sst2", "trec"]
RUNS = {"before": ["--set", "training.calibrate=false"], "after": []}
BINS = 15


def read_jsonl(path):
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def ece(confidences, correct, bins=BINS):
    """Expected calibration error over equal-width bins of the top probability."""
    totals = [[0, 0.0, 0] for _ in range(bins)]  # count, summed confidence, correct
    for confidence, right in zip(confidences, correct):
        index = min(max(math.ceil(confidence * bins) - 1, 0), bins - 1)
        totals[index][0] += 1
        totals[index][1] += confidence
        totals[index][2] += right
    return sum(abs(hits / count - summed / count) * count
               for count, summed, hits in totals if count) / len(confidences)


def write_config(corpus, folder):
    source = os.path.join(CORPORA, corpus)
    config = os.path.join(folder, "config.yaml")
    with open(config, "w", encoding="utf-8") as handle:
        handle.write("\n".join([
            "tasks:", f"  - name: {corpus}", f"    train: {source}/train.jsonl",
            f"    dev: {source}/dev.jsonl", f"    test: {source}/test.jsonl",
            f"output: {{directory: {folder}/out}}"]) + "\n")
    return config


def run(mtl, corpus, folder, extra, overrides, texts, gold):
    os.makedirs(folder, exist_ok=True)
    config = write_config(corpus, folder)
    command = [mtl, "pipeline", config, "--quiet", *extra]
    for override in overrides:
        command += ["--set", override]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{corpus}: mtl pipeline failed\n{result.stderr[-2000:]}")
    with open(os.path.join(folder, "out", "report.json"), encoding="utf-8") as handle:
        task = json.load(handle)["tasks"][corpus]
    calibration = task.get("calibration")
    if calibration is None:
        sys.exit(f"{corpus}: report.json has no tasks.{corpus}.calibration; this mtl predates "
                 "calibration")
    predicted = subprocess.run([mtl, "predict", "--model", os.path.join(folder, "out", "model.mtl"),
                                texts], capture_output=True, text=True)
    if predicted.returncode != 0:
        sys.exit(f"{corpus}: mtl predict failed\n{predicted.stderr[-2000:]}")
    answers = [json.loads(line)[corpus] for line in predicted.stdout.split("\n")[:-1]]
    if len(answers) != len(gold):
        sys.exit(f"{corpus}: {len(answers)} predictions for {len(gold)} test documents")
    correct = [answer["label"] == label for answer, label in zip(answers, gold)]
    return {
        "ece": calibration["ece"], "logLoss": calibration["logLoss"],
        "brier": calibration["brier"], "accuracy": task["accuracy"],
        "ownECE": ece([answer["probability"] for answer in answers], correct),
        "ownAccuracy": sum(correct) / len(correct),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpora", default=",".join(CORPORA_DEFAULT))
    parser.add_argument("--set", action="append", default=[], dest="overrides",
                        help="an extra setting for both runs")
    options = parser.parse_args()
    mtl = release_mtl()
    results = {}
    with tempfile.TemporaryDirectory() as work:
        for corpus in options.corpora.split(","):
            records = read_jsonl(os.path.join(CORPORA, corpus, "test.jsonl"))
            texts = os.path.join(work, f"{corpus}.test.txt")
            with open(texts, "w", encoding="utf-8") as handle:
                for record in records:
                    handle.write(record["text"].replace("\r", " ").replace("\n", " ") + "\n")
            gold = [str(record["label"]) for record in records]
            for name, extra in RUNS.items():
                results[corpus, name] = run(mtl, corpus, os.path.join(work, f"{corpus}-{name}"),
                                            extra, options.overrides, texts, gold)
    settings = " ".join(options.overrides) or "defaults"
    print(f"test calibration of mtl ({settings}), before (training.calibrate=false) and after "
          "temperature scaling")
    print(f"  {'corpus':10s} {'run':6s} {'ECE':>7s} {'own ECE':>7s} {'log-loss':>8s} "
          f"{'Brier':>7s} {'accuracy':>8s}")
    for corpus in options.corpora.split(","):
        for name in RUNS:
            row = results[corpus, name]
            flag = "" if abs(row["ece"] - row["ownECE"]) < 1e-3 else "  ECE DISAGREES"
            if abs(row["accuracy"] - row["ownAccuracy"]) > 1e-6:
                flag += f"  predict accuracy {100 * row['ownAccuracy']:.2f}%"
            print(f"  {corpus:10s} {name:6s} {row['ece']:7.4f} {row['ownECE']:7.4f} "
                  f"{row['logLoss']:8.4f} {row['brier']:7.4f} {100 * row['accuracy']:7.2f}%"
                  f"{flag}")


if __name__ == "__main__":
    main()
