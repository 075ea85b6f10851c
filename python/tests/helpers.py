"""Running the real `mtl` CLI on the same texts, for byte-for-byte comparisons."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import List, Sequence


def write_lines(path: Path, texts: Sequence[str]) -> Path:
    path.write_bytes(b"".join(text.encode("utf-8") + b"\n" for text in texts))
    return path


def run_mtl(binary: str, arguments: List[str], stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([binary, *arguments], input=stdin, capture_output=True)


def mtl_predict(binary: str, model_path: str, input_path: Path, *options: str) -> bytes:
    result = run_mtl(binary, ["predict", "--model", model_path, *options, str(input_path)])
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout
