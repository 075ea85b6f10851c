#!/usr/bin/env python3
"""Test accuracy of `mtl pipeline` with its defaults on every shared single-label corpus,
against tuned fastText, in points.

Each corpus is trained alone from its raw JSONL (train, dev, test; with --no-dev the dev
file is left out), with no setting changed unless given with --set, and scored on its test
file. The fastText anchors are the figures of the accuracy issue: Debian's fastText 0.9.2
tuned on dev over lr {0.1, 0.25, 0.5, 1.0} × epochs {5, 25} × wordNgrams {1, 2}, dim 50
(the two Chinese corpora split into characters for fastText). `Benchmarks/fasttext-grid.sh`
reproduces that grid for any corpus.

Usage: Benchmarks/accuracy_defaults.py [--no-dev] [--set key=value ...] [--corpora a,b]
                                      [--jobs N] [--seeds N]

With --seeds N, each corpus is trained with seeds 1..N and the mean accuracy is reported
(the default seed, 1, alone otherwise), to tell a setting's effect from one seed's luck.
Needs a release build of mtl (built here) and the shared corpora at ../shared/corpora.
"""
import argparse, concurrent.futures, os, tempfile

from benchmark_support import CORPORA, pipeline_report, release_mtl
FASTTEXT_TUNED = {
    "ag_news": 86.6, "sst2": 80.8, "sms_spam": 99.4, "cr": 74.2, "mpqa": 83.2, "subj": 90.4,
    "trec": 89.8, "uci_amazon_cells": 77.7, "uci_imdb": 66.7, "uci_yelp": 76.9,
    "twenty_newsgroups": 76.0, "thucnews_titles": 88.4, "chnsenticorp_htl": 90.1,
}


def run(mtl, corpus, work, use_dev, overrides, seed=None):
    source = os.path.join(CORPORA, corpus)
    folder = os.path.join(work, corpus if seed is None else f"{corpus}-{seed}")
    files = {split: f"{source}/{split}.jsonl" for split in ("train", "test")}
    if use_dev:
        files["dev"] = f"{source}/dev.jsonl"
    if seed is not None:
        overrides = [*overrides, f"training.seed={seed}"]
    report, seconds = pipeline_report(mtl, corpus, files, folder, overrides)
    history = report.get("history") or {}
    return {
        "corpus": corpus, "accuracy": 100 * report["tasks"][corpus]["accuracy"],
        "seconds": seconds, "epochs": len(history.get("epochs", [])),
        "kept": history.get("keptEpoch"),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-dev", action="store_true")
    parser.add_argument("--set", action="append", default=[], dest="overrides")
    parser.add_argument("--corpora", default=",".join(FASTTEXT_TUNED))
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seeds", type=int, default=0)
    options = parser.parse_args()
    mtl = release_mtl()
    corpora = options.corpora.split(",")
    with tempfile.TemporaryDirectory() as work, \
            concurrent.futures.ThreadPoolExecutor(options.jobs) as pool:
        if options.seeds:
            jobs = [(corpus, seed) for corpus in corpora for seed in range(1, options.seeds + 1)]
            runs = list(pool.map(
                lambda job: run(mtl, job[0], work, not options.no_dev, options.overrides,
                                job[1]), jobs))
            results = []
            for corpus in corpora:
                mine = [r for r in runs if r["corpus"] == corpus]
                results.append({
                    "corpus": corpus,
                    "accuracy": sum(r["accuracy"] for r in mine) / len(mine),
                    "seconds": sum(r["seconds"] for r in mine) / len(mine),
                    "epochs": round(sum(r["epochs"] for r in mine) / len(mine)),
                    "kept": None,
                })
        else:
            results = list(pool.map(
                lambda corpus: run(mtl, corpus, work, not options.no_dev, options.overrides),
                corpora))
    settings = " ".join(options.overrides) or "defaults"
    seeds = f", mean of seeds 1-{options.seeds}" if options.seeds else ""
    print(f"mtl {settings}{' (no dev file)' if options.no_dev else ''}{seeds}"
          " against tuned fastText")
    print(f"  {'corpus':20s} {'fastText':>8s} {'mtl':>7s} {'delta':>6s} {'epochs':>6s} "
          f"{'kept':>4s} {'seconds':>7s}")
    deltas = []
    for result in results:
        anchor = FASTTEXT_TUNED[result["corpus"]]
        delta = result["accuracy"] - anchor
        deltas.append(delta)
        print(f"  {result['corpus']:20s} {anchor:8.1f} {result['accuracy']:7.2f} {delta:+6.2f} "
              f"{result['epochs']:6d} {str(result['kept'] or '-'):>4s} {result['seconds']:7.1f}")
    print(f"  {'mean':20s} {'':8s} {'':7s} {sum(deltas) / len(deltas):+6.2f}")


if __name__ == "__main__":
    main()
