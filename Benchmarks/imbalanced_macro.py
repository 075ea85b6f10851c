#!/usr/bin/env python3
"""Test macro-F1 of `mtl` on imbalanced tasks judged by macro-F1, with and without the biases
fitted on dev for the metric (`training.fitBiases`).

Imbalanced corpora: sst2, subj and mpqa with the documents of one label kept at a rate of 10%
(seeded, the same in train, dev and test), so that the rare class is under-predicted as in a
real imbalanced task. Each is trained with `mtl pipeline` defaults and `metric: macroF1`, once
with `training.fitBiases=false` (what main did) and once with the default; the script prints
test macro-F1 and accuracy of both and whether biases were kept.

Usage: Benchmarks/imbalanced_macro.py [--mtl PATH] [--keep 0.1] [--seed 42] [--json FILE]
The corpora come from ../shared/corpora (SHARED_CORPORA overrides); nothing is written into
the checkout.
"""
import argparse, os, random, tempfile

from benchmark_support import (CORPORA, add_mtl_option, mtl_binary, pipeline_report, read_jsonl,
                               write_json, write_jsonl)

RARE = {"sst2": "negative", "subj": "objective", "mpqa": "negative"}


def imbalanced_files(corpus, rare, keep, seed, folder):
    """Writes the corpus's train, dev and test files with `rare` documents kept at `keep`."""
    generator = random.Random(seed)
    files = {}
    for split in ("train", "dev", "test"):
        records = read_jsonl(os.path.join(CORPORA, corpus, f"{split}.jsonl"))
        kept = [r for r in records if r["label"] != rare or generator.random() < keep]
        files[split] = os.path.join(folder, f"{corpus}-{split}.jsonl")
        write_jsonl(kept, files[split])
    return files


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_mtl_option(parser)
    parser.add_argument("--keep", type=float, default=0.1)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--json", metavar="FILE")
    options = parser.parse_args()
    mtl = mtl_binary(options.mtl)
    rows = []
    print(f"{'corpus':8s} {'rare':10s} {'macro-F1 off':>12s} {'macro-F1 on':>11s} {'delta':>6s} "
          f"{'acc off':>7s} {'acc on':>7s}  biases")
    with tempfile.TemporaryDirectory() as work:
        for corpus, rare in RARE.items():
            files = imbalanced_files(corpus, rare, options.keep, options.seed, work)
            scores = {}
            for name, extra in (("off", ["training.fitBiases=false"]), ("on", [])):
                report, _ = pipeline_report(
                    mtl, "t", files, os.path.join(work, f"{corpus}-{name}"),
                    ["tasks.t.metric=macroF1"] + extra)
                scores[name] = report["tasks"]["t"]
            with open(os.path.join(work, f"{corpus}-on", "out", "model.mtl"), "rb") as handle:
                kept = b'"biases"' in handle.read()
            off, on = scores["off"], scores["on"]
            delta = 100 * (on["macroF1"] - off["macroF1"])
            print(f"{corpus:8s} {rare:10s} {100 * off['macroF1']:12.2f} {100 * on['macroF1']:11.2f} "
                  f"{delta:+6.2f} {100 * off['accuracy']:7.2f} {100 * on['accuracy']:7.2f}  "
                  f"{'kept' if kept else 'none'}", flush=True)
            rows.append({"corpus": corpus, "rare": rare, "off": off["macroF1"],
                         "on": on["macroF1"], "accuracyOff": off["accuracy"],
                         "accuracyOn": on["accuracy"], "biasesKept": kept})
    if options.json:
        write_json(options.json, {"mtl": mtl, "keep": options.keep, "rows": rows})


if __name__ == "__main__":
    main()
