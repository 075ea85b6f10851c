"""ctypes bindings to libMultiTaskTextC (the C API in Sources/CMultiTaskText/include).

Private: the public API is in `model.py`, `text.py` and `training.py`. ctypes releases the GIL
for every call, so threads sharing one model really predict in parallel; the library pools a
predictor per concurrent caller.
"""

from __future__ import annotations

import ctypes
import os
from typing import Any, Iterable, Sequence, Tuple

import numpy as np

from ._loader import load_library
from .errors import InvalidArgumentError, raise_last_error

c_char_p_p = ctypes.POINTER(ctypes.c_char_p)
c_uint64_p = ctypes.POINTER(ctypes.c_uint64)
c_float_p = ctypes.POINTER(ctypes.c_float)
c_int32_p = ctypes.POINTER(ctypes.c_int32)
c_uint8_p = ctypes.POINTER(ctypes.c_uint8)


class PredictOptions(ctypes.Structure):
    """`mtl_predict_options`."""

    _fields_ = [
        ("top_k", ctypes.c_int32),
        ("explain", ctypes.c_int32),
        ("has_min_probability", ctypes.c_int32),
        ("min_probability", ctypes.c_float),
        ("tasks", ctypes.c_char_p),
        ("threads", ctypes.c_int32),
    ]


class TokenizeOptions(ctypes.Structure):
    """`mtl_tokenize_options`."""

    _fields_ = [
        ("normalization", ctypes.c_int32),
        ("case_folding", ctypes.c_int32),
        ("strip_accents", ctypes.c_int32),
        ("strict_utf8", ctypes.c_int32),
        ("drop_punctuation", ctypes.c_int32),
        ("drop_symbols", ctypes.c_int32),
        ("number_placeholder", ctypes.c_int32),
        ("urls", ctypes.c_int32),
        ("emails", ctypes.c_int32),
        ("locale", ctypes.c_char_p),
    ]


class EvaluateOptions(ctypes.Structure):
    """`mtl_evaluate_options`."""

    _fields_ = [
        ("config", ctypes.c_char_p),
        ("task_files", c_char_p_p),
        ("task_file_count", ctypes.c_uint64),
        ("input_format", ctypes.c_char_p),
        ("text_column", ctypes.c_char_p),
        ("label_column", ctypes.c_char_p),
        ("no_header", ctypes.c_int32),
        ("skip_invalid", ctypes.c_int32),
    ]


class QuantizeOptions(ctypes.Structure):
    """`mtl_quantize_options`."""

    _fields_ = [
        ("target_size", ctypes.c_char_p),
        ("cutoff", ctypes.c_int64),
        ("dsub", ctypes.c_int32),
        ("qnorm", ctypes.c_int32),
        ("bits", ctypes.c_int32),
        ("retrain", ctypes.c_int32),
        ("config", ctypes.c_char_p),
        ("train_files", c_char_p_p),
        ("train_file_count", ctypes.c_uint64),
        ("input_format", ctypes.c_char_p),
        ("epochs", ctypes.c_int32),
        ("learning_rate", ctypes.c_double),
        ("has_seed", ctypes.c_int32),
        ("seed", ctypes.c_uint64),
        ("skip_invalid", ctypes.c_int32),
    ]


