"""Exceptions raised by multitasktext, carrying the message `mtl` prints after `Error: `."""

from __future__ import annotations

import ctypes
from typing import Dict, NoReturn, Type


class MultiTaskTextError(Exception):
    """Base class of every error the library reports.

    Attributes:
        code: the C API's status code (`MTL_ERROR_*` in multitasktext.h).
        message: the same message the CLI prints.
    """

    code: int = 7

    def __init__(self, message: str, code: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code


class InvalidArgumentError(MultiTaskTextError, ValueError):
    """A bad option, task name or index (MTL_ERROR_INVALID_ARGUMENT)."""

    code = 1


class ModelFileError(MultiTaskTextError, OSError):
    """The model file is missing, truncated or not a model (MTL_ERROR_MODEL_FILE)."""

    code = 2


class TextError(MultiTaskTextError, ValueError):
    """A document could not be normalized or tokenized (MTL_ERROR_TEXT)."""

    code = 3


class ConfigurationError(MultiTaskTextError, ValueError):
    """The configuration file or an override is invalid (MTL_ERROR_CONFIGURATION)."""

    code = 4


class TrainingError(MultiTaskTextError):
    """Reading the corpora or training failed (MTL_ERROR_TRAINING)."""

    code = 5


class WriteError(MultiTaskTextError, OSError):
    """Writing the model or vocabulary failed (MTL_ERROR_IO)."""

    code = 6


_BY_CODE: Dict[int, Type[MultiTaskTextError]] = {
    cls.code: cls
    for cls in (InvalidArgumentError, ModelFileError, TextError, ConfigurationError, TrainingError, WriteError)
}


def raise_last_error(lib: ctypes.CDLL) -> NoReturn:
    """Raises the calling thread's last C API error as the matching exception."""
    code = int(lib.mtl_last_error_code())
    message = (lib.mtl_last_error_message() or b"").decode("utf-8", "replace")
    raise _BY_CODE.get(code, MultiTaskTextError)(message, code)
