"""Finds and loads libMultiTaskTextC, and explains a failed load in words a user can act on.

Private. A bare `OSError: libicuuc.so.72: cannot open shared object file` tells a Python user
neither what needs the file nor what to install, so a failed `dlopen` is turned into an
`ImportError` that names the missing library, says which package provides it, and says how
to get a build that matches the machine. The wheel links the Swift runtime and Foundation
statically, so the libraries it needs from the system are only libc, libstdc++ and ICU.
"""

from __future__ import annotations

import ctypes
import os
import re
import struct
from pathlib import Path
from typing import List, Optional

LIBRARY_NAME = "libMultiTaskTextC.so"

_SOURCE_BUILD = (
    "or build the package for this machine from the repository: pip install ./python "
    "(needs a Swift 6 toolchain, libicu-dev and pkg-config)"
)


def library_path() -> Path:
    """The library to load: $MULTITASKTEXT_LIBRARY, else the one bundled beside this module."""
    override = os.environ.get("MULTITASKTEXT_LIBRARY")
    if override:
        return Path(override)
    return Path(__file__).resolve().parent / LIBRARY_NAME


def load_library() -> ctypes.CDLL:
    """Loads the library, raising an `ImportError` that says what is missing and what to do."""
    path = library_path()
    if not path.is_file():
        source = "$MULTITASKTEXT_LIBRARY names" if os.environ.get("MULTITASKTEXT_LIBRARY") else "expected"
        raise ImportError(
            f"multitasktext cannot load its native library: {source} {path}, which does not "
            f"exist. Reinstall the wheel, {_SOURCE_BUILD}."
        )
    try:
        return ctypes.CDLL(str(path))
    except OSError as error:
        raise ImportError(explain_load_error(path, str(error))) from error


def explain_load_error(path: Path, message: str) -> str:
    """The message for a failed `dlopen` of `path` whose error text is `message`."""
    missing = re.search(r"([^\s:]+\.so[.\d]*): cannot open shared object file", message)
    if missing and missing.group(1) != str(path):
        return _explain_missing(path, missing.group(1), message)
    version = re.search(r"version `([^']+)' not found", message)
    if version:
        return (
            f"multitasktext cannot load {path}: the system's C or C++ runtime is older than "
            f"the one it was built against (needs {version.group(1)}). Use a wheel built on an "
            f"older system, {_SOURCE_BUILD}. The loader said: {message}"
        )
    return f"multitasktext cannot load {path}: {message}. Reinstall the wheel, {_SOURCE_BUILD}."


def _explain_missing(path: Path, name: str, message: str) -> str:
    icu = re.match(r"libicu(uc|i18n|data)\.so\.(\d+)", name)
    if icu:
        major = icu.group(2)
        return (
            f"multitasktext needs ICU {major} ({name}), which is not installed: {path} was "
            f"built against the system ICU of its build machine, and ICU's libraries are "
            f"versioned by major release, so exactly ICU {major} is accepted. Install it "
            f"(Debian and Ubuntu: apt-get install libicu{major}; Fedora: dnf install libicu), "
            f"{_SOURCE_BUILD}, which uses this machine's ICU."
        )
    if name.startswith(("libswift", "libFoundation", "libdispatch", "libBlocksRuntime")):
        return (
            f"multitasktext cannot load {path}: it needs the Swift runtime library {name}, "
            f"which is not on this machine. This library was built without the static Swift "
            f"runtime; rebuild it with scripts/build-wheel (which links the runtime in), or "
            f"install the Swift toolchain that built it."
        )
    return (
        f"multitasktext cannot load {path}: it needs {name}, which is not installed "
        f"(the loader said: {message}). Install the package that provides {name}, "
        f"{_SOURCE_BUILD}."
    )


def needed_libraries(path: Path) -> Optional[List[str]]:
    """The shared libraries an ELF file names as DT_NEEDED, or None when it is not 64-bit ELF.

    Read from the file, not by loading it, so `python -m multitasktext --version` can say what
    the library needs even on a machine where it cannot load.
    """
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if data[:5] != b"\x7fELF\x02" or data[5] != 1:  # 64-bit, little-endian
        return None
    section_offset, = struct.unpack_from("<Q", data, 0x28)
    entry_size, count = struct.unpack_from("<HH", data, 0x3A)
    sections = [
        struct.unpack_from("<IIQQQQIIQQ", data, section_offset + index * entry_size) for index in range(count)
    ]
    dynamic = next((section for section in sections if section[1] == 6), None)  # SHT_DYNAMIC
    if dynamic is None:
        return []
    strings = sections[dynamic[6]]  # sh_link: the string table
    names = []
    for offset in range(dynamic[4], dynamic[4] + dynamic[5], 16):
        tag, value = struct.unpack_from("<qQ", data, offset)
        if tag == 0:
            break
        if tag == 1:  # DT_NEEDED
            start = strings[4] + value
            names.append(data[start : data.index(b"\0", start)].decode("utf-8", "replace"))
    return names