def _declare(lib: ctypes.CDLL) -> ctypes.CDLL:
    p = ctypes.c_void_p
    signatures: dict[str, Tuple[Any, list]] = {
        "mtl_version": (ctypes.c_char_p, []),
        "mtl_last_error_message": (ctypes.c_char_p, []),
        "mtl_last_error_code": (ctypes.c_int32, []),
        "mtl_buffer_free": (None, [p]),
        "mtl_model_load": (ctypes.c_int32, [ctypes.c_char_p, ctypes.POINTER(p)]),
        "mtl_model_free": (None, [p]),
        "mtl_model_task_count": (ctypes.c_int32, [p]),
        "mtl_model_task_name": (ctypes.c_char_p, [p, ctypes.c_int32]),
        "mtl_model_task_is_multi_label": (ctypes.c_int32, [p, ctypes.c_int32]),
        "mtl_model_label_count": (ctypes.c_int32, [p, ctypes.c_int32]),
        "mtl_model_label": (ctypes.c_char_p, [p, ctypes.c_int32, ctypes.c_int32]),
        "mtl_predict_json": (
            ctypes.c_int32,
            [p, ctypes.c_char_p, c_uint64_p, ctypes.c_uint64, ctypes.POINTER(PredictOptions),
             ctypes.POINTER(p), c_uint64_p],
        ),
        "mtl_predict_probabilities": (
            ctypes.c_int32,
            [p, ctypes.c_char_p, c_uint64_p, ctypes.c_uint64, ctypes.c_int32, ctypes.c_int32, c_float_p],
        ),
        "mtl_predict_slot_count": (ctypes.c_int32, [p, ctypes.c_int32, ctypes.c_int32]),
        "mtl_predict_labels": (
            ctypes.c_int32,
            [p, ctypes.c_char_p, c_uint64_p, ctypes.c_uint64, ctypes.POINTER(PredictOptions),
             c_int32_p, c_int32_p, c_float_p, c_uint8_p],
        ),
        "mtl_tokenize_options_default": (None, [ctypes.POINTER(TokenizeOptions)]),
        "mtl_tokenize": (
            ctypes.c_int32,
            [ctypes.c_char_p, c_uint64_p, ctypes.c_uint64, ctypes.POINTER(TokenizeOptions),
             ctypes.POINTER(p), c_uint64_p],
        ),
        "mtl_train": (ctypes.c_int32, [ctypes.c_char_p, c_char_p_p, ctypes.c_uint64, ctypes.POINTER(p)]),
        "mtl_evaluate": (
            ctypes.c_int32,
            [ctypes.c_char_p, ctypes.POINTER(EvaluateOptions), ctypes.POINTER(p), c_uint64_p],
        ),
        "mtl_quantize": (
            ctypes.c_int32, [ctypes.c_char_p, ctypes.c_char_p, ctypes.POINTER(QuantizeOptions)],
        ),
    }
    for name, (restype, argtypes) in signatures.items():
        function = getattr(lib, name)
        function.restype = restype
        function.argtypes = argtypes
    return lib


lib = _declare(load_library())


def check(status: int) -> None:
    """Raises the thread's last error when a call did not return MTL_OK."""
    if status != 0:
        raise_last_error(lib)


class Batch:
    """Documents laid out as the C API wants them: one UTF-8 buffer and count + 1 offsets.

    Keeps the buffers alive for as long as the batch object lives.
    """

    __slots__ = ("data", "offsets", "count")

    def __init__(self, texts: Iterable[str]) -> None:
        if isinstance(texts, (str, bytes)):
            raise TypeError("texts must be a sequence of strings, not a single string")
        encoded = [
            text.encode("utf-8", "surrogatepass") if isinstance(text, str) else _bytes_of(text)
            for text in texts
        ]
        self.count = len(encoded)
        self.data = b"".join(encoded)
        offsets = np.zeros(self.count + 1, dtype=np.uint64)
        if self.count:
            np.cumsum(np.fromiter(map(len, encoded), dtype=np.uint64, count=self.count), out=offsets[1:])
        self.offsets = offsets

    def offsets_pointer(self) -> Any:
        return self.offsets.ctypes.data_as(c_uint64_p)


def _bytes_of(value: object) -> bytes:
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value)
    raise TypeError(f"texts must be strings, found {type(value).__name__}")


def take_buffer(pointer: ctypes.c_void_p, length: int) -> bytes:
    """Copies a buffer the library returned and frees it."""
    try:
        return ctypes.string_at(pointer, length) if length else b""
    finally:
        lib.mtl_buffer_free(pointer)


def encode_all(strings: Sequence[str], what: str = "an override") -> Any:
    """A NULL-free `char **` array of UTF-8 strings, kept alive by the returned object."""
    array = (ctypes.c_char_p * max(1, len(strings)))()
    for index, value in enumerate(strings):
        array[index] = c_string(what, value)
    return array


def c_string(what: str, value: str) -> bytes:
    """`value` as a C string; refuses a NUL, where C would silently cut the string short
    (a path `"model.mtl\\0x"` would open `model.mtl`)."""
    encoded = value.encode("utf-8")
    if b"\0" in encoded:
        raise InvalidArgumentError(f"{what} must not contain a NUL character, found {value!r}")
    return encoded


def c_path(what: str, path: Any) -> bytes:
    """A file path as the C API's bytes: the file system's own encoding, and no NUL."""
    encoded = os.fsencode(path)
    if b"\0" in encoded:
        raise InvalidArgumentError(f"{what} must not contain a NUL character, found {os.fsdecode(encoded)!r}")
    return encoded


def flag(name: str, value: Any) -> int:
    """A yes/no option as 0 or 1; ctypes would wrap 2**32 to 0 (no) in an int32_t."""
    if isinstance(value, (bool, np.bool_)):
        return int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return 1 if value else 0
    raise TypeError(f"{name} must be True or False, found {type(value).__name__}")
