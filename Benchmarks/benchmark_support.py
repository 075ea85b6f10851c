"""What the benchmark scripts share: where the repository and corpora are, a release build of
`mtl`, and timing a command under /usr/bin/time."""
import os, re, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPORA = os.environ.get("SHARED_CORPORA", os.path.join(ROOT, "..", "shared", "corpora"))


def release_mtl():
    """Builds `mtl` in release mode and returns the binary's path."""
    subprocess.run(["swift", "build", "-c", "release", "--product", "mtl"], cwd=ROOT, check=True,
                   capture_output=True)
    binary = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT,
                            check=True, capture_output=True, text=True).stdout.strip()
    return os.path.join(binary, "mtl")


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
