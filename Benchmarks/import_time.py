#!/usr/bin/env python3
"""Installing the wheel, and the first prediction of a fresh process (issue 24).

  install   `pip install WHEEL` into a new virtual environment, numpy coming from pip's cache
            (floor: seconds, not a Swift build).
  first     in a fresh `python -c`: import the package, load a model, predict one text, timed
            inside the process from before the import to after the prediction (floor:
            <= 0.3 s), and the whole process's wall time; against the fastText Python module
            importing, loading a model of similar size and predicting the same text. Medians
            of alternating runs, and the ratio mtl / fastText.

The mtl model is `mtl train corpora/default.yaml` (three tasks, dimension 100, character 3- to
5-grams); the fastText model is trained by its module on the topic corpus with the same
dimension and n-grams and the number of buckets that makes the two files the same size.
Under load the wall times include waiting for a core; the CPU columns do not.

Usage: Benchmarks/import_time.py --wheel WHEEL --mtl MTL [--runs N] [--numpy "numpy<2"]
Needs: the fastText module in the running interpreter (`pip install fasttext "numpy<2"`: its
0.9.3 `predict` fails on numpy 2 with "Unable to avoid copy while creating an array"), a wheel
and static `mtl` from scripts/build-wheel. Uses no corpus outside the repository.
"""
import argparse, json, os, resource, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TEXT = "Stocks rallied after the central bank held interest rates"
MTL_SNIPPET = (
    "import sys, time; started, cpu = time.perf_counter(), time.process_time(); "
    "import multitasktext; model = multitasktext.load(sys.argv[1]); model.predict([sys.argv[2]]); "
    "print(time.perf_counter() - started, time.process_time() - cpu)"
)
FASTTEXT_SNIPPET = (
    "import sys, time; started, cpu = time.perf_counter(), time.process_time(); "
    "import fasttext; model = fasttext.load_model(sys.argv[1]); model.predict(sys.argv[2]); "
    "print(time.perf_counter() - started, time.process_time() - cpu)"
)


def install(wheel, work, numpy):
    """A new venv with the wheel installed; returns its python and the install's seconds."""
    venv = os.path.join(work, "venv")
    subprocess.run([sys.executable, "-m", "venv", venv], check=True)
    python = os.path.join(venv, "bin", "python")
    # numpy first, so the timed install is the wheel's own (numpy is cached after one run).
    subprocess.run([python, "-m", "pip", "install", "--quiet", numpy], check=True)
    started = time.perf_counter()
    subprocess.run([python, "-m", "pip", "install", "--quiet", "--no-deps", wheel], check=True)
    return python, time.perf_counter() - started


def mtl_model(mtl, work):
    subprocess.run([mtl, "train", os.path.join(ROOT, "corpora", "default.yaml"), "--quiet",
                    "--set", f"output.directory={work}/run",
                    "--set", f"output.vocabularyCopy={work}/vocabulary-copy.tsv"],
                   check=True, capture_output=True)
    return os.path.join(work, "run", "model.mtl")


def fasttext_model(work, target_bytes):
    """fastText on the topic corpus, dimension 100 and character 3- to 5-grams as the mtl
    model, with as many buckets as make its file the mtl model's size (the mtl file keeps
    only the rows training touched, so its 100,000 buckets take less room)."""
    import fasttext
    path = os.path.join(work, "topic.txt")
    with open(os.path.join(ROOT, "corpora", "topic", "train.jsonl"), encoding="utf-8") as lines, \
            open(path, "w", encoding="utf-8") as out:
        for line in lines:
            record = json.loads(line)
            text = " ".join(record["text"].lower().split())
            out.write(f"__label__{record['label']} {text}\n")
    output = os.path.join(work, "topic.bin")
    buckets = 10_000
    for _ in range(2):  # a file grows by dim * 4 bytes per bucket: one correction suffices
        model = fasttext.train_supervised(path, dim=100, bucket=buckets, minn=3, maxn=5,
                                          epoch=5, thread=1, verbose=0)
        model.save_model(output)
        buckets = max(1_000, buckets + round((target_bytes - os.path.getsize(output)) / 400))
    return output


def first_prediction(python, snippet, model):
    """Seconds inside the process (wall, CPU) and of the whole process (wall, CPU).

    The CPU times say what the wall times would be on an idle machine: on a loaded one the
    wall times include waiting for a core."""
    started, children = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run([python, "-c", snippet, model, TEXT], check=True,
                            capture_output=True, text=True, cwd=tempfile.gettempdir())
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - children.ru_utime - children.ru_stime
    inside_wall, inside_cpu = map(float, result.stdout.strip().splitlines()[-1].split())
    return {"in process": inside_wall, "in process CPU": inside_cpu, "process": wall, "process CPU": cpu}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", required=True)
    parser.add_argument("--mtl", required=True)
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--numpy", default="numpy",
                        help='the numpy for the wheel\'s environment, e.g. "numpy<2" as fastText\'s')
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        python, install_seconds = install(os.path.abspath(options.wheel), work, options.numpy)
        models = {"mtl": mtl_model(os.path.abspath(options.mtl), work)}
        models["fastText"] = fasttext_model(work, os.path.getsize(models["mtl"]))
        snippets = {"mtl": (python, MTL_SNIPPET), "fastText": (sys.executable, FASTTEXT_SNIPPET)}
        runs = {name: [] for name in models}
        for name in models:  # one untimed run each, so both read their files from the page cache
            first_prediction(*snippets[name], models[name])
        for _ in range(options.runs):
            for name in models:
                runs[name].append(first_prediction(*snippets[name], models[name]))
        columns = list(runs["mtl"][0])
        medians = {name: {column: statistics.median(run[column] for run in runs[name])
                          for column in columns} for name in models}
        numpy_versions = [subprocess.run([interpreter, "-c", "import numpy; print(numpy.__version__)"],
                                         check=True, capture_output=True, text=True).stdout.strip()
                          for interpreter in (python, sys.executable)]
        print(f"numpy {numpy_versions[0]} for mtl, {numpy_versions[1]} for fastText")
        print(f"wheel {os.path.basename(options.wheel)}: {os.path.getsize(options.wheel) / 1e6:.1f} MB, "
              f"pip install --no-deps {install_seconds:.1f} s")
        print(f"import + load + predict one text, seconds, median of {options.runs} alternating runs "
              f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
        print(f"  {'':9} {'model MB':>9}" + "".join(f" {column:>15}" for column in columns))
        for name in models:
            print(f"  {name:9} {os.path.getsize(models[name]) / 1e6:9.1f}"
                  + "".join(f" {medians[name][column]:15.3f}" for column in columns))
        print(f"  {'ratio':9} {'':9}" + "".join(
            f" {medians['mtl'][column] / medians['fastText'][column]:15.2f}" for column in columns))
        inside = medians["mtl"]["in process"]
        print(f"  floor (<= 0.3 s in process): {'met' if inside <= 0.3 else 'NOT met'} ({inside:.3f} s wall, "
              f"{medians['mtl']['in process CPU']:.3f} s CPU)")

if __name__ == "__main__":
    main()
