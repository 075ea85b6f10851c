#!/usr/bin/env python3
"""Checks that two `mtl` binaries write the same bytes: for refactorings that must not change
a model.

  Benchmarks/model_identity.py OLD/mtl NEW/mtl

Trains three configurations on one thread with each binary, quantizes two of the models and
predicts with two, then prints the MD5 of every model, vocabulary and prediction file and
whether the two binaries agree:
- `corpora/default.yaml`: three single-label tasks, character n-grams, balanced class weights;
- multi-label: GoEmotions' emotion (tuned thresholds) and sentiment lists, 4,000 training lines;
- heads: a hierarchical-softmax topic task, a sampled-softmax 20-newsgroups task (3,000 lines)
  and a balanced sentiment task, with AdaGrad and 1,000 private buckets per task.
The quantized models are `--target-size 300kB --retrain` of the default model and
`--cutoff 2000` of the heads model. Needs the shared corpora (SHARED_CORPORA overrides where).
Exits 1 when any file differs.
"""
import argparse, hashlib, os, subprocess, sys, tempfile

from benchmark_support import CORPORA, ROOT


def head(source, lines, destination):
    with open(source, encoding="utf-8") as reader, open(destination, "w", encoding="utf-8") as out:
        for number, line in enumerate(reader):
            if number == lines:
                break
            out.write(line)


def write_configurations(folder):
    goemotions, newsgroups = (os.path.join(CORPORA, name) for name in ("goemotions", "twenty_newsgroups"))
    head(os.path.join(goemotions, "train.jsonl"), 4000, os.path.join(folder, "ge-train.jsonl"))
    head(os.path.join(goemotions, "dev.jsonl"), 800, os.path.join(folder, "ge-dev.jsonl"))
    head(os.path.join(newsgroups, "train.jsonl"), 3000, os.path.join(folder, "ng-train.jsonl"))
    head(os.path.join(newsgroups, "test.jsonl"), 500, os.path.join(folder, "ng-test.jsonl"))
    corpora = os.path.join(ROOT, "corpora")
    with open(os.path.join(folder, "multilabel.yaml"), "w") as out:
        out.write(
            "tasks:\n"
            "  - {name: emotion, type: multiLabel, thresholds: tuned, labelsField: labels,\n"
            "     train: ge-train.jsonl, dev: ge-dev.jsonl, test: ge-dev.jsonl}\n"
            "  - {name: sentiment, type: multiLabel, labelsField: labels,\n"
            "     train: ge-train.jsonl, dev: ge-dev.jsonl, test: ge-dev.jsonl}\n"
            "training: {epochs: 5}\n")
    with open(os.path.join(folder, "heads.yaml"), "w") as out:
        out.write(
            "tasks:\n"
            f"  - {{name: topic, loss: hierarchical, train: {corpora}/topic/train.jsonl,\n"
            f"     test: {corpora}/topic/test.jsonl}}\n"
            "  - {name: newsgroup, loss: sampled, train: ng-train.jsonl, test: ng-test.jsonl}\n"
            f"  - {{name: sentiment, classWeighting: balanced, train: {corpora}/sentiment/train.jsonl,\n"
            f"     test: {corpora}/sentiment/test.jsonl}}\n"
            "training: {epochs: 4, optimizer: adagrad}\n"
            "model: {privateBuckets: 1000}\n")


def run_all(binary, folder, output):
    def mtl(*arguments, stdout=None):
        subprocess.run([binary, *arguments], check=True, stdout=stdout or subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)

    configurations = {
        "default": os.path.join(ROOT, "corpora", "default.yaml"),
        "multilabel": os.path.join(folder, "multilabel.yaml"),
        "heads": os.path.join(folder, "heads.yaml"),
    }
    files = []
    for name, configuration in configurations.items():
        directory = os.path.join(output, name)
        mtl("pipeline", configuration, "--set", f"output.directory={directory}",
            "--set", f"output.vocabularyCopy={directory}-copy.tsv",
            "--set", "training.threads=1", "--quiet")
        files += [f"{name}/model.mtl", f"{name}/vocabulary.tsv"]
    mtl("quantize", os.path.join(output, "default", "model.mtl"), "--output",
        os.path.join(output, "quantized-retrained.mtl"), "--target-size", "300kB", "--retrain",
        "--config", configurations["default"])
    mtl("quantize", os.path.join(output, "heads", "model.mtl"), "--output",
        os.path.join(output, "quantized-cutoff.mtl"), "--cutoff", "2000")
    files += ["quantized-retrained.mtl", "quantized-cutoff.mtl"]
    for name, model, texts, extra in (
        ("predict-heads.txt", "heads", os.path.join(ROOT, "corpora", "topic", "test.jsonl"), ["--top-k", "2"]),
        ("predict-multilabel.txt", "multilabel", os.path.join(folder, "ge-dev.jsonl"), []),
    ):
        with open(os.path.join(output, name), "w") as out:
            mtl("predict", "--model", os.path.join(output, model, "model.mtl"), texts, *extra,
                stdout=out)
        files.append(name)
    return {name: hashlib.md5(open(os.path.join(output, name), "rb").read()).hexdigest()
            for name in files}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("old")
    parser.add_argument("new")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        write_configurations(folder)
        old = run_all(os.path.abspath(options.old), folder, os.path.join(folder, "old"))
        new = run_all(os.path.abspath(options.new), folder, os.path.join(folder, "new"))
    different = [name for name in old if old[name] != new[name]]
    for name in old:
        verdict = "same" if old[name] == new[name] else "DIFFERENT"
        print(f"  {name:26} {old[name]}  {new[name]}  {verdict}")
    print(f"{len(old) - len(different)} of {len(old)} files identical")
    return 1 if different else 0


if __name__ == "__main__":
    sys.exit(main())
