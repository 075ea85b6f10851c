"""What the benchmark scripts share: where the repository and corpora are, a release build of
`mtl` (or the one given with --mtl), JSONL files, one-task `mtl pipeline` runs, and timing a
command under /usr/bin/time."""
import argparse, json, os, re, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPORA = os.environ.get("SHARED_CORPORA", os.path.join(ROOT, "..", "shared", "corpora"))


def release_mtl():
    """Builds `mtl` in release mode and returns the binary's path."""
    subprocess.run(["swift", "build", "-c", "release", "--product", "mtl"], cwd=ROOT, check=True,
                   capture_output=True)
    binary = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT,
                            check=True, capture_output=True, text=True).stdout.strip()
    return os.path.join(binary, "mtl")


def add_mtl_option(parser):
    """Adds --mtl PATH: an `mtl` binary to measure instead of this checkout's release build."""
    parser.add_argument("--mtl", metavar="PATH",
                        help="the mtl binary to run (default: build this checkout in release)")


def mtl_binary(path):
    """The binary given with --mtl, checked to exist, or this checkout's release build."""
    if path is None:
        return release_mtl()
    if not os.access(path, os.X_OK):
        sys.exit(f"--mtl {path}: not an executable file")
    return os.path.abspath(path)


def read_jsonl(path):
    """The records of a JSONL file, one object a line."""
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def write_jsonl(records, path):
    """Writes records one JSON object a line (UTF-8, not ASCII-escaped)."""
    with open(path, "w", encoding="utf-8") as handle:
        handle.writelines(json.dumps(record, ensure_ascii=False) + "\n" for record in records)


def corpus_parser(description, default_corpora):
    """An argument parser with the options of the scripts that run corpus by corpus: --mtl,
    --corpora (default `default_corpora`) and --json FILE."""
    parser = argparse.ArgumentParser(description=description)
    add_mtl_option(parser)
    parser.add_argument("--corpora", default=",".join(default_corpora),
                        help="comma-separated corpus names")
    parser.add_argument("--json", metavar="FILE", help="write the results here as JSON")
    return parser


def corpus_names(text):
    """The comma-separated corpus names of a --corpora option, each checked to have a
    train.jsonl among the shared corpora."""
    names = text.split(",")
    unknown = [n for n in names if not os.path.exists(os.path.join(CORPORA, n, "train.jsonl"))]
    if unknown:
        sys.exit(f"no train.jsonl in {CORPORA} for: {', '.join(unknown)}")
    return names


def write_json(path, data):
    """Writes a --json results file, indented."""
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(data, handle, indent=2)
        handle.write("\n")


def pipeline_report(mtl, task, files, folder, overrides=()):
    """Runs `mtl pipeline --quiet` on one task named `task` whose files are `files` (keys train,
    test and optionally dev), writing into `folder`; returns (report.json, wall seconds).
    `overrides` and the environment's MTL_SET (space-separated KEY=VALUE, such as
    `model.linear=auto`) are passed as `--set` options."""
    os.makedirs(folder, exist_ok=True)
    lines = ["tasks:", f"  - name: {task}"]
    lines += [f"    {split}: {files[split]}" for split in ("train", "dev", "test") if split in files]
    lines.append(f"output: {{directory: {folder}/out}}")
    config = os.path.join(folder, "config.yaml")
    with open(config, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    command = [mtl, "pipeline", config, "--quiet"]
    # MTL_SET="model.linear=auto ...": settings measured before they become defaults.
    for override in list(overrides) + os.environ.get("MTL_SET", "").split():
        command += ["--set", override]
    start = time.monotonic()
    result = subprocess.run(command, capture_output=True, text=True)
    seconds = time.monotonic() - start
    if result.returncode != 0:
        sys.exit(f"{task}: mtl pipeline failed\n{result.stderr[-2000:]}")
    with open(os.path.join(folder, "out", "report.json"), encoding="utf-8") as handle:
        return json.load(handle), seconds


def timed(command, **kwargs):
    """Runs a command under /usr/bin/time -v; returns (seconds, peak KiB, stdout)."""
    result = subprocess.run(["/usr/bin/time", "-v", *command], capture_output=True, text=True,
                            **kwargs)
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{result.stderr[-2000:]}")
    wall = re.search(r"Elapsed \(wall clock\) time .*: (?:(\d+):)?(\d+):([\d.]+)", result.stderr)
    hours, minutes, seconds = wall.groups()
    elapsed = int(hours or 0) * 3600 + int(minutes) * 60 + float(seconds)
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1))
    return elapsed, peak, result.stdout


def print_floor(checks, passed="met", indent=""):
    """Prints a benchmark's floor line: each (description, held) check followed by `passed`
    or MISSED, so that a missed floor reads the same in every benchmark."""
    marks = (f"{text} {passed if held else 'MISSED'}" for text, held in checks)
    print(f"{indent}floor: " + "; ".join(marks))
