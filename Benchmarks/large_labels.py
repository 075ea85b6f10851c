#!/usr/bin/env python3
"""Training time and test accuracy with thousands of labels: fastText `-loss hs` against
`mtl` with `loss: hierarchical`, `sampled` and `softmax`, at the same settings.

    Benchmarks/large_labels.py [--runs 5] [--labels 3000] [--documents 30000]
                               [--losses hierarchical,sampled,softmax] [--large 20000]
                               [--large-documents 100000]

The corpus comes from `generate_zipf_corpus.py` (seed 1), written to a temporary directory.
Both tools train with fastText's supervised defaults for `-loss hs`: dimension 100, learning
rate 0.1 with plain SGD decaying linearly, 5 epochs, words only (no word or character
n-grams), one thread, no dev file. Runs alternate between the tools; the script prints each
tool's median wall time, the ratio to fastText, and test accuracy on all the test documents
(`mtl eval`'s accuracy; `fasttext test`'s P@1 times its count over the documents, since it
skips those whose label training never saw, which `mtl` counts as wrong).

`--large N` adds one `mtl pipeline` run (train, then score the test file and write the reports)
on an N-label corpus, the hierarchical head at the same settings, and prints its peak RSS, its
time, and the sizes of `model.mtl` and `report.json` against the corpus size; `--large 0` skips
it. Needs a release build of mtl (built here) and `apt-get install -y fasttext`.
"""
import argparse, json, os, re, statistics, subprocess, sys, tempfile

from benchmark_support import ROOT, release_mtl, timed

SETTINGS = ("model: {dimension: 100}\n"
            "features: {wordNgrams: 1, minn: 0, maxn: 0}\n"
            "training: {epochs: 5, learningRate: 0.1, optimizer: sgd, threads: 1}\n")


def generate(directory, labels, documents):
    subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "generate_zipf_corpus.py"),
                    "--labels", str(labels), "--documents", str(documents), "--seed", "1",
                    "--output", directory], check=True)


def configuration(work, corpus, loss, name):
    path = os.path.join(work, f"{name}.yaml")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(f"tasks:\n  - name: label\n    loss: {loss}\n"
                     f"    train: {corpus}/train.jsonl\n    test: {corpus}/test.jsonl\n"
                     f"{SETTINGS}output: {{directory: {work}/{name}}}\n")
    return path


def mtl_accuracy(mtl, work, name):
    _, _, report = timed([mtl, "eval", "--model", f"{work}/{name}/model.mtl", "--config",
                          f"{work}/{name}.yaml", "--format", "json"])
    return 100 * json.loads(report)["tasks"]["label"]["accuracy"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--labels", type=int, default=3000)
    parser.add_argument("--documents", type=int, default=30000)
    parser.add_argument("--losses", default="hierarchical,sampled,softmax")
    parser.add_argument("--softmax-runs", type=int, default=1,
                        help="runs of the full softmax, which is slow at this size")
    parser.add_argument("--large", type=int, default=20000)
    parser.add_argument("--large-documents", type=int, default=100000)
    options = parser.parse_args()
    losses = [loss for loss in options.losses.split(",") if loss]
    mtl = release_mtl()
    with tempfile.TemporaryDirectory() as work:
        corpus = os.path.join(work, "corpus")
        generate(corpus, options.labels, options.documents)
        fasttext = ["fasttext", "supervised", "-input", f"{corpus}/train.txt", "-output",
                    f"{work}/ft", "-loss", "hs", "-epoch", "5", "-lr", "0.1", "-dim", "100",
                    "-wordNgrams", "1", "-minn", "0", "-maxn", "0", "-thread", "1",
                    "-verbose", "0"]
        configurations = {loss: configuration(work, corpus, loss, loss) for loss in losses}
        times = {"fastText": []} | {loss: [] for loss in losses}
        for run in range(options.runs):
            for loss in losses:
                if loss == "softmax" and run >= options.softmax_runs:
                    continue
                times[loss].append(timed([mtl, "train", configurations[loss], "--quiet"])[0])
            times["fastText"].append(timed(fasttext)[0])
        _, _, test = timed(["fasttext", "test", f"{work}/ft.bin", f"{corpus}/test.txt"])
        # fastText's P@1 leaves out test documents whose label it never saw; mtl counts them
        # as wrong. Both are put on all the test documents here.
        with open(f"{corpus}/test.txt", encoding="utf-8") as handle:
            documents = sum(1 for _ in handle)
        known = int(re.search(r"N\s+(\d+)", test).group(1))
        accuracy = {"fastText": 100 * float(re.search(r"P@1\s+([\d.]+)", test).group(1))
                    * known / documents}
        for loss in losses:
            accuracy[loss] = mtl_accuracy(mtl, work, loss)
        reference = statistics.median(times["fastText"])
        print(f"{options.labels} labels, {options.documents} documents (80% train), "
              f"{options.runs} alternating runs")
        print(f"  {'tool':28} {'median s':>9} {'ratio':>6} {'test accuracy':>14}")
        for name, values in times.items():
            label = "fastText -loss hs" if name == "fastText" else f"mtl loss: {name}"
            median = statistics.median(values)
            print(f"  {label:28} {median:9.2f} {median / reference:6.2f} "
                  f"{accuracy[name]:13.2f}%  ({len(values)} runs)")
        if options.large > 0:
            large = os.path.join(work, "large")
            generate(large, options.large, options.large_documents)
            path = configuration(work, large, "hierarchical", "large")
            seconds, peak, _ = timed([mtl, "pipeline", path, "--quiet"])
            corpus_bytes = sum(os.path.getsize(os.path.join(large, f"{split}.jsonl"))
                               for split in ("train", "dev", "test"))
            report = os.path.getsize(f"{work}/large/report.json")
            model = os.path.getsize(f"{work}/large/model.mtl")
            print(f"{options.large} labels, {options.large_documents} documents: mtl pipeline "
                  f"(hierarchical) {seconds:.1f} s, peak RSS {peak / 1024:.0f} MiB, "
                  f"model.mtl {model / 2**20:.1f} MiB, report.json {report / 2**20:.2f} MiB "
                  f"(corpus {corpus_bytes / 2**20:.1f} MiB), test accuracy "
                  f"{mtl_accuracy(mtl, work, 'large'):.2f}%")


if __name__ == "__main__":
    main()
