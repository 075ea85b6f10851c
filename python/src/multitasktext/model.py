"""A loaded model: its tasks and labels, JSON predictions and probability matrices."""

from __future__ import annotations

import ctypes
import json
import os
from typing import Any, Dict, List, Optional, Sequence, Union

import numpy as np

from . import _native
from ._native import Batch, PredictOptions, check, lib, take_buffer
from .errors import InvalidArgumentError

PathLike = Union[str, "os.PathLike[str]"]


class Model:
    """A MultiTaskText model file loaded through the C API.

    One `Model` may be shared by any number of threads: the library lends each concurrent
    call a predictor of its own, and ctypes releases the GIL while it runs.
    """

    def __init__(self, path: PathLike) -> None:
        """Loads the `.mtl` file at `path`; raises `ModelFileError` as `mtl predict` would."""
        self.path = os.fspath(path)
        handle = ctypes.c_void_p()
        check(lib.mtl_model_load(self.path.encode("utf-8"), ctypes.byref(handle)))
        self._handle: Optional[ctypes.c_void_p] = handle
        count = lib.mtl_model_task_count(handle)
        self._tasks: List[str] = [lib.mtl_model_task_name(handle, i).decode("utf-8") for i in range(count)]
        self._labels: List[List[str]] = [
            [lib.mtl_model_label(handle, i, j).decode("utf-8") for j in range(lib.mtl_model_label_count(handle, i))]
            for i in range(count)
        ]
        self._multi_label: List[bool] = [lib.mtl_model_task_is_multi_label(handle, i) == 1 for i in range(count)]

    # Lifetime

    def close(self) -> None:
        """Frees the native model now rather than at garbage collection."""
        handle, self._handle = getattr(self, "_handle", None), None
        if handle is not None and lib is not None:
            lib.mtl_model_free(handle)

    def __del__(self) -> None:
        self.close()

    def __enter__(self) -> "Model":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"multitasktext.Model({self.path!r}, tasks={self._tasks!r})"

    def __reduce__(self) -> Any:
        # Pickled by path, so Spark and multiprocessing reload it where they unpickle it.
        return (Model, (self.path,))

    def _live_handle(self) -> ctypes.c_void_p:
        if self._handle is None:
            raise InvalidArgumentError("the model is closed")
        return self._handle

    # Description

    @property
    def tasks(self) -> List[str]:
        """The task names, in the model's order (the order of `mtl predict`'s keys)."""
        return list(self._tasks)

    def labels(self, task: str) -> List[str]:
        """The labels of `task`, in label order (the columns of `predict_proba`)."""
        return list(self._labels[self.task_index(task)])

    def is_multi_label(self, task: str) -> bool:
        """Whether `task` answers a list of labels (`{"labels": [...]}`)."""
        return self._multi_label[self.task_index(task)]

    def task_index(self, task: str) -> int:
        """The position of `task`; raises `InvalidArgumentError` for an unknown name."""
        try:
            return self._tasks.index(task)
        except ValueError:
            raise InvalidArgumentError(
                f"unknown task '{task}'; the model has {', '.join(self._tasks)}"
            ) from None

    # Prediction

    def predict_json(
        self,
        texts: Sequence[str],
        top_k: int = 0,
        explain: int = 0,
        min_probability: Optional[float] = None,
        tasks: Optional[Sequence[str]] = None,
        threads: int = 1,
    ) -> bytes:
        """The JSON lines `mtl predict` prints for `texts`, one per text, as bytes.

        The options are `mtl predict`'s `--top-k`, `--explain`, `--min-probability` and
        `--tasks`, checked with the same messages. `threads` > 1 splits the batch over that
        many native threads; the answers and their order do not change.
        """
        batch = Batch(texts)
        options = PredictOptions(
            top_k=int(top_k),
            explain=int(explain),
            has_min_probability=0 if min_probability is None else 1,
            min_probability=0.0 if min_probability is None else float(min_probability),
            tasks=None if tasks is None else ",".join(tasks).encode("utf-8"),
            threads=int(threads),
        )
        out = ctypes.c_void_p()
        length = ctypes.c_uint64()
        check(
            lib.mtl_predict_json(
                self._live_handle(), batch.data, batch.offsets_pointer(), batch.count,
                ctypes.byref(options), ctypes.byref(out), ctypes.byref(length),
            )
        )
        return take_buffer(out, length.value)

    def predict(
        self,
        texts: Sequence[str],
        top_k: int = 0,
        explain: int = 0,
        min_probability: Optional[float] = None,
        tasks: Optional[Sequence[str]] = None,
        threads: int = 1,
    ) -> List[Dict[str, Any]]:
        """Every task's answer for each text: exactly `mtl predict`'s JSON objects, as dicts.

        Example: `{"topic": {"label": "Sports", "probability": 0.97}, ...}`; a multi-label
        task answers `{"labels": [...]}`, an abstention `{"label": None, "reason": ...}`.
        """
        lines = self.predict_json(texts, top_k, explain, min_probability, tasks, threads)
        if not lines:
            return []
        # One parse for the whole batch: the lines hold no raw newline, so joining them with
        # commas makes one JSON array.
        return json.loads(b"[" + lines[:-1].replace(b"\n", b",") + b"]")

    def predict_proba(self, texts: Sequence[str], task: str, threads: int = 1) -> np.ndarray:
        """Task `task`'s probabilities, shape (len(texts), len(labels(task))), float32.

        Columns follow `labels(task)`; `threads` is as in `predict_json`.
        """
        index = self.task_index(task)
        batch = Batch(texts)
        result = np.empty((batch.count, len(self._labels[index])), dtype=np.float32)
        check(
            lib.mtl_predict_probabilities(
                self._live_handle(), batch.data, batch.offsets_pointer(), batch.count, index,
                int(threads), result.ctypes.data_as(_native.c_float_p),
            )
        )
        return result


def load(path: PathLike) -> Model:
    """Loads a model file (`model.mtl`), as `mtl predict --model PATH` does."""
    return Model(path)
