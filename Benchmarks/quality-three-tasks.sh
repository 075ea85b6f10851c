#!/usr/bin/env bash
# Trains topic (ag_news), sentiment (sst2) and spam (sms_spam) as one model with the default
# settings on one thread, then prints each task's test accuracy beside the issue's floor: one
# point below the best single-task fastText setting of a small grid (86.6, 80.8, 99.4).
#
# Usage: Benchmarks/quality-three-tasks.sh [extra mtl options, e.g. --set training.epochs=10]
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

swift build -c release --product mtl >/dev/null
mtl="$(swift build -c release --show-bin-path)/mtl"

start=$(date +%s.%N)
"$mtl" pipeline Benchmarks/configs/three-tasks.yaml --quiet --set "output.directory=$work" "$@" \
  >"$work/summary.txt"
end=$(date +%s.%N)

python3 - "$work/report.json" "$(echo "$end - $start" | bc -l)" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
floors = {"topic": 86.6 - 1, "sentiment": 80.8 - 1, "spam": 99.4 - 1}
print(f"{'task':10s} {'accuracy':>9s} {'macro-F1':>9s} {'floor':>7s}")
ok = True
for name, floor in floors.items():
    task = report["tasks"][name]
    accuracy = task["accuracy"] * 100
    ok &= accuracy >= floor
    print(f"{name:10s} {accuracy:8.2f}% {task['macroF1']:9.4f} {floor:6.1f}%"
          f" {'ok' if accuracy >= floor else 'BELOW'}")
print(f"pipeline wall time (read, train, save, evaluate): {float(sys.argv[2]):.1f} s")
sys.exit(0 if ok else 1)
PY
