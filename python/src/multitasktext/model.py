"""A loaded model: its tasks and labels, JSON predictions and probability matrices."""

from __future__ import annotations

import ctypes
import json
import operator
import os
import threading
from contextlib import contextmanager
from typing import Any, Dict, Iterator, List, Optional, Sequence, Union

import numpy as np

from . import _answers, _native
from ._native import Batch, PredictOptions, check, lib, take_buffer
from .errors import InvalidArgumentError, raise_last_error

PathLike = Union[str, "os.PathLike[str]"]

# The C API's options are int32_t: ctypes would silently wrap a larger Python int.
_INT32_MAX = 2**31 - 1


class Model:
    """A MultiTaskText model file loaded through the C API.

    One `Model` may be shared by any number of threads: the library lends each concurrent
    call a predictor of its own, and ctypes releases the GIL while it runs. `close()` may be
    called while other threads predict: it waits for the calls in flight, and later calls
    raise `InvalidArgumentError("the model is closed")`. The C API's `mtl_model_free` must
    not race with a call on the same handle, so every call holds the handle through
    `_borrowed`, and `close` frees it only when none does.
    """

    def __init__(self, path: PathLike) -> None:
        """Loads the `.mtl` file at `path`; raises `ModelFileError` as `mtl predict` would.

        `path` keeps the absolute path, so a pickled model reloads after `os.chdir`; the
        file is opened by the path as given, so errors name it as `mtl predict` would.
        """
        given = os.fsdecode(path)
        # Set first: close() (from __del__) must find them even when the load fails.
        self._guard = threading.Condition()
        self._calls = 0
        self._handle: Optional[ctypes.c_void_p] = None
        self.path = os.path.abspath(given)
        handle = ctypes.c_void_p()
        check(lib.mtl_model_load(_native.c_path("the model path", given), ctypes.byref(handle)))
        self._handle = handle
        count = lib.mtl_model_task_count(handle)
        self._tasks: List[str] = [lib.mtl_model_task_name(handle, i).decode("utf-8") for i in range(count)]
        self._labels: List[List[str]] = [
            [lib.mtl_model_label(handle, i, j).decode("utf-8") for j in range(lib.mtl_model_label_count(handle, i))]
            for i in range(count)
        ]
        self._multi_label: List[bool] = [lib.mtl_model_task_is_multi_label(handle, i) == 1 for i in range(count)]

    # Lifetime

    def close(self) -> None:
        """Frees the native model now rather than at garbage collection.

        Safe while other threads predict: it waits for the calls already running, and any
        later call raises `InvalidArgumentError("the model is closed")`. Closing twice is
        harmless.
        """
        guard = self.__dict__.get("_guard")
        if guard is None:
            return
        with guard:
            handle, self._handle = self._handle, None
            while self._calls:
                guard.wait()
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

    @contextmanager
    def _borrowed(self) -> Iterator[ctypes.c_void_p]:
        """The native handle, kept alive until the block ends: `close` waits for it."""
        with self._guard:
            if self._handle is None:
                raise InvalidArgumentError("the model is closed")
            handle = self._handle
            self._calls += 1
        try:
            yield handle
        finally:
            with self._guard:
                self._calls -= 1
                if self._calls == 0:
                    self._guard.notify_all()

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
        threads: Optional[int] = None,
    ) -> bytes:
        """The JSON lines `mtl predict` prints for `texts`, one per text, as bytes.

        The options are `mtl predict`'s `--top-k`, `--explain`, `--min-probability` and
        `--tasks`, checked with the same messages. `threads` splits the batch over that many
        native threads (default: every core the process may use, as `mtl predict`); the
        answers and their order do not change.
        """
        batch = Batch(texts)
        options = _options(top_k, explain, min_probability, tasks, threads)
        out = ctypes.c_void_p()
        length = ctypes.c_uint64()
        with self._borrowed() as handle:
            check(
                lib.mtl_predict_json(
                    handle, batch.data, batch.offsets_pointer(), batch.count,
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
        threads: Optional[int] = None,
    ) -> List[Dict[str, Any]]:
        """Every task's answer for each text: exactly `mtl predict`'s JSON objects, as dicts.

        Example: `{"topic": {"label": "Sports", "probability": 0.97}, ...}`; a multi-label
        task answers `{"labels": [...]}`, an abstention `{"label": None, "reason": ...}`.
        The library hands the answers over as arrays (`mtl_predict_labels`), not JSON; only
        explanations, and the rare answers below a minimum probability, go through JSON.
        """
        if explain:
            return _parse_lines(self.predict_json(texts, top_k, explain, min_probability, tasks, threads))
        if not isinstance(texts, (Sequence, np.ndarray)):
            texts = list(texts)  # read twice when some answers are redone through JSON
        batch = Batch(texts)
        options = _options(top_k, explain, min_probability, tasks, threads)
        answered = self._answered(tasks)
        with self._borrowed() as handle:
            widths = [lib.mtl_predict_slot_count(handle, task, options.top_k) for task in answered]
            if any(width < 0 for width in widths):
                raise_last_error(lib)
            statuses = np.empty((batch.count, len(answered)), dtype=np.int32)
            indices = np.empty((batch.count, sum(widths)), dtype=np.int32)
            probabilities = np.empty((batch.count, sum(widths)), dtype=np.float32)
            selected = np.empty((batch.count, sum(widths)), dtype=np.uint8)
            check(
                lib.mtl_predict_labels(
                    handle, batch.data, batch.offsets_pointer(), batch.count, ctypes.byref(options),
                    statuses.ctypes.data_as(_native.c_int32_p), indices.ctypes.data_as(_native.c_int32_p),
                    probabilities.ctypes.data_as(_native.c_float_p), selected.ctypes.data_as(_native.c_uint8_p),
                )
            )
        answers = _answers.build(
            [self._tasks[task] for task in answered], [self._labels[task] for task in answered],
            [self._multi_label[task] for task in answered], widths, options.top_k,
            statuses, indices, probabilities, selected,
        )
        below = np.flatnonzero((statuses == _answers.BELOW_MINIMUM).any(axis=1)).tolist()
        if below:
            # "below P" names the minimum as the library prints a float: ask it for those lines.
            redone = _parse_lines(self.predict_json([texts[row] for row in below], top_k, 0, min_probability, tasks, threads))
            for row, answer in zip(below, redone):
                answers[row] = answer
        return answers

    def _answered(self, tasks: Optional[Sequence[str]]) -> List[int]:
        """The tasks a prediction answers, in the model's order: all, or those named (an
        unknown name is left for the library to report with its message)."""
        if tasks is None or isinstance(tasks, (str, bytes)):
            return list(range(len(self._tasks)))
        wanted = set(tasks)
        return [index for index, name in enumerate(self._tasks) if name in wanted]

    def predict_proba(self, texts: Sequence[str], task: str, threads: Optional[int] = None) -> np.ndarray:
        """Task `task`'s probabilities, shape (len(texts), len(labels(task))), float32.

        Columns follow `labels(task)`; `threads` is as in `predict_json`.
        """
        index = self.task_index(task)
        native_threads = _int32("threads", default_threads() if threads is None else threads)
        batch = Batch(texts)
        result = np.empty((batch.count, len(self._labels[index])), dtype=np.float32)
        with self._borrowed() as handle:
            check(
                lib.mtl_predict_probabilities(
                    handle, batch.data, batch.offsets_pointer(), batch.count, index,
                    native_threads, result.ctypes.data_as(_native.c_float_p),
                )
            )
        return result

    def evaluate(self, config: Optional[PathLike] = None, tasks: Any = None, **options: Any) -> Dict[str, Any]:
        """Evaluates this model's file like `mtl eval --model PATH --format json`; see
        `multitasktext.evaluate` for the options. Returns the report as a dict."""
        from .jobs import evaluate

        return evaluate(self.path, config=config, tasks=tasks, **options)


def default_threads() -> int:
    """The cores this process may run on, the threads `mtl predict` uses by default."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _options(
    top_k: int, explain: int, min_probability: Optional[float], tasks: Optional[Sequence[str]], threads: Optional[int]
) -> PredictOptions:
    """`mtl_predict_options`, each value checked as `mtl predict` checks its flag."""
    return PredictOptions(
        top_k=_int32("top_k", top_k),
        explain=_int32("explain", explain),
        has_min_probability=0 if min_probability is None else 1,
        min_probability=0.0 if min_probability is None else _probability(min_probability),
        tasks=None if tasks is None else _task_list(tasks),
        threads=_int32("threads", default_threads() if threads is None else threads),
    )


def _parse_lines(lines: bytes) -> List[Dict[str, Any]]:
    """JSON lines as dicts, in one parse: the lines hold no raw newline, so joining them with
    commas makes one JSON array."""
    if not lines:
        return []
    return json.loads(b"[" + lines[:-1].replace(b"\n", b",") + b"]")


def _int32(name: str, value: Any) -> int:
    """`value` as an int32_t option, or a clear error instead of ctypes' silent wrap-around.

    Negative values within range go on to the library, whose message is `mtl predict`'s.
    """
    try:
        number = operator.index(value)
    except TypeError:
        raise TypeError(f"{name} must be an integer, found {type(value).__name__}") from None
    if number > _INT32_MAX:
        raise InvalidArgumentError(f"{name} must be at most {_INT32_MAX} (the C API's int32), found {number}")
    if number < -_INT32_MAX - 1:
        raise InvalidArgumentError(f"{name} must be 0 or more, found {number}")
    return number


def _probability(value: Any) -> float:
    """A float for the C API; the library checks the range (a NaN fails it too)."""
    try:
        return float(value)
    except (TypeError, ValueError, OverflowError):
        raise InvalidArgumentError(f"min_probability must be a number in [0, 1], found {value!r}") from None


def _task_list(tasks: Any) -> bytes:
    """`--tasks`' comma-separated list; a lone string would be split into its letters."""
    if isinstance(tasks, (str, bytes)):
        raise TypeError(f"tasks must be a list of task names, not a single string: use [{tasks!r}]")
    names = list(tasks)
    for name in names:
        if not isinstance(name, str):
            raise TypeError(f"tasks must be task names (strings), found {type(name).__name__}")
        if "," in name:
            raise InvalidArgumentError(f"unknown task {name!r}: a task name holds no comma")
    return _native.c_string("tasks", ",".join(names))


def load(path: PathLike) -> Model:
    """Loads a model file (`model.mtl`), as `mtl predict --model PATH` does."""
    return Model(path)
