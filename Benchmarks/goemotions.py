#!/usr/bin/env python3
"""Test macro-F1 of `mtl` on GoEmotions' three multi-label tasks (emotion, ekman, sentiment;
28, 7 and 4 labels) trained as one model, against tuned fastText and the published BERT-base.

Sections (--sections, all by default):
  anchor  Debian's fastText, one `-loss ova` model per task, tuned on dev over lr {0.1, 0.25,
          0.5, 1.0} × epochs {5, 25} × wordNgrams {1, 2}, dim 50, and a decision threshold in
          {0.1, …, 0.6} (`predict-prob` with k -1: every label at or above the threshold, an
          empty prediction allowed); the best setting's test macro-F1 is the anchor. The text
          is pre-tokenized for fastText (lowercased, `\\w+|[^\\w\\s]`) and its training file
          shuffled. The grid's result is written to CACHE_DIR/goemotions-fasttext-best.json;
          `--fasttext-best FILE` reads it back instead of running the grid. On one thread
          fastText is deterministic; on two (Hogwild) emotion's test macro-F1 at its chosen
          setting moved between 44.1 and 45.7 over five runs, against 43.8 on one, so read
          emotion's anchor as ±1 point.
  mtl     `mtl pipeline Benchmarks/configs/goemotions.yaml --quiet` (three `multiLabel` tasks
          with tuned thresholds, every other setting default); `tasks.<name>.macroF1` of its
          report.json against fastText and BERT-base (50.3 / 62.4 / 70.1, the GoEmotions-pytorch
          README).
  speed   wall time (/usr/bin/time) of `mtl train` on the three tasks together against the
          three fastText models trained one after another at their best settings, both on
          --threads threads; alternating runs, medians and the ratio mtl / fastText. fastText's
          files are prepared before timing; `mtl` reads the raw JSONL.

Macro-F1 is per-label F1 averaged over the task's labels, a label never true nor predicted
counting 0 (scikit-learn's f1_score(average='macro', zero_division=0)).

Usage: Benchmarks/goemotions.py [--sections anchor,mtl,speed] [--runs N] [--threads N]
                                [--fasttext-best FILE] [--cache-dir DIR] [--fasttext-only]
--fasttext-only leaves mtl out (no build; the fastText figures and timings alone).
Needs a release build of mtl (built here, for the mtl and speed sections),
`apt-get install -y fasttext`, and the shared corpora at ../shared/corpora.
"""
import argparse, json, os, random, re, shutil, statistics, subprocess, sys, tempfile

from benchmark_support import CORPORA, ROOT, release_mtl, timed
TASKS = ["emotion", "ekman", "sentiment"]
BERT_BASE = {"emotion": 50.3, "ekman": 62.4, "sentiment": 70.1}
ISSUE_ANCHORS = {"emotion": 44.8, "ekman": 56.6, "sentiment": 63.8}
GRID = [(lr, epoch, ngrams) for lr in (0.1, 0.25, 0.5, 1.0) for epoch in (5, 25)
        for ngrams in (1, 2)]
THRESHOLDS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6]
CONFIG = os.path.join(ROOT, "Benchmarks", "configs", "goemotions.yaml")
WORD = re.compile(r"\w+|[^\w\s]")
PREFIX = "__label__"


