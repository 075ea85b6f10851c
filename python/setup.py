"""Builds the Swift C library with the toolchain and bundles it into the package.

`pip install ./python` and `pip wheel ./python` run this from the repository's `python/`
folder. It calls `swift build -c release --product MultiTaskTextC` on the package one folder
up (or on $MULTITASKTEXT_SWIFT_PACKAGE) and copies `libMultiTaskTextC.so` next to the Python
modules. Set $MULTITASKTEXT_LIBRARY to a built `.so` to skip the Swift build.
"""

import os
import shutil
import subprocess
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.dist import Distribution

LIBRARY = "libMultiTaskTextC.so"


def _build_library() -> Path:
    prebuilt = os.environ.get("MULTITASKTEXT_LIBRARY")
    if prebuilt:
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
    command = [swift, "build", "-c", "release", "--product", "MultiTaskTextC", "--package-path", str(package)]
    subprocess.run(command, check=True)
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


class BinaryDistribution(Distribution):
    """Marks the wheel as platform-specific: it carries a native library."""

    def has_ext_modules(self) -> bool:
        return True


setup(cmdclass={"build_py": BuildWithSwift}, distclass=BinaryDistribution)
