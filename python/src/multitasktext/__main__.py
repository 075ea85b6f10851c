"""`python -m multitasktext --version`: what is installed and what its native library needs.

The first thing to run when an install misbehaves. Python imports the package before running
this module, so when the library cannot load, the command ends with the package's own
`ImportError`, which names the missing system library; when it loads, the command prints the
package and library versions, where the library is and which system libraries it needs.
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
    import multitasktext

    path = library_path()
    needed = needed_libraries(path)
    print(f"multitasktext {_distribution_version()}")
    print(f"library: {path}")
    print(f"needs: {', '.join(needed) if needed is not None else 'unknown (not a 64-bit ELF file)'}")
    print(f"libMultiTaskTextC {multitasktext.__version__}: loads")
    return 0


if __name__ == "__main__":
    sys.exit(main())
