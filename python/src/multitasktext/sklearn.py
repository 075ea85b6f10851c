"""A scikit-learn estimator over `multitasktext.train` and `Model`.

    from multitasktext.sklearn import MultiTaskTextClassifier
    classifier = MultiTaskTextClassifier(epochs=5)
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
import shutil
import tempfile
from typing import Any, Dict, List, Mapping, Optional, Sequence, Union

import numpy as np

try:
    from sklearn.base import BaseEstimator, ClassifierMixin
except ImportError as error:  # pragma: no cover - exercised only without scikit-learn
    raise ImportError("multitasktext.sklearn needs scikit-learn: pip install scikit-learn") from error

from .model import Model
from .training import train

Labels = Union[Sequence[Any], Mapping[str, Sequence[Any]], np.ndarray]
_SINGLE_TASK = "label"


class MultiTaskTextClassifier(ClassifierMixin, BaseEstimator):
    """Trains one MultiTaskText model for one or more tasks.

    Parameters mirror configuration keys; `settings` takes any other `key.path: value`
    (for example `{"features.buckets": 200000}`), as `mtl train --set` does.

    Args:
        epochs: `training.epochs`, an integer or "auto" (train while dev improves).
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
        epochs: Union[int, str] = 5,
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
        document out of that task only.
        """
        texts = _texts(X)
        by_task = _labels_by_task(y, len(texts))
        self._directory = tempfile.mkdtemp(prefix="multitasktext-")
        tasks = []
        for name, labels in by_task.items():
            path = os.path.join(self._directory, f"{name}.jsonl")
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
            "output": {"directory": os.path.join(self._directory, "run")},
        }
        config_path = os.path.join(self._directory, "config.json")
        with open(config_path, "w", encoding="utf-8") as file:
            json.dump(config, file)
        overrides = {key: _json_value(value) for key, value in (self.settings or {}).items()}
        self.model_path_ = train(config_path, overrides)
        with open(self.model_path_, "rb") as file:
            self._model_bytes = file.read()
        self.model_ = Model(self.model_path_)
        self.tasks_: List[str] = self.model_.tasks
        self._single = list(by_task) == [_SINGLE_TASK]
        classes = [np.array(self.model_.labels(task), dtype=object) for task in self.tasks_]
        self.classes_: Union[np.ndarray, List[np.ndarray]] = classes[0] if self._single else classes
        return self

    # Prediction

    def predict(self, X: Sequence[str]) -> np.ndarray:
        """Labels: shape (n,) for one task, (n, tasks) otherwise; None where it abstains."""
        answers = self._fitted().predict(_texts(X))
        columns = [[_label(answer[task]) for answer in answers] for task in self.tasks_]
        table = np.array(columns, dtype=object).T
        return table[:, 0] if self._single else table

    def predict_proba(self, X: Sequence[str]) -> Union[np.ndarray, List[np.ndarray]]:
        """Probabilities: (n, classes) for one task, else one such array per task."""
        texts = _texts(X)
        arrays = [self._fitted().predict_proba(texts, task=task) for task in self.tasks_]
        return arrays[0] if self._single else arrays

    def score(self, X: Sequence[str], y: Labels, sample_weight: Any = None) -> float:
        """Mean accuracy, averaged over tasks, counting only documents labelled for a task."""
        predicted = self.predict(X)
        if self._single:
            predicted = predicted.reshape(-1, 1)
        truth = _labels_by_task(y, len(predicted), names=self.tasks_ if not self._single else None)
        accuracies = []
        for column, task in enumerate(self.tasks_):
            labels = truth[_SINGLE_TASK if self._single else task]
            pairs = [(p, t) for p, t in zip(predicted[:, column], labels) if not _missing(t)]
            if pairs:
                accuracies.append(float(np.mean([p == str(t) for p, t in pairs])))
        return float(np.mean(accuracies)) if accuracies else 0.0

    # Persistence: the model travels as its bytes, so a pickled estimator needs no files.

    def __getstate__(self) -> Dict[str, Any]:
        state = self.__dict__.copy()
        state.pop("model_", None)
        state.pop("_directory", None)
        return state

    def __setstate__(self, state: Dict[str, Any]) -> None:
        self.__dict__.update(state)
        if "_model_bytes" in state:
            self._directory = tempfile.mkdtemp(prefix="multitasktext-")
            self.model_path_ = os.path.join(self._directory, "model.mtl")
            with open(self.model_path_, "wb") as file:
                file.write(state["_model_bytes"])
            self.model_ = Model(self.model_path_)

    def __del__(self) -> None:
        directory = self.__dict__.get("_directory")
        model = self.__dict__.get("model_")
        if model is not None:
            model.close()
        if directory:
            shutil.rmtree(directory, ignore_errors=True)

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
    if isinstance(X, str):
        raise TypeError("X must be a sequence of texts, not a single string")
    if hasattr(X, "tolist"):
        X = X.tolist()
    return [" ".join(str(text).splitlines()) for text in X]


def _missing(label: Any) -> bool:
    return label is None or (isinstance(label, float) and np.isnan(label))


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
        if len(labels) != count:
            raise ValueError(f"task '{task}' has {len(labels)} labels for {count} texts")
    return result
