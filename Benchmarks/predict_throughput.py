#!/usr/bin/env python3
"""Prediction throughput against its limit and against fastText, in one run (issue 23).

The file is the 7,600 ag_news test texts repeated ten times, one a line (76,000 lines). The
model is ag_news trained by `mtl pipeline` with the defaults (one task); the fastText model
is trained on the same training texts with compare_fasttext.py's matched settings, and gets
the same texts pre-tokenized in its own style (not timed). Each row is a median of runs that
alternate between the tools, so a busy moment on the machine hits them alike:

  mtl tokenize           one thread (taskset to one core): the limit, since prediction
                         tokenizes every document and then does more
  mtl predict --threads 1, --threads 2
  fasttext predict       Debian's binary on the pre-tokenized file (one thread)

Documents/s count the whole command, model loading included. Floors: `mtl predict
--threads 2` >= 100,000 documents/s and >= 0.6x `mtl tokenize` on one thread; the outputs at
1 and 2 threads must be the same bytes.

Usage: Benchmarks/predict_throughput.py [--runs N] [--mtl PATH]
Needs: a release build of mtl (built here unless --mtl or MTL_BINARY is given),
`apt-get install -y fasttext`, and the shared corpora at ../shared/corpora (or SHARED_CORPORA).
"""
import argparse, hashlib, os, shutil, subprocess, tempfile

from benchmark_support import CORPORA, print_floor, release_mtl, timed
from compare_fasttext import fasttext_tokens, fasttext_train, median, read_jsonl, write_fasttext

REPEATS = 10


def prepare(mtl, work):
    """Writes the 76,000-line file, its fastText-tokenized twin, and trains both models."""
    texts = [r["text"].replace("\n", " ").replace("\r", " ")
             for r in read_jsonl(f"{CORPORA}/ag_news/test.jsonl")]
    with open(f"{work}/lines.txt", "w", encoding="utf-8") as handle:
        for _ in range(REPEATS):
            handle.writelines(text + "\n" for text in texts)
    with open(f"{work}/tokenized.txt", "w", encoding="utf-8") as handle:
        for _ in range(REPEATS):
            handle.writelines(fasttext_tokens(text) + "\n" for text in texts)
    with open(f"{work}/ag.yaml", "w", encoding="utf-8") as handle:
        handle.write(f"tasks:\n  - name: topic\n    train: {CORPORA}/ag_news/train.jsonl\n"
                     f"    test: {CORPORA}/ag_news/test.jsonl\noutput:\n"
                     f"  directory: {work}/ag\n")
    subprocess.run([mtl, "pipeline", f"{work}/ag.yaml", "--quiet"], check=True,
                   capture_output=True)
    write_fasttext(read_jsonl(f"{CORPORA}/ag_news/train.jsonl"), f"{work}/ag.train.txt",
                   shuffle=True)
    subprocess.run(fasttext_train(f"{work}/ag.train.txt", f"{work}/ag-ft"), check=True)
    return len(texts) * REPEATS


def commands(mtl, work):
    model = f"{work}/ag/model.mtl"
    lines = f"{work}/lines.txt"
    return {
        "mtl tokenize (1 core)": ["taskset", "-c", "0", mtl, "tokenize", lines],
        "mtl predict --threads 1": [mtl, "predict", "--threads", "1", "--model", model, lines],
        "mtl predict --threads 2": [mtl, "predict", "--threads", "2", "--model", model, lines],
        "fasttext predict": ["fasttext", "predict", f"{work}/ag-ft.bin", f"{work}/tokenized.txt"],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--mtl", default=os.environ.get("MTL_BINARY"))
    args = parser.parse_args()
    mtl = args.mtl or release_mtl()
    if shutil.which("fasttext") is None:
        raise SystemExit("fasttext not found: apt-get install -y fasttext")
    work = tempfile.mkdtemp(prefix="predict-throughput-")
    try:
        count = prepare(mtl, work)
        runs = commands(mtl, work)
        times = {name: [] for name in runs}
        digests = {}
        for _ in range(args.runs):
            for name, command in runs.items():
                seconds, _, output = timed(command)
                times[name].append(seconds)
                digests.setdefault(name, hashlib.md5(output.encode()).hexdigest())
        load = os.getloadavg()
        size = os.path.getsize(f"{work}/lines.txt") / 1e6
        print(f"== prediction throughput: {count:,} ag_news lines ({size:.1f} MB), "
              f"median of {args.runs} runs, load average {load[0]:.1f} {load[1]:.1f}")
        rates = {name: count / median(values) for name, values in times.items()}
        limit = rates["mtl tokenize (1 core)"]
        for name, values in times.items():
            print(f"  {name:26s} {median(values):7.3f} s {rates[name]:10.0f} doc/s"
                  f"  {rates[name] / limit:5.2f}x tokenize")
        two = rates["mtl predict --threads 2"]
        one = rates["mtl predict --threads 1"]
        identical = digests["mtl predict --threads 1"] == digests["mtl predict --threads 2"]
        print(f"  threads 2 / threads 1: {two / one:.2f}x; outputs identical: {identical}")
        print(f"  mtl predict --threads 1 / fasttext predict: "
              f"{one / rates['fasttext predict']:.2f}x; --threads 2: "
              f"{two / rates['fasttext predict']:.2f}x")
        print_floor([("--threads 2 >= 100,000 doc/s", two >= 100_000),
                     (">= 0.6x tokenize", two >= 0.6 * limit), ("identical", identical)],
                    passed="ok", indent="  ")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
