"""Training from a configuration file, as `mtl train` does."""

from __future__ import annotations

import ctypes
import os
from typing import Mapping, Sequence, Union

from ._native import c_path, check, encode_all, lib, take_buffer

Overrides = Union[Mapping[str, object], Sequence[str]]

# The names `train` writes into the output folder; declared once for the library in
# Sources/MultiTaskText/Persistence/ModelOutputFiles.swift (`ModelOutputFiles`), copied here.
MODEL_FILE_NAME = "model.mtl"
VOCABULARY_FILE_NAME = "vocabulary.tsv"


def _override_strings(overrides: Overrides) -> list:
    if isinstance(overrides, Mapping):
        return [f"{key}={_setting(value)}" for key, value in overrides.items()]
    return [str(item) for item in overrides]


def _setting(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def train(config: Union[str, "os.PathLike[str]"], overrides: Overrides = ()) -> str:
    """Trains like `mtl train CONFIG --quiet --set KEY=VALUE ...` and returns the model path.

    `overrides` is a mapping such as `{"training.epochs": 5}` or a list of `"key=value"`
    strings. Writes `<output.directory>/model.mtl` and `vocabulary.tsv` atomically. Raises
    `ConfigurationError` or `TrainingError` with the CLI's message.
    """
    settings = _override_strings(overrides)
    array = encode_all(settings)
    out = ctypes.c_void_p()
    path = c_path("the configuration path", config)
    check(lib.mtl_train(path, array, len(settings), ctypes.byref(out)))
    return take_buffer(out, _c_length(out)).decode("utf-8")


def _c_length(pointer: ctypes.c_void_p) -> int:
    return len(ctypes.string_at(pointer))