def read_split(split):
    with open(os.path.join(CORPORA, "goemotions", f"{split}.jsonl"), encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def write_fasttext(records, task, path, shuffle):
    """One line per comment: every label of the task, then the pre-tokenized text."""
    lines = []
    for record in records:
        labels = " ".join(PREFIX + label for label in record["labels"][task])
        words = " ".join(WORD.findall(record["text"].lower())[:1000])
        lines.append(f"{labels} {words}\n")
    if shuffle:
        random.Random(1).shuffle(lines)
    with open(path, "w", encoding="utf-8") as handle:
        handle.writelines(lines)


def macro_f1(gold, predicted, labels):
    """Per-label F1 averaged over `labels`; gold and predicted are lists of label sets."""
    counts = {label: [0, 0, 0] for label in labels}  # true positives, false positives, misses
    for truth, guess in zip(gold, predicted):
        for label in truth | guess:
            if label in counts:
                counts[label][0 if label in truth and label in guess else
                              1 if label in guess else 2] += 1
    return sum(2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0
               for tp, fp, fn in counts.values()) / len(labels)


def fasttext_train(train_file, model, lr, epoch, ngrams, threads):
    return ["fasttext", "supervised", "-input", train_file, "-output", model, "-loss", "ova",
            "-lr", str(lr), "-epoch", str(epoch), "-wordNgrams", str(ngrams), "-dim", "50",
            "-thread", str(threads), "-verbose", "0"]


def fasttext_probabilities(model, text_file):
    """Every label's probability for every line, from `predict-prob MODEL FILE -1 0`."""
    result = subprocess.run(["fasttext", "predict-prob", model, text_file, "-1", "0"],
                            capture_output=True, text=True, check=True)
    rows = []
    for line in result.stdout.split("\n")[:-1]:
        fields = line.split()
        rows.append({fields[i][len(PREFIX):]: float(fields[i + 1])
                     for i in range(0, len(fields), 2)})
    return rows


def above(rows, threshold):
    # fastText keeps a label whose probability is not below the threshold.
    return [{label for label, p in row.items() if p >= threshold} for row in rows]


def run_grid(work, splits, threads):
    """Tunes each task on dev; returns {task: best setting with its dev and test macro-F1}."""
    best = {}
    for task in TASKS:
        labels = sorted({label for record in splits["train"] for label in record["labels"][task]})
        gold = {split: [set(r["labels"][task]) for r in splits[split]] for split in ("dev", "test")}
        files = {split: f"{work}/{task}.{split}.txt" for split in ("train", "dev", "test")}
        for split, path in files.items():
            write_fasttext(splits[split], task, path, shuffle=split == "train")
        rows = []
        for lr, epoch, ngrams in GRID:
            model = f"{work}/{task}-grid"
            subprocess.run(fasttext_train(files["train"], model, lr, epoch, ngrams, threads),
                           check=True, capture_output=True)
            dev = fasttext_probabilities(f"{model}.bin", files["dev"])
            test = fasttext_probabilities(f"{model}.bin", files["test"])
            for threshold in THRESHOLDS:
                rows.append({
                    "lr": lr, "epoch": epoch, "wordNgrams": ngrams, "threshold": threshold,
                    "dev": macro_f1(gold["dev"], above(dev, threshold), labels),
                    "test": macro_f1(gold["test"], above(test, threshold), labels)})
            os.remove(f"{model}.bin")
            os.remove(f"{model}.vec")
            chosen = max(rows, key=lambda row: row["dev"])
            print(f"  {task:9s} lr {lr:<4} epochs {epoch:2d} wordNgrams {ngrams}: best dev "
                  f"{100 * max(r['dev'] for r in rows[-len(THRESHOLDS):]):5.2f}   "
                  f"so far {100 * chosen['dev']:5.2f}", file=sys.stderr, flush=True)
        best[task] = dict(max(rows, key=lambda row: row["dev"]), labels=len(labels))
    return best


def print_anchor(best):
    print(f"fastText -loss ova, dim 50, tuned on dev (threads {best['threads']})")
    print(f"  {'task':9s} {'labels':>6s} {'lr':>5s} {'epochs':>6s} {'ngrams':>6s} "
          f"{'thresh':>6s} {'dev F1':>7s} {'test F1':>7s} {'issue':>6s}")
    for task in TASKS:
        row = best["tasks"][task]
        print(f"  {task:9s} {row['labels']:6d} {row['lr']:5.2f} {row['epoch']:6d} "
              f"{row['wordNgrams']:6d} {row['threshold']:6.1f} {100 * row['dev']:7.2f} "
              f"{100 * row['test']:7.2f} {ISSUE_ANCHORS[task]:6.1f}")


def run_mtl(mtl, work):
    output = f"{work}/mtl-pipeline"
    result = subprocess.run([mtl, "pipeline", CONFIG, "--quiet", "--set",
                             f"output.directory={output}"], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"mtl pipeline failed\n{result.stderr[-2000:]}")
    with open(f"{output}/report.json", encoding="utf-8") as handle:
        report = json.load(handle)
    return {task: 100 * report["tasks"][task]["macroF1"] for task in TASKS}


def print_comparison(best, mtl_scores):
    print("test macro-F1 (points): fastText tuned per task, mtl one model, BERT-base fine-tuned")
    print(f"  {'task':9s} {'fastText':>8s} {'mtl':>7s} {'delta':>6s} {'BERT':>6s} "
          f"{'to BERT':>7s}")
    for task in TASKS:
        anchor = 100 * best["tasks"][task]["test"]
        if mtl_scores is None:
            print(f"  {task:9s} {anchor:8.2f} {'-':>7s} {'-':>6s} {BERT_BASE[task]:6.1f} "
                  f"{'-':>7s}   (fastText to BERT {anchor - BERT_BASE[task]:+.2f})")
            continue
        mine = mtl_scores[task]
        print(f"  {task:9s} {anchor:8.2f} {mine:7.2f} {mine - anchor:+6.2f} "
              f"{BERT_BASE[task]:6.1f} {mine - BERT_BASE[task]:+7.2f}")


def run_speed(mtl, work, splits, best, runs, threads):
    commands = []
    for task in TASKS:
        train_file = f"{work}/{task}.speed.txt"
        write_fasttext(splits["train"], task, train_file, shuffle=True)
        row = best["tasks"][task]
        commands.append(fasttext_train(train_file, f"{work}/{task}-speed", row["lr"],
                                       row["epoch"], row["wordNgrams"], threads))
    train = None if mtl is None else [
        mtl, "train", CONFIG, "--quiet", "--set", f"output.directory={work}/mtl-speed",
        "--set", f"training.threads={threads}"]
    mtl_times, fasttext_times = [], []
    for _ in range(runs):
        if train:
            mtl_times.append(timed(train)[0])
        fasttext_times.append(sum(timed(command)[0] for command in commands))
    print(f"training the three tasks, {threads} thread(s), {runs} alternating runs, median wall")
    settings = ", ".join(f"{task} lr {best['tasks'][task]['lr']} epochs "
                         f"{best['tasks'][task]['epoch']} ngrams {best['tasks'][task]['wordNgrams']}"
                         for task in TASKS)
    fasttext_median = statistics.median(fasttext_times)
    print(f"  fastText, three ova models in turn   {fasttext_median:7.2f} s   ({settings})")
    if train:
        mtl_median = statistics.median(mtl_times)
        print(f"  mtl train, one model, defaults       {mtl_median:7.2f} s")
        print(f"  time ratio mtl / fastText            {mtl_median / fasttext_median:7.2f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sections", default="anchor,mtl,speed")
    parser.add_argument("--runs", type=int, default=3, help="timing runs of each tool")
    parser.add_argument("--threads", type=int, default=1,
                        help="fastText's threads in the grid; both tools' in the timing")
    parser.add_argument("--fasttext-best", metavar="FILE",
                        help="a grid result written by an earlier run: skips the grid")
    parser.add_argument("--fasttext-only", action="store_true",
                        help="leave mtl out: no build, fastText columns and timings only")
    parser.add_argument("--cache-dir", default=tempfile.gettempdir(),
                        help="where the grid result is written (default: the temp folder)")
    options = parser.parse_args()
    sections = options.sections.split(",")
    unknown = set(sections) - {"anchor", "mtl", "speed"}
    if unknown:
        sys.exit(f"unknown sections: {', '.join(sorted(unknown))}")
    if shutil.which("fasttext") is None:
        sys.exit("fasttext not found: apt-get install -y fasttext")
    needs_mtl = not options.fasttext_only and {"mtl", "speed"} & set(sections)
    mtl = release_mtl() if needs_mtl else None
    splits = {split: read_split(split) for split in ("train", "dev", "test")}
    with tempfile.TemporaryDirectory() as work:
        if options.fasttext_best:
            with open(options.fasttext_best, encoding="utf-8") as handle:
                best = json.load(handle)
        else:
            print(f"fastText grid, {len(GRID)} settings × {len(THRESHOLDS)} thresholds per task, "
                  f"{options.threads} thread(s)", file=sys.stderr)
            best = {"threads": options.threads,
                    "tasks": run_grid(work, splits, options.threads)}
            os.makedirs(options.cache_dir, exist_ok=True)
            cache = os.path.join(options.cache_dir, "goemotions-fasttext-best.json")
            with open(cache, "w", encoding="utf-8") as handle:
                json.dump(best, handle, indent=2)
            print(f"grid result written to {cache}; rerun with --fasttext-best {cache}",
                  file=sys.stderr)
        if "anchor" in sections:
            print_anchor(best)
        if "mtl" in sections:
            print_comparison(best, None if mtl is None else run_mtl(mtl, work))
        if "speed" in sections:
            run_speed(mtl, work, splits, best, options.runs, options.threads)


if __name__ == "__main__":
    main()
