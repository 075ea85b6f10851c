#!/usr/bin/env bash
# Builds the fuzz targets with libFuzzer and AddressSanitizer, then runs each one in turn.
#
#   Fuzz/run.sh [SECONDS] [TARGET...]
#
# SECONDS is the time per target (default 60). TARGETs default to all five. Each run starts from
# a scratch copy of Seeds/<target>/ (the checked-in seeds never grow), with a fixed seed. Inputs
# that crash are saved under Fuzz/crashes/<target>/. Exits non-zero if any target crashed.
set -euo pipefail
cd "$(dirname "$0")"

seconds="${1:-60}"
shift || true
targets=("$@")
if [ "${#targets[@]}" -eq 0 ]; then
  targets=(FuzzJSONL FuzzCSV FuzzModelFile FuzzQuantizedModel FuzzTokenizer)
fi

max_len() {
  case "$1" in
    FuzzModelFile | FuzzQuantizedModel) echo 65536 ;;
    *) echo 4096 ;;
  esac
}

# -enable-testing lets the targets `@testable import MultiTaskText` for the internal decoders.
# The C and C++ flags instrument the ICU shim too, so the sanitizer checks it.
build_flags=(
  -c release -j 1
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -enable-testing
  -Xcc -fsanitize=fuzzer-no-link,address -Xcxx -fsanitize=fuzzer-no-link,address
)
echo "== building: swift build ${build_flags[*]}"
swift build "${build_flags[@]}"
bin="$(swift build "${build_flags[@]}" --show-bin-path)"

# Scratch space in memory when possible: FuzzCSV writes a file per input, and corpora grow.
scratch_base="${MTL_FUZZ_SCRATCH:-/dev/shm}"
[ -d "$scratch_base" ] && [ -w "$scratch_base" ] || scratch_base="${TMPDIR:-/tmp}"
scratch="$(mktemp -d "$scratch_base/mtl-fuzz.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT
export TMPDIR="$scratch"
# Leak checking is off: Swift runtime caches would drown real reports, and the targets keep their
# ICU engines for the whole run on purpose.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
# The Swift backtracer reads process memory in a way AddressSanitizer reports; libFuzzer and
# ASan print the stack themselves.
export SWIFT_BACKTRACE="${SWIFT_BACKTRACE:-enable=no}"

summary=()
failed=0
for target in "${targets[@]}"; do
  corpus="$scratch/corpus-$target"
  crashes="crashes/$target"
  mkdir -p "$corpus" "$crashes"
  cp Seeds/"$target"/* "$corpus"/ 2>/dev/null || true
  log="$scratch/$target.log"
  echo "== $target: ${seconds}s, max_len $(max_len "$target")"
  status=0
  "$bin/$target" "$corpus" \
    -max_total_time="$seconds" -seed=1 -rss_limit_mb=2048 -max_len="$(max_len "$target")" \
    -timeout=20 -print_final_stats=1 -artifact_prefix="$crashes/" \
    >"$log" 2>&1 || status=$?
  tail -n 25 "$log"
  cp "$log" "crashes/$target.log"
  executions="$(grep -E '^stat::number_of_executed_units:' "$log" | awk '{print $2}' | tail -n 1)"
  if [ -z "$executions" ]; then
    executions="$(grep -oE '^#[0-9]+' "$log" | tail -n 1 | tr -d '#')"
  fi
  rate="$(grep -E '^stat::average_exec_per_sec:' "$log" | awk '{print $2}' | tail -n 1)"
  if [ "$status" -ne 0 ]; then
    failed=1
    artifact="$(grep -oE "Test unit written to [^ ]+" "$log" | tail -n 1 | sed 's/Test unit written to //')"
    summary+=("$target: CRASH (exit $status) after ${executions:-?} executions; input: ${artifact:-none}")
  else
    summary+=("$target: ok, ${executions:-?} executions in ${seconds}s (${rate:-?}/s), no crash")
  fi
done

echo "== summary"
printf '%s\n' "${summary[@]}"
exit "$failed"
