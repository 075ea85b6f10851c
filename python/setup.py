"""Builds the Swift C library with the toolchain and bundles it into the package.

`pip install ./python` and `pip wheel ./python` run this from the repository's `python/`
folder. It runs `swift build -c release --product MultiTaskTextC` with the Swift runtime and
Foundation linked statically (so the wheel needs no Swift toolchain where it is installed) on
the package one folder up (or on $MULTITASKTEXT_SWIFT_PACKAGE), in the scratch folder
`.build-static` that `scripts/build-static` shares, and copies `libMultiTaskTextC.so` next to
the Python modules, without its debug information. Set $MULTITASKTEXT_LIBRARY to a built `.so`
to skip the Swift build.

The Swift build takes minutes from a clean checkout; it reports progress every 15 seconds on
the terminal even when pip hides the build's output (`pip install -v` shows all of it).

The wheel is tagged `py3-none-linux_x86_64` (any Python 3, since the package calls the library
through ctypes and has no extension module), not manylinux: it links the build machine's ICU,
which no manylinux policy allows, so it installs where that ICU major version is installed.
"""

import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import List, TextIO

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.dist import Distribution

try:
    from setuptools.command.bdist_wheel import bdist_wheel
except ImportError:  # setuptools before 70.1
    from wheel.bdist_wheel import bdist_wheel

LIBRARY = "libMultiTaskTextC.so"
SCRATCH = ".build-static"
# The Swift runtime and Foundation linked into the library, so it loads without a toolchain.
STATIC_FLAGS = ["--static-swift-stdlib", "-Xswiftc", "-static-stdlib"]
PROGRESS_SECONDS = 15


def _progress_stream() -> TextIO:
    """The terminal when pip captures this script's output, else standard error."""
    if not sys.stderr.isatty():
        try:
            return open("/dev/tty", "w")
        except OSError:
            pass
    return sys.stderr


def _run_with_progress(command: List[str]) -> None:
    """Runs the Swift build, echoing its output, with a progress line every few seconds.

    A release build can spend minutes in one module without printing, so a timer, not the
    build's output, decides when to report."""
    started = time.monotonic()
    last_step = ["starting"]
    stream = _progress_stream()
    print(f"multitasktext: {' '.join(command)}", file=stream, flush=True)
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

    def echo() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            sys.stdout.write(line)
            if line.startswith("["):
                last_step[0] = line.strip()[:100]

    reader = threading.Thread(target=echo, daemon=True)
    reader.start()
    while True:
        try:
            status = process.wait(timeout=PROGRESS_SECONDS)
            break
        except subprocess.TimeoutExpired:
            elapsed = time.monotonic() - started
            print(f"multitasktext: swift build, {elapsed:.0f} s: {last_step[0]}", file=stream, flush=True)
    reader.join()
    print(f"multitasktext: swift build finished in {time.monotonic() - started:.0f} s", file=stream, flush=True)
    if stream is not sys.stderr:
        stream.close()
    if status != 0:
        raise RuntimeError(f"swift build failed with status {status}; its output is above (pip install -v)")


def _build_library() -> Path:
    prebuilt = os.environ.get("MULTITASKTEXT_LIBRARY")
    if prebuilt:
        if not Path(prebuilt).is_file():
            raise RuntimeError(f"$MULTITASKTEXT_LIBRARY names {prebuilt}, which does not exist")
        return Path(prebuilt)
    package = Path(os.environ.get("MULTITASKTEXT_SWIFT_PACKAGE", Path(__file__).resolve().parent.parent))
    if not (package / "Package.swift").is_file():
        raise RuntimeError(
            f"no Package.swift in {package}: build from the MultiTaskText repository "
            "(pip install ./python) or set MULTITASKTEXT_SWIFT_PACKAGE"
        )
    swift = shutil.which("swift")
    if swift is None:
        raise RuntimeError("the Swift toolchain (swift) is not on PATH; see the README's prerequisites")
    command = [
        swift, "build", "-c", "release", "--product", "MultiTaskTextC", "--package-path", str(package),
        "--scratch-path", str(package / SCRATCH), *STATIC_FLAGS,
    ]
    _run_with_progress(command)
    binaries = subprocess.run(
        command + ["--show-bin-path"], check=True, capture_output=True, text=True
    ).stdout.strip()
    return Path(binaries) / LIBRARY


class BuildWithSwift(build_py):
    """build_py that first builds and copies the shared library."""

    def run(self) -> None:
        super().run()
        library = _build_library()
        target = Path(self.build_lib) / "multitasktext" / LIBRARY
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(library, target)
        # The symbol table stays (crash reports name functions); the DWARF debug information,
        # a quarter of the file, goes.
        if shutil.which("strip"):
            subprocess.run(["strip", "--strip-debug", str(target)], check=True)


class BinaryDistribution(Distribution):
    """Marks the wheel as platform-specific: it carries a native library."""

    def has_ext_modules(self) -> bool:
        return True


class PlatformWheel(bdist_wheel):
    """Tags the wheel for any Python 3 on this platform: ctypes needs no CPython ABI."""

    def get_tag(self):
        _, _, platform = super().get_tag()
        return "py3", "none", platform


setup(
    cmdclass={"build_py": BuildWithSwift, "bdist_wheel": PlatformWheel},
    distclass=BinaryDistribution,
)
