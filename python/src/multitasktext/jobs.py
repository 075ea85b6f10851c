"""Evaluating and quantizing model files, as `mtl eval --format json` and `mtl quantize` do.

Both run the library's own plans (`EvaluationPlan`, `QuantizationPlan`) through the C API,
so the report and the quantized bytes are those of the CLI.
"""

from __future__ import annotations

import ctypes
import json
import os
from typing import Any, Dict, Mapping, Optional, Sequence, Union

from ._native import EvaluateOptions, QuantizeOptions, c_path, c_string, check, encode_all, lib, take_buffer
from .errors import InvalidArgumentError

PathLike = Union[str, "os.PathLike[str]"]


def _optional(what: str, value: Optional[Any]) -> Optional[bytes]:
    return None if value is None else c_path(what, value)


def _task_entries(tasks: Union[Mapping[str, PathLike], Sequence[str], None]) -> list:
    if tasks is None:
        return []
    if isinstance(tasks, Mapping):
        return [f"{name}={os.fsdecode(path)}" for name, path in tasks.items()]
    if isinstance(tasks, (str, bytes, os.PathLike)):
        return [os.fsdecode(tasks)]
    return [os.fsdecode(entry) for entry in tasks]


def evaluate(
    model_path: PathLike,
    config: Optional[PathLike] = None,
    tasks: Union[Mapping[str, PathLike], Sequence[str], None] = None,
    input_format: Optional[str] = None,
    text_column: Optional[str] = None,
    label_column: Optional[str] = None,
    no_header: bool = False,
    skip_invalid: bool = False,
) -> Dict[str, Any]:
    """Evaluates the model file like `mtl eval --model MODEL --format json` and returns the
    report as a dict.

    `config` names the configuration whose tasks' test files to use; `tasks` maps task names
    to other files (`{"spam": "test.jsonl"}`, or `["spam=test.jsonl"]`), read with
    `input_format`, `text_column`, `label_column` and `no_header`. Raises
    `InvalidArgumentError` for a bad option or a task the model lacks, with the CLI's message.
    """
    entries = _task_entries(tasks)
    array = encode_all(entries, "a task file")
    options = EvaluateOptions(
        config=_optional("the configuration path", config),
        task_files=ctypes.cast(array, ctypes.POINTER(ctypes.c_char_p)),
        task_file_count=len(entries),
        input_format=None if input_format is None else c_string("input_format", input_format),
        text_column=None if text_column is None else c_string("text_column", text_column),
        label_column=None if label_column is None else c_string("label_column", label_column),
        no_header=int(bool(no_header)),
        skip_invalid=int(bool(skip_invalid)),
    )
    out = ctypes.c_void_p()
    length = ctypes.c_uint64()
    path = c_path("the model path", model_path)
    check(lib.mtl_evaluate(path, ctypes.byref(options), ctypes.byref(out), ctypes.byref(length)))
    return json.loads(take_buffer(out, length.value))


def quantize(
    model_path: PathLike,
    output: PathLike,
    target_size: Optional[str] = None,
    cutoff: Optional[int] = None,
    dsub: Optional[int] = None,
    qnorm: bool = False,
    bits: Optional[int] = None,
    retrain: bool = False,
    config: Optional[PathLike] = None,
    train: Union[Mapping[str, PathLike], Sequence[str], PathLike, None] = None,
    input_format: Optional[str] = None,
    epochs: int = 5,
    learning_rate: float = 0.1,
    seed: Optional[int] = None,
    skip_invalid: bool = False,
) -> str:
    """Quantizes the float model file into `output` like `mtl quantize MODEL --output OUTPUT`
    and returns `output`; the bytes are those the CLI writes with the same options.

    `target_size` (such as "4MB") chooses the sub-vector width and cutoff; otherwise `cutoff`,
    `dsub`, `qnorm` and `bits` (8) are used as given. `retrain` refits the heads on the
    training files of `config`, or on `train` (a file, `{"task": file}` or `["task=file"]`).
    A number left at None or 0 takes the CLI's default. Raises `InvalidArgumentError` with
    the CLI's message for a bad option.
    """
    entries = _task_entries(train)
    array = encode_all(entries, "a training file")
    options = QuantizeOptions(
        target_size=None if target_size is None else c_string("target_size", target_size),
        cutoff=_whole("cutoff", cutoff, bits=64),
        dsub=_whole("dsub", dsub),
        qnorm=int(bool(qnorm)),
        bits=_whole("bits", bits),
        retrain=int(bool(retrain)),
        config=_optional("the configuration path", config),
        train_files=ctypes.cast(array, ctypes.POINTER(ctypes.c_char_p)),
        train_file_count=len(entries),
        input_format=None if input_format is None else c_string("input_format", input_format),
        epochs=_whole("epochs", epochs),
        learning_rate=float(learning_rate),
        has_seed=0 if seed is None else 1,
        seed=0 if seed is None else int(seed),
        skip_invalid=int(bool(skip_invalid)),
    )
    check(
        lib.mtl_quantize(
            c_path("the model path", model_path), c_path("the output path", output), ctypes.byref(options)
        )
    )
    return os.fsdecode(output)


def _whole(name: str, value: Optional[int], bits: int = 32) -> int:
    """An option as a C integer, 0 for None (the C API's "default"); refuses what C would
    silently wrap around."""
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an integer, found {type(value).__name__}")
    if not -(2 ** (bits - 1)) <= value < 2 ** (bits - 1):
        raise InvalidArgumentError(f"{name} is out of range, found {value}")
    return value
