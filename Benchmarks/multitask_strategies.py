#!/usr/bin/env python3
"""Runs `mtl compare` on seven related tasks once per multi-task strategy and prints a row
per strategy: mean single-task and multi-task test accuracy, the gain, the worst task's
change, and the joint run's training time relative to `fixed`.

Usage: Benchmarks/multitask_strategies.py [--config PATH] [--rows NAME,...] [--runs N]
The floor (issue: multi-task learning that measurably helps): mean gain >= 1.0 point and
no task losing more than 1.0 point, for the defaults.
"""
import argparse, json, os, statistics, subprocess, sys, tempfile, time

from benchmark_support import ROOT, release_mtl

ROWS = {
    "defaults": [],
    "fixed": ["training.weighting=fixed"],
    "uncertainty": ["training.weighting=uncertainty"],
    "dynamic": ["training.weighting=dynamic"],
    "pcgrad": ["training.weighting=pcgrad"],
    "proportional": ["training.sampling=proportional"],
    "temperature-2": ["training.sampling=temperature", "training.temperature=2"],
    "uniform": ["training.sampling=uniform"],
    "annealed": ["training.sampling=annealed"],
    "private-buckets-20k": ["model.privateBuckets=20000"],
    "task-patience-2": ["training.taskPatience=2"],
    "small-head-rate": ["tasks.uci_amazon_cells.learningRateScale=2",
                        "tasks.uci_imdb.learningRateScale=2", "tasks.uci_yelp.learningRateScale=2"],
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--config", default=os.path.join(ROOT, "Benchmarks/configs/seven-related.yaml"))
    parser.add_argument("--rows", default=",".join(ROWS))
    parser.add_argument("--runs", type=int, default=1, help="timing runs per row (median)")
    arguments = parser.parse_args()
    mtl = release_mtl()
    print(f"{'strategy':22s} {'single':>7s} {'multi':>7s} {'gain':>6s} {'worst':>6s} "
          f"{'joint s':>8s} {'time×':>6s}  negative transfer")
    base_time = None
    with tempfile.TemporaryDirectory() as work:
        for name in arguments.rows.split(","):
            sets = [item for setting in ROWS[name] for item in ("--set", setting)]
            times = []
            for _ in range(arguments.runs):
                result = subprocess.run(
                    [mtl, "compare", arguments.config, "--quiet", "--set",
                     f"output.directory={work}/{name}", *sets],
                    capture_output=True, text=True)
                if result.returncode != 0:
                    sys.exit(f"{name}: {result.stderr}")
                report = json.load(open(f"{work}/{name}/compare.json"))
                times.append(report["jointSeconds"])
            rows = report["rows"]
            single = sum(r["single"]["accuracy"] for r in rows) / len(rows) * 100
            multi = sum(r["multi"]["accuracy"] for r in rows) / len(rows) * 100
            worst = min(100 * r["accuracyChange"] for r in rows)
            joint = statistics.median(times)
            if base_time is None and name in ("fixed", "defaults"):
                base_time = joint
            ratio = joint / base_time if base_time else float("nan")
            losers = ", ".join(f"{r['task']} {100 * r['accuracyChange']:+.1f}" for r in rows
                               if r["negativeTransfer"])
            print(f"{name:22s} {single:7.2f} {multi:7.2f} {multi - single:+6.2f} {worst:+6.2f} "
                  f"{joint:8.2f} {ratio:6.2f}  {losers}")


if __name__ == "__main__":
    main()
