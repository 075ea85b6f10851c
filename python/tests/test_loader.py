"""Loading the native library: the errors a user sees when it cannot load, and
`python -m multitasktext --version`. Each case runs a fresh interpreter, because the library
loads once per process at import."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from multitasktext._loader import explain_load_error, library_path, needed_libraries


def run_python(*arguments: str, library: Path | None = None) -> subprocess.CompletedProcess:
    environment = dict(os.environ)
    if library is not None:
        environment["MULTITASKTEXT_LIBRARY"] = str(library)
    return subprocess.run(
        [sys.executable, *arguments], capture_output=True, text=True, env=environment, cwd=Path(__file__).parent
    )


def test_the_library_needs_icu_by_major_version() -> None:
    needed = needed_libraries(library_path())
    assert needed is not None
    assert any(re.fullmatch(r"libicuuc\.so\.\d+", name) for name in needed), needed


def test_a_missing_icu_is_named_with_what_to_install(tmp_path: Path) -> None:
    # A copy of the real library that asks for ICU 99, which no system has: dlopen fails as
    # it does on a machine without the build machine's ICU.
    original = library_path().read_bytes()
    icu = next(name for name in needed_libraries(library_path()) or [] if name.startswith("libicuuc.so."))
    renamed = "libicuuc.so." + "9" * (len(icu) - len("libicuuc.so."))
    copy = tmp_path / "libMultiTaskTextC.so"
    copy.write_bytes(original.replace(icu.encode() + b"\0", renamed.encode() + b"\0"))
    result = run_python("-c", "import multitasktext", library=copy)
    assert result.returncode != 0
    major = renamed.rsplit(".", 1)[1]
    assert f"ImportError: multitasktext needs ICU {major} ({renamed}), which is not installed" in result.stderr
    assert f"apt-get install libicu{major}" in result.stderr


def test_a_missing_library_file_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "libMultiTaskTextC.so"
    result = run_python("-c", "import multitasktext", library=missing)
    assert result.returncode != 0
    assert f"$MULTITASKTEXT_LIBRARY names {missing}, which does not exist" in result.stderr


def test_version_command_reports_the_library_and_its_needs() -> None:
    result = run_python("-m", "multitasktext", "--version")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("multitasktext ")
    assert lines[1] == f"library: {library_path()}"
    assert "libicuuc.so." in lines[2]
    assert re.fullmatch(r"libMultiTaskTextC \S+: loads", lines[3])


def test_version_command_fails_when_the_library_cannot_load(tmp_path: Path) -> None:
    broken = tmp_path / "libMultiTaskTextC.so"
    broken.write_bytes(b"not a shared object")
    result = run_python("-m", "multitasktext", "--version", library=broken)
    assert result.returncode != 0
    assert f"ImportError: multitasktext cannot load {broken}: " in result.stderr.splitlines()[-1]


def test_an_old_glibc_is_explained() -> None:
    # dlopen's message on a system older than the build machine's (Ubuntu 20.04's glibc 2.31).
    path = Path("/site-packages/multitasktext/libMultiTaskTextC.so")
    message = f"/lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.35' not found (required by {path})"
    explained = explain_load_error(path, message)
    assert explained.startswith(f"multitasktext cannot load {path}: the system's C or C++ runtime is older")
    assert "(needs GLIBC_2.35)" in explained


def test_a_missing_swift_runtime_is_explained() -> None:
    # dlopen's message for a library linked to the toolchain's runtime, toolchain absent.
    path = Path("/site-packages/multitasktext/libMultiTaskTextC.so")
    message = "libswiftCore.so: cannot open shared object file: No such file or directory"
    explained = explain_load_error(path, message)
    assert explained.startswith(
        f"multitasktext cannot load {path}: it needs the Swift runtime library libswiftCore.so"
    )
    assert "scripts/build-wheel" in explained
