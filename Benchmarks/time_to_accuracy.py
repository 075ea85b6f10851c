#!/usr/bin/env python3
"""Time to accuracy on twenty_newsgroups, ag_news and sst2: the wall time each tool needs to
come within 0.5 points of fastText's tuned test accuracy, fastText at its best grid setting
and `mtl` at its defaults, measured in the same run.

For each corpus, fastText is first tuned over fasttext-grid.sh's grid (lr ∈ {0.1, 0.25, 0.5,
1}, epochs ∈ {5, 25}, wordNgrams ∈ {1, 2}, dim 50, one thread), the setting chosen on dev. Its
test accuracy at that setting sets the target, tuned accuracy − 0.5. Then the two tools
alternate: fastText trains at its best setting (on its default threads, as a user would run
it) and `mtl train` runs with every default (automatic epochs on the dev file, one thread),
ICU tokenization included, from the raw JSONL. fastText gets its text pre-tokenized and its
training file shuffled before timing, so its time is training alone. A tool's time to
accuracy is its median wall time when its test accuracy reaches the target, and "not
reached" otherwise; the ratio is mtl / fastText.

Usage: Benchmarks/time_to_accuracy.py [--runs N] [--corpora a,b] [--settings FILE]
  --settings FILE  reuse (or write, if absent) the grid's chosen settings as JSON
Needs a release build of mtl (built here), `apt-get install -y fasttext`, and the shared
corpora at ../shared/corpora.
"""
import argparse, json, os, random, re, statistics, subprocess, sys, tempfile

from benchmark_support import CORPORA, release_mtl, timed

WORD = re.compile(r"\w+|[^\w\s]")
GRID = [(lr, epochs, ngrams) for lr in (0.1, 0.25, 0.5, 1.0) for epochs in (5, 25)
        for ngrams in (1, 2)]


def fasttext_files(source, target):
    """fastText's text: lowercased, punctuation split off, the training file shuffled."""
    for split in ("train", "dev", "test"):
        lines = []
        with open(f"{source}/{split}.jsonl", encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                words = WORD.findall(record["text"].lower())
                label = str(record["label"]).replace(" ", "_")
                lines.append(f"__label__{label} {' '.join(words)}\n")
        if split == "train":
            random.Random(1).shuffle(lines)
        with open(f"{target}.{split}.txt", "w", encoding="utf-8") as handle:
            handle.writelines(lines)


def fasttext_train(work, corpus, setting, threads):
    lr, epochs, ngrams = setting
    command = ["fasttext", "supervised", "-input", f"{work}/{corpus}.train.txt", "-output",
               f"{work}/{corpus}.ft", "-dim", "50", "-lr", str(lr), "-epoch", str(epochs),
               "-wordNgrams", str(ngrams), "-verbose", "0"]
    if threads:
        command += ["-thread", str(threads)]
    return timed(command)[0]


def fasttext_accuracy(work, corpus, split):
    result = subprocess.run(["fasttext", "test", f"{work}/{corpus}.ft.bin",
                             f"{work}/{corpus}.{split}.txt"], capture_output=True, text=True,
                            check=True)
    return 100 * float(re.search(r"P@1\s+([\d.]+)", result.stdout).group(1))


def tune(work, corpus):
    best = None
    for setting in GRID:
        fasttext_train(work, corpus, setting, threads=1)
        dev = fasttext_accuracy(work, corpus, "dev")
        if best is None or dev > best[0]:
            best = (dev, setting, fasttext_accuracy(work, corpus, "test"))
    return {"setting": list(best[1]), "dev": best[0], "test": best[2]}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--corpora", default="twenty_newsgroups,ag_news,sst2")
    parser.add_argument("--settings", help="JSON file of the grid's choices, reused if present")
    options = parser.parse_args()
    mtl = release_mtl()
    corpora = options.corpora.split(",")
    settings = {}
    if options.settings and os.path.exists(options.settings):
        with open(options.settings, encoding="utf-8") as handle:
            settings = json.load(handle)
    rows = []
    with tempfile.TemporaryDirectory() as work:
        for corpus in corpora:
            source = os.path.join(CORPORA, corpus)
            fasttext_files(source, f"{work}/{corpus}")
            if corpus not in settings:
                settings[corpus] = tune(work, corpus)
                print(f"{corpus}: fastText tuned {settings[corpus]}", file=sys.stderr)
            best = settings[corpus]
            target = best["test"] - 0.5
            with open(f"{work}/{corpus}.yaml", "w", encoding="utf-8") as handle:
                handle.write(
                    f"tasks:\n  - name: task\n    train: {source}/train.jsonl\n"
                    f"    dev: {source}/dev.jsonl\n    test: {source}/test.jsonl\n"
                    f"output: {{directory: {work}/{corpus}.mtl}}\n")
            mtl_times, fasttext_times = [], []
            for _ in range(options.runs):
                mtl_times.append(timed([mtl, "train", f"{work}/{corpus}.yaml", "--quiet"])[0])
                fasttext_times.append(
                    fasttext_train(work, corpus, tuple(best["setting"]), threads=None))
            _, _, report = timed([mtl, "eval", "--model", f"{work}/{corpus}.mtl/model.mtl",
                                  "--config", f"{work}/{corpus}.yaml", "--format", "json"])
            mtl_accuracy = 100 * json.loads(report)["tasks"]["task"]["accuracy"]
            fasttext_test = fasttext_accuracy(work, corpus, "test")
            rows.append((corpus, best, target, statistics.median(fasttext_times), fasttext_test,
                         statistics.median(mtl_times), mtl_accuracy))
    if options.settings and not os.path.exists(options.settings):
        with open(options.settings, "w", encoding="utf-8") as handle:
            json.dump(settings, handle, indent=1)
    print(f"time to within 0.5 points of tuned fastText, {options.runs} alternating runs each")
    print("| corpus | target | fastText best setting | fastText | mtl defaults | ratio |")
    print("|---|---|---|---|---|---|")
    for corpus, best, target, ft_time, ft_accuracy, mtl_time, mtl_accuracy in rows:
        lr, epochs, ngrams = best["setting"]
        ft_cell = (f"{ft_time:.2f} s ({ft_accuracy:.2f}%)" if ft_accuracy >= target
                   else f"not reached ({ft_accuracy:.2f}%)")
        mtl_cell = (f"{mtl_time:.2f} s ({mtl_accuracy:.2f}%)" if mtl_accuracy >= target
                    else f"not reached ({mtl_accuracy:.2f}%)")
        ratio = (f"{mtl_time / ft_time:.2f}" if mtl_accuracy >= target and ft_accuracy >= target
                 else "–")
        print(f"| {corpus} | {target:.2f}% | lr {lr}, {epochs} epochs, wordNgrams {ngrams} "
              f"| {ft_cell} | {mtl_cell} | {ratio} |")


if __name__ == "__main__":
    main()
