#!/usr/bin/env python3
"""Times two `mtl` binaries against each other on the same commands, alternating A B A B.

For checking that a refactoring keeps speed: build the previous commit's `mtl` into one
folder and the new one into another, then run, for example:

  Benchmarks/ab_binaries.py --runs 5 OLD/mtl NEW/mtl -- train CONFIG --quiet

Prints each binary's median wall time and peak memory (from /usr/bin/time -v), and the median
of the per-pair ratios NEW / OLD, which holds even when the machine's speed drifts.
"""
import argparse, statistics

from benchmark_support import timed


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("arguments", nargs=argparse.REMAINDER)
    options = parser.parse_args()
    arguments = options.arguments[1:] if options.arguments[:1] == ["--"] else options.arguments
    def run(binary):
        seconds, peak, _ = timed([binary, *arguments])
        return seconds, peak / 1024

    run(options.old)  # warm-up: page cache and first-run effects
    old, new = [], []
    for _ in range(options.runs):
        old.append(run(options.old))
        new.append(run(options.new))
    ratios = [n[0] / o[0] for o, n in zip(old, new)]
    for name, samples in (("old", old), ("new", new)):
        print(f"  {name}: wall {statistics.median(s[0] for s in samples):7.3f} s   "
              f"peak {statistics.median(s[1] for s in samples):8.1f} MiB")
    print(f"  new / old wall time: median {statistics.median(ratios):.3f} "
          f"(min {min(ratios):.3f}, max {max(ratios):.3f})")


if __name__ == "__main__":
    main()
