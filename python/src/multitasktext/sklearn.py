"""A scikit-learn estimator over `multitasktext.train` and `Model`.

    from multitasktext.sklearn import MultiTaskTextClassifier
    classifier = MultiTaskTextClassifier()              # epochs="auto", as `mtl train`
    classifier.fit(texts, {"topic": topics, "spam": spams})   # None marks a missing label
    classifier.predict(texts)        # shape (n, tasks): one column per task, in tasks_ order

With a single task (`y` a plain list of labels) it is an ordinary classifier: `predict` gives
shape (n,), `predict_proba` (n, classes), and it drops into `sklearn.pipeline` and
`GridSearchCV`. Each `fit` trains through the C library exactly as `mtl train` would on a
configuration holding these settings.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from typing import Any, Dict, List, Mapping, Optional, Sequence, Union

import numpy as np

try:
    from sklearn.base import BaseEstimator, ClassifierMixin
except ImportError as error:  # pragma: no cover - exercised only without scikit-learn
    raise ImportError("multitasktext.sklearn needs scikit-learn: pip install scikit-learn") from error

from .model import Model
from .training import MODEL_FILE_NAME, train

Labels = Union[Sequence[Any], Mapping[str, Sequence[Any]], np.ndarray]
_SINGLE_TASK = "label"
# The configuration's rule for tasks[].name (TaskConfiguration.isValidName in Swift).
_TASK_NAME = re.compile(r"[A-Za-z0-9_-]+\Z")


class MultiTaskTextClassifier(ClassifierMixin, BaseEstimator):
    """Trains one MultiTaskText model for one or more tasks.

    Parameters mirror configuration keys; `settings` takes any other `key.path: value`
    (for example `{"features.buckets": 200000}`), as `mtl train --set` does.

    Args:
        epochs: `training.epochs`, an integer or "auto" (the CLI's default: train while the
            score on a held-out tenth of the training data improves).
        dimension: `model.dimension`.
        learning_rate: `training.learningRate`.
        word_ngrams: `features.wordNgrams`, an integer or "auto".
        minn, maxn: `features.minn` and `features.maxn` (character n-grams), or "auto".
        seed: `training.seed`; with `threads=1` the same seed gives the same model.
        threads: `training.threads`.
        settings: other configuration keys and values.
    """

    def __init__(
        self,
        epochs: Union[int, str] = "auto",
        dimension: int = 50,
        learning_rate: float = 0.1,
        word_ngrams: Union[int, str] = "auto",
        minn: Union[int, str] = "auto",
        maxn: Union[int, str] = "auto",
        seed: int = 1,
        threads: int = 1,
        settings: Optional[Dict[str, Any]] = None,
    ) -> None:
        self.epochs = epochs
        self.dimension = dimension
        self.learning_rate = learning_rate
        self.word_ngrams = word_ngrams
        self.minn = minn
        self.maxn = maxn
        self.seed = seed
        self.threads = threads
        self.settings = settings

    # Training

    def fit(self, X: Sequence[str], y: Labels) -> "MultiTaskTextClassifier":
        """Trains on texts `X` and labels `y`.

        `y` is a sequence of labels (one task, named "label"), a 2-D array with one column
        per task, or a mapping from task name to labels. A None (or NaN) label leaves that
        document out of that task only. Task names are checked (letters, digits, `_` and
        `-`) before anything is written, and the training files live in a temporary folder
        that is removed before `fit` returns, whether it succeeds or fails.
        """
        texts = _texts(X)
        by_task = _labels_by_task(y, len(texts))
        overrides = {key: _json_value(value) for key, value in (self.settings or {}).items()}
        with tempfile.TemporaryDirectory(prefix="multitasktext-") as directory:
            config_path = self._write_training_files(directory, texts, by_task)
            model_path = train(config_path, overrides)
            with open(model_path, "rb") as file:
                model_bytes = file.read()
            # The library reads the whole file at load, so the folder may go right after.
            model = Model(model_path)
        previous = self.__dict__.get("model_")
        if previous is not None:
            previous.close()
        self._model_bytes = model_bytes
        self.model_ = model
        self.tasks_: List[str] = self.model_.tasks
        self._single = list(by_task) == [_SINGLE_TASK]
        classes = [np.array(self.model_.labels(task), dtype=object) for task in self.tasks_]
        self.classes_: Union[np.ndarray, List[np.ndarray]] = classes[0] if self._single else classes
        return self

    def _write_training_files(self, directory: str, texts: List[str], by_task: Dict[str, List[Any]]) -> str:
        """Writes one JSONL file per task and the configuration; returns its path.

        Files are named by position (`task0.jsonl`), never by the task's name.
        """
        tasks = []
        for index, (name, labels) in enumerate(by_task.items()):
            path = os.path.join(directory, f"task{index}.jsonl")
            with open(path, "w", encoding="utf-8") as file:
                for text, label in zip(texts, labels):
                    if not _missing(label):
                        file.write(json.dumps({"text": text, "label": str(label)}) + "\n")
            tasks.append({"name": name, "train": path})
        config = {
            "tasks": tasks,
            "model": {"dimension": self.dimension},
            "training": {
                "epochs": self.epochs,
                "learningRate": self.learning_rate,
                "seed": self.seed,
                "threads": self.threads,
            },
            "features": {"wordNgrams": self.word_ngrams, "minn": self.minn, "maxn": self.maxn},
            "output": {"directory": os.path.join(directory, "run")},
        }
        config_path = os.path.join(directory, "config.json")
        with open(config_path, "w", encoding="utf-8") as file:
            json.dump(config, file)
        return config_path

    # Prediction

    def predict(self, X: Sequence[str]) -> np.ndarray:
        """Labels: shape (n,) for one task, (n, tasks) otherwise; None where it abstains."""
        answers = self._fitted().predict(_texts(X))
        columns = [[_label(answer[task]) for answer in answers] for task in self.tasks_]
        table = np.array(columns, dtype=object).T
        if not answers:
            table = np.empty((0, len(self.tasks_)), dtype=object)
        return table[:, 0] if self._single else table

    def predict_proba(self, X: Sequence[str]) -> Union[np.ndarray, List[np.ndarray]]:
        """Probabilities: (n, classes) for one task, else one such array per task."""
        texts = _texts(X)
        arrays = [self._fitted().predict_proba(texts, task=task) for task in self.tasks_]
        return arrays[0] if self._single else arrays

    def score(self, X: Sequence[str], y: Labels, sample_weight: Any = None) -> float:
        """Mean accuracy, averaged over tasks, counting only documents labelled for a task.

        With `sample_weight`, each document counts by its weight, as in scikit-learn's
        `accuracy_score(y, predict(X), sample_weight=...)`.
        """
        predicted = self.predict(X)
        if self._single:
            predicted = predicted.reshape(-1, 1)
        count = len(predicted)
        truth = _labels_by_task(y, count, names=self.tasks_ if not self._single else None)
        weights = _weights(sample_weight, count)
        absent = [task for task in self.tasks_ if (_SINGLE_TASK if self._single else task) not in truth]
        if absent:
            raise ValueError(f"y has no labels for task(s) {', '.join(absent)}; it has {', '.join(truth)}")
        accuracies = []
        for column, task in enumerate(self.tasks_):
            labels = truth[_SINGLE_TASK if self._single else task]
            labelled = np.array([not _missing(label) for label in labels], dtype=bool)
            correct = np.array(
                [not _missing(t) and p == str(t) for p, t in zip(predicted[:, column], labels)], dtype=float
            )
            total = float(weights[labelled].sum())
            if labelled.any() and total > 0:
                accuracies.append(float((weights * correct)[labelled].sum()) / total)
        return float(np.mean(accuracies)) if accuracies else 0.0

    # Persistence: the model travels as its bytes, so a pickled estimator needs no files.

    def __getstate__(self) -> Dict[str, Any]:
        # A copy: on Python 3.11+ object.__getstate__ returns the instance's own __dict__.
        state = dict(super().__getstate__())
        state.pop("model_", None)
        return state

    def __setstate__(self, state: Dict[str, Any]) -> None:
        super().__setstate__(state)
        if "_model_bytes" in state:
            with tempfile.TemporaryDirectory(prefix="multitasktext-") as directory:
                path = os.path.join(directory, MODEL_FILE_NAME)
                with open(path, "wb") as file:
                    file.write(state["_model_bytes"])
                self.model_ = Model(path)

    def _fitted(self) -> Model:
        model = getattr(self, "model_", None)
        if model is None:
            from sklearn.exceptions import NotFittedError

            raise NotFittedError("MultiTaskTextClassifier is not fitted yet; call fit first")
        return model

    def __sklearn_tags__(self) -> Any:  # scikit-learn >= 1.6
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        tags.input_tags.two_d_array = False
        return tags


def _texts(X: Any) -> List[str]:
    """The documents as strings; a None or NaN is refused, not classified as "None"/"nan"."""
    if isinstance(X, str):
        raise TypeError("X must be a sequence of texts, not a single string")
    if hasattr(X, "columns"):  # a pandas DataFrame: iterating it would give its column names
        if len(X.columns) != 1:
            raise ValueError(f"X must be one column of texts, found a DataFrame with {len(X.columns)} columns")
        X = X[X.columns[0]]
    if hasattr(X, "tolist"):
        X = X.tolist()
    texts = []
    for index, text in enumerate(X):
        if not isinstance(text, str):
            if _missing(text):
                shown = "None" if text is None else "NaN" if isinstance(text, (float, np.floating)) else repr(text)
                raise ValueError(
                    f"X[{index}] is {shown}, a missing text; drop or fill missing texts "
                    "(for example with \"\") before fit, predict or score"
                )
            raise TypeError(f"X[{index}] must be a string, found {type(text).__name__}: {text!r}")
        texts.append(" ".join(text.splitlines()))
    return texts


def _missing(value: Any) -> bool:
    """None, a float NaN (NumPy's too) or pandas' NA: a value that is not there."""
    if value is None or type(value).__name__ in ("NAType", "NaTType"):
        return True
    return isinstance(value, (float, np.floating)) and bool(np.isnan(value))


def _weights(sample_weight: Any, count: int) -> np.ndarray:
    """`sample_weight` as a float array of `count` finite non-negative weights (ones if None)."""
    if sample_weight is None:
        return np.ones(count, dtype=float)
    weights = np.asarray(sample_weight, dtype=float)
    if weights.shape != (count,):
        raise ValueError(f"sample_weight has shape {weights.shape}, expected ({count},), one weight per text")
    if not np.all(np.isfinite(weights)) or np.any(weights < 0):
        raise ValueError("sample_weight must hold finite weights of 0 or more")
    return weights


def _label(answer: Dict[str, Any]) -> Any:
    if "labels" in answer:
        return tuple(item["label"] for item in answer["labels"] or [])
    return answer["label"]


def _json_value(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value)


def _labels_by_task(y: Labels, count: int, names: Optional[List[str]] = None) -> Dict[str, List[Any]]:
    if isinstance(y, Mapping):
        result = {str(task): list(labels) for task, labels in y.items()}
    elif hasattr(y, "columns"):  # a pandas DataFrame: one column per task
        result = {str(column): list(y[column]) for column in y.columns}
    else:
        array = np.asarray(y, dtype=object)
        if array.ndim == 1:
            result = {_SINGLE_TASK: list(array)}
        elif array.ndim == 2:
            task_names = names or [f"task{index}" for index in range(array.shape[1])]
            result = {task_names[index]: list(array[:, index]) for index in range(array.shape[1])}
        else:
            raise ValueError(f"y must be 1-D or 2-D, found {array.ndim} dimensions")
    for task, labels in result.items():
        if not _TASK_NAME.match(task):
            raise ValueError(
                f"task name {task!r} must contain only letters, digits, \"_\" and \"-\" "
                "(the same rule as a configuration's tasks[].name)"
            )
        if len(labels) != count:
            raise ValueError(f"task '{task}' has {len(labels)} labels for {count} texts")
    return result
