#!/usr/bin/env python3
"""The Python package's floors (issue 14), each against its real peer in the same run.

  python    `model.predict` over 50,000 documents in batches of 1,000 against `mtl predict`
            on the same file, documents/s (floor: >= 0.8x). Python's time includes loading
            the model and parsing every answer into dicts.
  fasttext  the same loop against the fastText Python module running three models (topic,
            sentiment, spam) over the same texts, pre-tokenized for it, untimed (floor: >= 3x).
  spark     `multitasktext.spark.predict` on the 50,000 documents in local[2], collected to
            the driver, session start-up and DataFrame caching excluded, against `mtl predict`
            in one process (floor: <= 3x wall time); every row is checked against mtl's.
  install   `pip install ./python` into a new virtual environment from a fresh clone of this
            commit (cold Swift build), and again in this checkout (warm build).

The mtl model has three tasks trained on ag_news, sst2 and sms_spam, the fastText models one
task each, with compare_fasttext.py's matched settings.

Usage: Benchmarks/python_predict.py [--runs N] [--sections python,fasttext,spark,install]
Needs: `pip install ./python[spark] fasttext-wheel` in the running interpreter, Java 17,
`apt-get install -y fasttext`, and the shared corpora at ../shared/corpora.
"""
import argparse, json, os, shutil, subprocess, sys, tempfile, time

from benchmark_support import CORPORA, ROOT, release_mtl, timed
from compare_fasttext import (fasttext_tokens, fasttext_train, median, mtl_config, read_jsonl,
                              write_fasttext)

NAMES = {"topic": "ag_news", "sentiment": "sst2", "spam": "sms_spam"}
COUNT, BATCH = 50_000, 1_000


def prepare(mtl, work):
    texts = [r["text"].replace("\n", " ").replace("\r", " ") for name in NAMES.values()
             for r in read_jsonl(f"{CORPORA}/{name}/test.jsonl")]
    documents = [texts[i % len(texts)] for i in range(COUNT)]
    with open(f"{work}/raw.txt", "w", encoding="utf-8") as handle:
        handle.writelines(text + "\n" for text in documents)
    mtl_config(f"{work}/three.yaml", [(task, f"{CORPORA}/{name}/train.jsonl")
                                      for task, name in NAMES.items()], f"{work}/three")
    subprocess.run([mtl, "train", f"{work}/three.yaml", "--quiet"], check=True,
                   capture_output=True)
    return documents, f"{work}/three/model.mtl"


def mtl_predict(mtl, model, work, runs):
    """Median wall time of `mtl predict` on the file, and its output."""
    times, output = [], None
    for _ in range(runs):
        seconds, _, output = timed([mtl, "predict", "--model", model, f"{work}/raw.txt"])
        times.append(seconds)
    return median(times), output


def python_predict(model_path, documents, threads=None):
    """Seconds and answers of `model.predict` over the documents in batches; `threads` None
    is the package's default (every usable core, as `mtl predict`)."""
    import multitasktext
    started = time.perf_counter()
    model = multitasktext.load(model_path)
    answers = []
    for start in range(0, len(documents), BATCH):
        answers.extend(model.predict(documents[start:start + BATCH], threads=threads))
    return time.perf_counter() - started, answers


def python_section(mtl, model, work, documents, runs):
    print(f"== python: model.predict, {COUNT:,} documents in batches of {BATCH:,}")
    # Alternating runs, so a busy moment on the machine hits both sides alike.
    mtl_times, results, output = [], [], None
    for _ in range(runs):
        mtl_seconds, output = mtl_predict(mtl, model, work, 1)
        mtl_times.append(mtl_seconds)
        results.append(python_predict(model, documents))
    mtl_seconds = median(mtl_times)
    seconds = median(r[0] for r in results)
    identical = results[0][1] == [json.loads(line) for line in output.splitlines()]
    ratio = (COUNT / seconds) / (COUNT / mtl_seconds)
    print(f"  mtl predict      {mtl_seconds:7.3f} s  {COUNT / mtl_seconds:9.0f} doc/s")
    print(f"  model.predict    {seconds:7.3f} s  {COUNT / seconds:9.0f} doc/s  identical: {identical}")
    print(f"  ratio {ratio:.2f}x  floor >= 0.8x {'ok' if ratio >= 0.8 and identical else 'MISSED'}")
    return seconds


