#!/usr/bin/env python3
"""Installing the wheel, and the first prediction of a fresh process (issue 24).

  install   `pip install WHEEL` into a new virtual environment, numpy coming from pip's cache
            (floor: seconds, not a Swift build).
  first     in a fresh `python -c`: import the package, load a model, predict one text, timed
            inside the process from before the import to after the prediction (floor:
            <= 0.3 s), and the whole process's wall time; against the fastText Python module
            importing, loading a model of similar size and predicting the same text. Medians
            of alternating runs, and the ratio mtl / fastText.

The mtl model is `mtl train corpora/default.yaml` (three tasks, 100,000 buckets, character
3- to 5-grams); the fastText model is trained by its module on the topic corpus with the
same buckets, dimension and n-grams, so the two files are within a few percent in size.

Usage: Benchmarks/import_time.py --wheel WHEEL --mtl MTL [--runs N]
Needs: the fastText module in the running interpreter (`pip install fasttext`), and a wheel
and static `mtl` from scripts/build-wheel. Uses no corpus outside the repository.
"""
import argparse, json, os, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TEXT = "Stocks rallied after the central bank held interest rates"
MTL_SNIPPET = (
    "import sys, time; started = time.perf_counter(); import multitasktext; "
    "model = multitasktext.load(sys.argv[1]); model.predict([sys.argv[2]]); "
    "print(time.perf_counter() - started)"
)
FASTTEXT_SNIPPET = (
    "import sys, time; started = time.perf_counter(); import fasttext; "
    "model = fasttext.load_model(sys.argv[1]); model.predict(sys.argv[2]); "
    "print(time.perf_counter() - started)"
)


def install(wheel, work):
    """A new venv with the wheel installed; returns its python and the install's seconds."""
    venv = os.path.join(work, "venv")
    subprocess.run([sys.executable, "-m", "venv", venv], check=True)
    python = os.path.join(venv, "bin", "python")
    # numpy first, so the timed install is the wheel's own (numpy is cached after one run).
    subprocess.run([python, "-m", "pip", "install", "--quiet", "numpy"], check=True)
    started = time.perf_counter()
    subprocess.run([python, "-m", "pip", "install", "--quiet", "--no-deps", wheel], check=True)
    return python, time.perf_counter() - started


def mtl_model(mtl, work):
    subprocess.run([mtl, "train", os.path.join(ROOT, "corpora", "default.yaml"), "--quiet",
                    "--set", f"output.directory={work}/run",
                    "--set", f"output.vocabularyCopy={work}/vocabulary-copy.tsv"],
                   check=True, capture_output=True)
    return os.path.join(work, "run", "model.mtl")


def fasttext_model(work):
    """fastText on the topic corpus with the mtl model's buckets, dimension and n-grams."""
    import fasttext
    path = os.path.join(work, "topic.txt")
    with open(os.path.join(ROOT, "corpora", "topic", "train.jsonl"), encoding="utf-8") as lines, \
            open(path, "w", encoding="utf-8") as out:
        for line in lines:
            record = json.loads(line)
            text = " ".join(record["text"].lower().split())
            out.write(f"__label__{record['label']} {text}\n")
    model = fasttext.train_supervised(path, dim=100, bucket=100_000, minn=3, maxn=5, epoch=5,
                                      thread=1, verbose=0)
    model.save_model(os.path.join(work, "topic.bin"))
    return os.path.join(work, "topic.bin")


def first_prediction(python, snippet, model):
    """(seconds inside the process, seconds of the whole process)."""
    started = time.perf_counter()
    result = subprocess.run([python, "-c", snippet, model, TEXT], check=True,
                            capture_output=True, text=True, cwd=tempfile.gettempdir())
    return float(result.stdout.strip().splitlines()[-1]), time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", required=True)
    parser.add_argument("--mtl", required=True)
    parser.add_argument("--runs", type=int, default=11)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        python, install_seconds = install(os.path.abspath(options.wheel), work)
        models = {"mtl": mtl_model(os.path.abspath(options.mtl), work), "fastText": fasttext_model(work)}
        snippets = {"mtl": (python, MTL_SNIPPET), "fastText": (sys.executable, FASTTEXT_SNIPPET)}
        inside = {name: [] for name in models}
        whole = {name: [] for name in models}
        for name in models:  # one untimed run each, so both read their files from the page cache
            first_prediction(*snippets[name], models[name])
        for _ in range(options.runs):
            for name in models:
                seconds, wall = first_prediction(*snippets[name], models[name])
                inside[name].append(seconds)
                whole[name].append(wall)
        print(f"wheel {os.path.basename(options.wheel)}: {os.path.getsize(options.wheel) / 1e6:.1f} MB, "
              f"pip install --no-deps {install_seconds:.1f} s")
        print(f"import + load + predict one text, median of {options.runs} alternating runs")
        print(f"  {'':9} {'model MB':>9} {'in process':>11} {'whole process':>14}")
        for name in models:
            print(f"  {name:9} {os.path.getsize(models[name]) / 1e6:9.1f} "
                  f"{statistics.median(inside[name]):10.3f}s {statistics.median(whole[name]):13.3f}s")
        ratio_inside = statistics.median(inside["mtl"]) / statistics.median(inside["fastText"])
        ratio_whole = statistics.median(whole["mtl"]) / statistics.median(whole["fastText"])
        print(f"  ratio mtl / fastText: {ratio_inside:.2f} in process, {ratio_whole:.2f} whole process")
        floor = "met" if statistics.median(inside["mtl"]) <= 0.3 else "NOT met"
        print(f"  floor (<= 0.3 s in process): {floor}")


if __name__ == "__main__":
    main()
