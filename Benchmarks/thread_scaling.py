#!/usr/bin/env python3
"""End-to-end `mtl train` on twenty_newsgroups with 1 and with 2 threads, alternated: the
speed-up from the second thread, reading and tokenizing included.

Two configurations: `matched`, compare_fasttext.py's settings (dim 50, wordNgrams 2, 5
epochs, SGD at lr 0.5, 2M buckets, minCount 1), where reading is a large share of the run; and
`defaults`, every default with the dev file (automatic epochs, AdaGrad). Wall times are
medians of the alternating runs under /usr/bin/time; the floor is a speed-up of at least
1.8 (issue 23; 1.7 in issue 15). Also checks that a second run with 1 thread gives the same model file,
since reading on several threads must give what one thread gives.

Usage: Benchmarks/thread_scaling.py [--runs N] [--configurations matched,defaults] [--mtl BINARY]
Needs a release build of mtl (built here) and the shared corpora at ../shared/corpora.
"""
import argparse, os, statistics, tempfile

from benchmark_support import CORPORA, release_mtl, timed

FLOOR = 1.8


def write_config(path, source, output, threads, matched):
    lines = ["tasks:", "  - name: newsgroup", f"    train: {source}/train.jsonl"]
    if matched:
        lines += [
            "model: {dimension: 50}",
            "features: {wordNgrams: 2, buckets: 2000000, minCount: 1}",
            f"training: {{epochs: 5, learningRate: 0.5, optimizer: sgd, threads: {threads}}}",
        ]
    else:
        lines += [f"    dev: {source}/dev.jsonl", f"training: {{threads: {threads}}}"]
    lines.append(f"output: {{directory: {output}}}")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--configurations", default="matched,defaults")
    parser.add_argument("--mtl", help="an mtl binary to measure instead of a fresh release build")
    options = parser.parse_args()
    mtl = options.mtl or release_mtl()
    source = os.path.join(CORPORA, "twenty_newsgroups")
    with tempfile.TemporaryDirectory() as work:
        for name in options.configurations.split(","):
            configs = {}
            for threads in (1, 2):
                configs[threads] = f"{work}/{name}-{threads}.yaml"
                write_config(configs[threads], source, f"{work}/{name}-{threads}", threads,
                             name == "matched")
            times = {1: [], 2: []}
            models = []
            for run in range(options.runs):
                # Alternate which thread count goes first, so drift in load favours neither.
                for threads in ((1, 2) if run % 2 == 0 else (2, 1)):
                    times[threads].append(timed([mtl, "train", configs[threads], "--quiet"])[0])
                    if threads == 1:
                        with open(f"{work}/{name}-1/model.mtl", "rb") as handle:
                            models.append(handle.read())
            one, two = statistics.median(times[1]), statistics.median(times[2])
            speedup = one / two
            print(f"== {name}: mtl train twenty_newsgroups, {options.runs} alternating runs")
            print(f"  1 thread   median {one:6.2f} s   ({', '.join(f'{t:.2f}' for t in times[1])})")
            print(f"  2 threads  median {two:6.2f} s   ({', '.join(f'{t:.2f}' for t in times[2])})")
            verdict = "ok" if speedup >= FLOOR else "MISSED"
            print(f"  speed-up   {speedup:6.2f}×   floor >= {FLOOR} {verdict}")
            same = all(model == models[0] for model in models)
            print(f"  1-thread model files identical across runs: {'yes' if same else 'NO'}")


if __name__ == "__main__":
    main()
