#!/usr/bin/env python3
"""Checks the floor "multi-task training never hurts" with `mtl compare`: per task, its test
score trained alone and trained jointly, the change and McNemar's p-value, then PASS or FAIL.

For each configuration, `mtl compare CONFIG --output TEMP --quiet` trains one model for all
tasks and one per task (same settings and seed) and writes compare.json; this script reads
it. A task's score is its own metric: macro-F1 where the configuration says `metric:
macroF1` or the task is `type: multiLabel`, accuracy otherwise (only those two keys and
`- name:` are read from the YAML). A task FAILS when its score is lower jointly and the
paired test of `mtl compare` gives p < 0.05, or when `mtl compare` flags it as negative
transfer (fewer test documents right jointly, p < 0.05). That test is McNemar's exact test on
the documents only one of the two models gets right (for a multi-label task, right means
the exact label set), so for a macro-F1 task it says that the two models differ and the
metric says which way; the accuracy change is printed beside it. A
configuration FAILS when any task fails, or when the joint mean accuracy or the joint mean
macro-F1 is below the alone mean (issue 25's floor). The exit status is 1 when any
configuration fails.

Usage: Benchmarks/joint_vs_alone.py [--mtl PATH] [--configs NAME_OR_PATH,...] [--json FILE]
                                   [--set key=value ...]
Names: small-beside-large (../shared/benchmarks/small-beside-large/config.yaml),
seven-related and goemotions (Benchmarks/configs/); all three by default. Rerun as in
docs/ACCURACY.md: `nice -n 10 python3 Benchmarks/joint_vs_alone.py --configs
small-beside-large`. The configurations name the shared corpora relative to themselves
(beside the checkout); without --mtl, builds this checkout in release.
"""
import argparse, json, os, re, subprocess, sys, tempfile, time

from benchmark_support import CORPORA, ROOT, add_mtl_option, mtl_binary, write_json

CONFIGS = {
    "small-beside-large": os.path.join(CORPORA, "..", "benchmarks", "small-beside-large",
                                       "config.yaml"),
    "seven-related": os.path.join(ROOT, "Benchmarks", "configs", "seven-related.yaml"),
    "goemotions": os.path.join(ROOT, "Benchmarks", "configs", "goemotions.yaml"),
}
LEVEL = 0.05


def task_metrics(config):
    """Each task's metric from the YAML: "macroF1" or "accuracy"."""
    metrics, task = {}, None
    with open(config, encoding="utf-8") as handle:
        for line in handle:
            found = re.match(r"\s*-\s*name:\s*(\S+)", line)
            if found:
                task = found.group(1).strip("\"'")
                metrics[task] = "accuracy"
            elif task and re.match(r"\s*(metric:\s*macroF1|type:\s*multiLabel)\b", line):
                metrics[task] = "macroF1"
    return metrics


def compare(mtl, config, folder, overrides):
    command = [mtl, "compare", config, "--quiet", "--output", folder]
    for override in overrides:
        command += ["--set", override]
    start = time.monotonic()
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{config}: mtl compare failed\n{result.stderr[-2000:]}")
    with open(os.path.join(folder, "compare.json"), encoding="utf-8") as handle:
        return json.load(handle), time.monotonic() - start


def judge(name, report, metrics, seconds):
    """Prints the configuration's table and verdict; returns its results."""
    print(f"== {name} ({seconds:.0f} s): alone against joint, in points")
    print(f"  {'task':20s} {'metric':8s} {'alone':>7s} {'joint':>7s} {'delta':>6s} "
          f"{'p':>7s} {'acc delta':>9s}  verdict")
    tasks = []
    for row in report["rows"]:
        metric = metrics.get(row["task"], "accuracy")
        alone, joint = 100 * row["single"][metric], 100 * row["multi"][metric]
        p = (row.get("paired") or {}).get("pValue")
        accuracy_delta = 100 * (row["multi"]["accuracy"] - row["single"]["accuracy"])
        worse = row["negativeTransfer"] or (joint < alone and p is not None and p < LEVEL)
        tasks.append({"task": row["task"], "metric": metric, "alone": alone, "joint": joint,
                      "delta": joint - alone, "p": p, "accuracyDelta": accuracy_delta,
                      "negativeTransfer": row["negativeTransfer"], "significantlyWorse": worse})
        print(f"  {row['task']:20s} {metric:8s} {alone:7.2f} {joint:7.2f} {joint - alone:+6.2f} "
              f"{'-' if p is None else f'{p:.3f}':>7s} {accuracy_delta:+9.2f}  "
              f"{'FAIL' if worse else 'ok'}")
    means = {}
    for metric in ("accuracy", "macroF1"):
        alone = sum(100 * r["single"][metric] for r in report["rows"]) / len(report["rows"])
        joint = sum(100 * r["multi"][metric] for r in report["rows"]) / len(report["rows"])
        means[metric] = {"alone": alone, "joint": joint, "ok": joint >= alone}
        print(f"  {'mean ' + metric:29s} {alone:7.2f} {joint:7.2f} {joint - alone:+6.2f} "
              f"{'':17s}  {'ok' if joint >= alone else 'FAIL'}")
    passed = not any(t["significantlyWorse"] for t in tasks) and all(
        m["ok"] for m in means.values())
    print(f"  {'PASS' if passed else 'FAIL'}: no task significantly worse joint (p < {LEVEL}) "
          "and joint means >= alone means", flush=True)
    return {"config": name, "tasks": tasks, "means": means, "passed": passed,
            "seconds": seconds}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_mtl_option(parser)
    parser.add_argument("--configs", default=",".join(CONFIGS))
    parser.add_argument("--set", action="append", default=[], dest="overrides",
                        help="passed on to mtl compare")
    parser.add_argument("--json", metavar="FILE", help="write the results here as JSON")
    options = parser.parse_args()
    configs = {name: CONFIGS.get(name, name) for name in options.configs.split(",")}
    missing = [path for path in configs.values() if not os.path.isfile(path)]
    if missing:
        sys.exit(f"no such configuration: {', '.join(missing)}")
    mtl = mtl_binary(options.mtl)
    results = []
    with tempfile.TemporaryDirectory() as work:
        for index, (name, config) in enumerate(configs.items()):
            report, seconds = compare(mtl, config, os.path.join(work, str(index)),
                                      options.overrides)
            results.append(judge(name, report, task_metrics(config), seconds))
    if options.json:
        write_json(options.json, {"mtl": mtl, "configs": results})
    failed = [r["config"] for r in results if not r["passed"]]
    print(f"FAIL: {', '.join(failed)}" if failed else "PASS")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
