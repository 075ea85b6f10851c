"""`python -m multitasktext --version`: what is installed, and whether its native library loads.

The first thing to run when an install misbehaves: it prints the package and library versions,
where the library is and which system libraries it needs, and, when the library cannot load,
the same explanation `import multitasktext` would raise, with exit status 1.
"""

from __future__ import annotations

import argparse
import sys
from importlib import metadata

from ._loader import library_path, needed_libraries


def _distribution_version() -> str:
    try:
        return metadata.version("multitasktext")
    except metadata.PackageNotFoundError:
        return "not installed (running from a source tree)"


def main(arguments: list | None = None) -> int:
    """Runs the command line; returns the exit status."""
    parser = argparse.ArgumentParser(
        prog="python -m multitasktext", description="MultiTaskText's Python package."
    )
    parser.add_argument("--version", action="store_true", help="print versions and the native library's needs")
    options = parser.parse_args(arguments)
    if not options.version:
        parser.print_help()
        return 0
    path = library_path()
    needed = needed_libraries(path)
    print(f"multitasktext {_distribution_version()}")
    print(f"library: {path}")
    print(f"needs: {', '.join(needed) if needed is not None else 'unknown (not a 64-bit ELF file)'}")
    try:
        import multitasktext
    except ImportError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"libMultiTaskTextC {multitasktext.__version__}: loads")
    return 0


if __name__ == "__main__":
    sys.exit(main())
