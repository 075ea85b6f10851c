#!/usr/bin/env python3
"""Wall time of `mtl`'s default training on twenty_newsgroups against fastText at its best
grid setting (lr 1.0, 25 epochs, unigrams, dim 50, its default threads), in the same run.

`mtl` trains with every default (automatic epochs on the dev file, AdaGrad, one thread) from
the raw JSONL, ICU tokenization included. fastText gets its own pre-tokenized, shuffled text,
prepared before timing. The two alternate; medians and the ratio mtl / fastText are printed.

Usage: Benchmarks/default_training_time.py [--runs N]
Needs a release build of mtl (built here), `apt-get install -y fasttext`, and the shared
corpora at ../shared/corpora.
"""
import argparse, json, os, random, re, statistics, subprocess, sys, tempfile, time

from benchmark_support import CORPORA, ROOT, release_mtl, timed
WORD = re.compile(r"\w+|[^\w\s]")


def fasttext_file(source, target, shuffle):
    lines = []
    with open(source, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            words = WORD.findall(record["text"].lower())[:1000]
            lines.append(f"__label__{str(record['label']).replace(' ', '_')} {' '.join(words)}\n")
    if shuffle:
        random.Random(1).shuffle(lines)
    with open(target, "w", encoding="utf-8") as handle:
        handle.writelines(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    mtl = release_mtl()
    source = os.path.join(CORPORA, "twenty_newsgroups")
    with tempfile.TemporaryDirectory() as work:
        fasttext_file(f"{source}/train.jsonl", f"{work}/train.txt", shuffle=True)
        fasttext_file(f"{source}/test.jsonl", f"{work}/test.txt", shuffle=False)
        with open(f"{work}/ng.yaml", "w", encoding="utf-8") as handle:
            handle.write(
                "tasks:\n  - name: newsgroup\n"
                f"    train: {source}/train.jsonl\n    dev: {source}/dev.jsonl\n"
                f"    test: {source}/test.jsonl\noutput: {{directory: {work}/mtl}}\n")
        fasttext = ["fasttext", "supervised", "-input", f"{work}/train.txt", "-output",
                    f"{work}/ft", "-lr", "1.0", "-epoch", "25", "-wordNgrams", "1", "-dim", "50",
                    "-verbose", "0"]
        mtl_times, fasttext_times = [], []
        for _ in range(options.runs):
            mtl_times.append(timed([mtl, "train", f"{work}/ng.yaml", "--quiet"])[0])
            fasttext_times.append(timed(fasttext)[0])
        _, _, report = timed([mtl, "eval", "--model", f"{work}/mtl/model.mtl", "--config",
                           f"{work}/ng.yaml", "--format", "json"])
        mtl_accuracy = 100 * json.loads(report)["tasks"]["newsgroup"]["accuracy"]
        _, _, test = timed(["fasttext", "test", f"{work}/ft.bin", f"{work}/test.txt"])
        fasttext_accuracy = 100 * float(re.search(r"P@1\s+([\d.]+)", test).group(1))
    mtl_median, fasttext_median = statistics.median(mtl_times), statistics.median(fasttext_times)
    print(f"twenty_newsgroups, {options.runs} alternating runs each")
    print(f"  mtl defaults (1 thread)       {mtl_median:7.2f} s   test accuracy {mtl_accuracy:.2f}%")
    print(f"  fastText lr 1, 25 epochs      {fasttext_median:7.2f} s   test accuracy "
          f"{fasttext_accuracy:.2f}%")
    print(f"  time ratio mtl / fastText     {mtl_median / fasttext_median:7.2f}")


if __name__ == "__main__":
    main()
