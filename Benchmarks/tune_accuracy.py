#!/usr/bin/env python3
"""Test accuracy of `mtl tune --budget B` on single corpora against tuned fastText, in points.

Each corpus is tuned alone on its train and dev files (the test file is read only after the
search, by the tuner's own evaluation), with the seed and every other setting at its
default. The fastText anchors are those of Benchmarks/accuracy_defaults.py.

Usage: Benchmarks/tune_accuracy.py [--budget SECONDS] [--corpora a,b,...]
Needs a release build of mtl (built here) and the shared corpora at ../shared/corpora.
"""
import argparse, json, os, subprocess, sys, tempfile

from accuracy_defaults import FASTTEXT_TUNED
from benchmark_support import CORPORA, release_mtl


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--budget", type=float, default=60)
    parser.add_argument(
        "--corpora", default="twenty_newsgroups,sst2,trec,cr,chnsenticorp_htl")
    options = parser.parse_args()
    mtl = release_mtl()
    print(f"mtl tune --budget {options.budget:g} against tuned fastText")
    print(f"  {'corpus':20s} {'fastText':>8s} {'mtl':>7s} {'delta':>6s} {'trials':>6s}")
    deltas = []
    with tempfile.TemporaryDirectory() as work:
        for corpus in options.corpora.split(","):
            source = os.path.join(CORPORA, corpus)
            config = os.path.join(work, f"{corpus}.yaml")
            with open(config, "w", encoding="utf-8") as handle:
                handle.write(
                    f"tasks:\n  - name: {corpus}\n    train: {source}/train.jsonl\n"
                    f"    dev: {source}/dev.jsonl\n    test: {source}/test.jsonl\n"
                    f"output: {{directory: {work}/{corpus}}}\n")
            result = subprocess.run(
                [mtl, "tune", config, "--budget", str(options.budget), "--quiet"],
                capture_output=True, text=True)
            if result.returncode != 0:
                sys.exit(f"{corpus}: mtl tune failed\n{result.stderr[-2000:]}")
            with open(os.path.join(work, corpus, "tune", "report.json"), encoding="utf-8") as handle:
                accuracy = 100 * json.load(handle)["tasks"][corpus]["accuracy"]
            with open(os.path.join(work, corpus, "tune", "trials.jsonl"), encoding="utf-8") as handle:
                trials = sum(1 for _ in handle)
            anchor = FASTTEXT_TUNED[corpus]
            deltas.append(accuracy - anchor)
            print(f"  {corpus:20s} {anchor:8.1f} {accuracy:7.2f} {accuracy - anchor:+6.2f} "
                  f"{trials:6d}", flush=True)
    print(f"  {'mean':20s} {'':8s} {'':7s} {sum(deltas) / len(deltas):+6.2f}")


if __name__ == "__main__":
    main()