def fasttext_section(model, work, documents, runs):
    import fasttext
    print(f"== fasttext: three fastText Python models against one three-task model")
    models = []
    for task, name in NAMES.items():
        write_fasttext(read_jsonl(f"{CORPORA}/{name}/train.jsonl"), f"{work}/{name}.train.txt",
                       shuffle=True)
        subprocess.run(fasttext_train(f"{work}/{name}.train.txt", f"{work}/{name}-ft"),
                       check=True)
        models.append(fasttext.load_model(f"{work}/{name}-ft.bin"))
    tokenized = [fasttext_tokens(text) for text in documents]
    times, ours, threaded = [], [], []
    for _ in range(runs):
        started = time.perf_counter()
        for start in range(0, COUNT, BATCH):
            batch = tokenized[start:start + BATCH]
            for ft in models:
                ft.predict(batch, k=1)
        times.append(time.perf_counter() - started)
        ours.append(python_predict(model, documents)[0])
        threaded.append(python_predict(model, documents, threads=1)[0])
    seconds, threaded, ft_seconds = median(ours), median(threaded), median(times)
    print(f"  fastText x3      {ft_seconds:7.3f} s  {COUNT / ft_seconds:9.0f} doc/s  (tokenizing not timed)")
    cores = len(os.sched_getaffinity(0))
    for label, value in ((f"model.predict ({cores} threads, the default)", seconds),
                         ("  threads=1", threaded)):
        ratio = ft_seconds / value
        print(f"  {label:36s} {value:7.3f} s  {COUNT / value:9.0f} doc/s  ratio {ratio:.2f}x"
              f"  floor >= 3x {'ok' if ratio >= 3 else 'MISSED'}")


def spark_section(mtl, model, work, documents, runs):
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession
    import multitasktext.spark as mtl_spark
    print(f"== spark: multitasktext.spark.predict, {COUNT:,} documents, local[2]")
    mtl_seconds, output = mtl_predict(mtl, model, work, runs)
    expected = [json.loads(line) for line in output.splitlines()]
    started = time.perf_counter()
    spark = (SparkSession.builder.master("local[2]").appName("python_predict")
             .config("spark.ui.enabled", "false").getOrCreate())
    df = spark.createDataFrame(list(enumerate(documents)), "id long, text string")
    df = df.repartition(2).cache()
    df.count()
    print(f"  session start-up and caching (excluded) {time.perf_counter() - started:.1f} s")
    times, rows = [], None
    for _ in range(runs):
        started = time.perf_counter()
        rows = mtl_spark.predict(df, model).collect()
        times.append(time.perf_counter() - started)
    spark.stop()
    identical = len(rows) == COUNT
    for row in rows:
        answer = expected[row["id"]]
        for task in answer:
            cell = row[task]
            if (cell["label"], cell["probability"]) != (answer[task]["label"],
                                                       answer[task].get("probability")):
                identical = False
    seconds = median(times)
    ratio = seconds / mtl_seconds
    print(f"  mtl predict      {mtl_seconds:7.3f} s")
    print(f"  spark predict    {seconds:7.3f} s  (runs: {', '.join(f'{t:.2f}' for t in times)})"
          f"  identical: {identical}")
    print(f"  ratio {ratio:.2f}x  floor <= 3x {'ok' if ratio <= 3 and identical else 'MISSED'}")


def install_section(work):
    print("== install: pip install ./python into a new virtual environment")
    clone = f"{work}/clone"
    subprocess.run(["git", "clone", "--quiet", ROOT, clone], check=True)
    for label, checkout in (("fresh clone, cold Swift build", clone), ("this checkout, warm build", ROOT)):
        venv = f"{work}/venv-{len(label)}"
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
        started = time.perf_counter()
        subprocess.run([f"{venv}/bin/pip", "install", "--quiet", "--disable-pip-version-check",
                        f"{checkout}/python"], check=True)
        seconds = time.perf_counter() - started
        check = subprocess.run([f"{venv}/bin/python", "-c",
                                "import multitasktext; print(multitasktext.tokenize('ok'))"],
                               cwd=work, capture_output=True, text=True)
        print(f"  {label:32s} {seconds:6.1f} s  import works: {check.returncode == 0}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sections", default="python,fasttext,spark,install")
    args = parser.parse_args()
    sections = args.sections.split(",")
    mtl = os.environ.get("MTL_BINARY") or release_mtl()
    work = tempfile.mkdtemp(prefix="python-predict-")
    try:
        documents, model = prepare(mtl, work)
        if "python" in sections:
            python_section(mtl, model, work, documents, args.runs)
        if "fasttext" in sections:
            fasttext_section(model, work, documents, args.runs)
        if "spark" in sections:
            spark_section(mtl, model, work, documents, args.runs)
        if "install" in sections:
            install_section(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
