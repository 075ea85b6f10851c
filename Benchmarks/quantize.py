#!/usr/bin/env python3
"""Small models on ag_news: `mtl quantize --target-size` against fastText's `quantize`.

Trains the float model with mtl's defaults (`mtl pipeline`, dev file for model selection),
quantizes it with `--target-size 4MB --retrain` (heads refitted on the training file), and
reports each model's file size, test accuracy (`mtl eval`) and prediction speed: `mtl predict`
over the 7,600 test documents, float and quantized alternated, median wall time, and the
quantized model's speed as a ratio of the float model's. For reference, the same run trains
fastText (dim 50, bigrams, 2M buckets, 5 epochs, lr 0.5) and quantizes it with
`quantize -qnorm -retrain -cutoff 100000`, and times `fasttext predict` on both.

Floor (issue 15): the quantized model at most 4.0 MB, test accuracy within 0.5 points of the
float model, and prediction at no less than 0.8x the float model's speed.

Usage: Benchmarks/quantize.py [--runs N] [--target-size 4MB] [--no-fasttext]
"""
import argparse, json, os, shutil, statistics, subprocess, sys, tempfile

from benchmark_support import CORPORA, print_floor, release_mtl, timed
from compare_fasttext import SETTINGS, fasttext_accuracy, fasttext_train, read_jsonl, write_fasttext


def mtl_test_accuracy(mtl, model, config):
    report = subprocess.run([mtl, "eval", "--model", model, "--config", config, "--format",
                             "json"], capture_output=True, text=True)
    if report.returncode != 0:
        sys.exit(f"mtl eval failed\n{report.stderr[-2000:]}")
    return 100 * json.loads(report.stdout)["tasks"]["ag_news"]["accuracy"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--target-size", default="4MB")
    parser.add_argument("--no-fasttext", action="store_true")
    options = parser.parse_args()
    use_fasttext = not options.no_fasttext
    if use_fasttext and shutil.which("fasttext") is None:
        sys.exit("fasttext not found: apt-get install -y fasttext (or --no-fasttext)")
    mtl = release_mtl()
    source = os.path.join(CORPORA, "ag_news")
    work = tempfile.mkdtemp(prefix="mtl-quantize-")
    try:
        config = os.path.join(work, "config.yaml")
        with open(config, "w", encoding="utf-8") as handle:
            handle.write("\n".join([
                "tasks:", "  - name: ag_news", f"    train: {source}/train.jsonl",
                f"    dev: {source}/dev.jsonl", f"    test: {source}/test.jsonl",
                f"output: {{directory: {work}/out}}"]) + "\n")
        subprocess.run([mtl, "pipeline", config, "--quiet"], check=True, capture_output=True)
        float_model = os.path.join(work, "out", "model.mtl")
        small_model = os.path.join(work, "small.mtl")
        command = [mtl, "quantize", float_model, "--output", small_model, "--target-size",
                   options.target_size, "--retrain", "--config", config]
        seconds, _, summary = timed(command)
        print(f"mtl quantize --target-size {options.target_size} --retrain: {seconds:.1f} s")
        print(f"  {summary.strip()}")

        test_texts = os.path.join(work, "test.txt")
        records = read_jsonl(f"{source}/test.jsonl")
        with open(test_texts, "w", encoding="utf-8") as handle:
            handle.writelines(r["text"].replace("\n", " ") + "\n" for r in records)
        models = {"float": float_model, "quantized": small_model}
        times = {name: [] for name in models}
        if use_fasttext:
            write_fasttext(read_jsonl(f"{source}/train.jsonl"), f"{work}/train.txt", shuffle=True)
            write_fasttext(records, f"{work}/test.ft.txt", shuffle=False)
            subprocess.run(fasttext_train(f"{work}/train.txt", f"{work}/ft"), check=True)
            subprocess.run(["fasttext", "quantize", "-input", f"{work}/train.txt", "-output",
                            f"{work}/ft", "-qnorm", "-retrain", "-cutoff", "100000"],
                           check=True, capture_output=True)
            for name in ["fastText .bin", "fastText .ftz"]:
                times[name] = []
        for _ in range(options.runs):
            for name, model in models.items():
                times[name].append(timed([mtl, "predict", "--model", model, test_texts])[0])
            if use_fasttext:
                for name, model in [("fastText .bin", f"{work}/ft.bin"),
                                    ("fastText .ftz", f"{work}/ft.ftz")]:
                    times[name].append(timed(["fasttext", "predict", model,
                                              f"{work}/test.ft.txt"])[0])
        rows = []
        for name, model in models.items():
            rows.append((name, os.path.getsize(model), mtl_test_accuracy(mtl, model, config),
                         statistics.median(times[name])))
        if use_fasttext:
            for name, model in [("fastText .bin", f"{work}/ft.bin"),
                                ("fastText .ftz", f"{work}/ft.ftz")]:
                rows.append((name, os.path.getsize(model),
                             100 * fasttext_accuracy(model, f"{work}/test.ft.txt"),
                             statistics.median(times[name])))
        print(f"ag_news test, {len(records)} documents, median of {options.runs} alternated runs")
        print(f"  {'model':14s} {'size':>11s} {'accuracy':>9s} {'predict':>9s} {'speed':>7s}")
        base = {"mtl": rows[0], "fastText": rows[2] if use_fasttext else None}
        for name, size, accuracy, seconds in rows:
            reference = base["fastText" if name.startswith("fastText") else "mtl"]
            print(f"  {name:14s} {size / 1e6:8.3f} MB {accuracy:8.2f}% {seconds:8.2f}s "
                  f"{reference[3] / seconds:6.2f}x")
        size, accuracy, seconds = rows[1][1], rows[1][2], rows[1][3]
        speed = rows[0][3] / seconds
        loss = rows[0][2] - accuracy
        print_floor([(f"size {size:,} bytes <= 4,000,000:", size <= 4_000_000),
                     (f"accuracy {loss:+.2f} points from float, within 0.5:", loss <= 0.5),
                     (f"speed {speed:.2f}x >= 0.8:", speed >= 0.8)])
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
