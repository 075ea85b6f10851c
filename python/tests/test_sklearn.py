"""The scikit-learn estimator: fit, predict, predict_proba, score, clone, pipelines, and the
inputs it must refuse."""

from __future__ import annotations

import json
import math
import pickle
import tempfile
from pathlib import Path

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.metrics import accuracy_score
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer

import multitasktext as mtl
from multitasktext.sklearn import MultiTaskTextClassifier
from conftest import read_labelled, shipped
from helpers import run_mtl

SMALL = {"features.buckets": 20000}


@pytest.fixture
def private_tmp(tmp_path, monkeypatch) -> Path:
    """A fresh temporary folder for everything `tempfile` and the library create."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    monkeypatch.setenv("TMPDIR", str(folder))
    return folder


@pytest.fixture(scope="module")
def spam():
    return read_labelled(shipped("spam", "train")), read_labelled(shipped("spam", "test"))


@pytest.fixture(scope="module")
def fitted(spam) -> MultiTaskTextClassifier:
    (texts, labels), _ = spam
    return MultiTaskTextClassifier(epochs=10, minn=0, maxn=0, settings=SMALL).fit(texts, labels)


def test_single_task_fit_predict_score(fitted, spam) -> None:
    _, (test_texts, test_labels) = spam
    assert list(fitted.classes_) == ["ham", "spam"]
    predicted = fitted.predict(test_texts)
    assert predicted.shape == (len(test_texts),)
    proba = fitted.predict_proba(test_texts)
    assert proba.shape == (len(test_texts), 2)
    assert list(np.asarray(fitted.classes_)[proba.argmax(axis=1)]) == list(predicted)
    assert fitted.score(test_texts, test_labels) == pytest.approx(accuracy_score(test_labels, predicted))
    assert fitted.score(test_texts, test_labels) > 0.8


def test_score_honours_sample_weight(fitted, spam) -> None:
    _, (texts, labels) = spam
    predicted = fitted.predict(texts)
    right = np.array([p == t for p, t in zip(predicted, labels)])
    assert right.any() and not right.all(), "the test needs right and wrong answers"
    rng = np.random.default_rng(3)
    for weights in (rng.uniform(0, 5, len(texts)), np.where(right, 0.0, 1.0), np.where(right, 1.0, 0.0), [2] * len(texts)):
        expected = accuracy_score(labels, predicted, sample_weight=weights)
        assert fitted.score(texts, labels, sample_weight=weights) == pytest.approx(expected)
    assert fitted.score(texts, labels, sample_weight=np.where(right, 0.0, 1.0)) == 0.0
    with pytest.raises(ValueError, match="sample_weight has shape"):
        fitted.score(texts, labels, sample_weight=[1.0, 2.0])
    with pytest.raises(ValueError, match="finite weights of 0 or more"):
        fitted.score(texts, labels, sample_weight=[-1.0] * len(texts))


def test_default_epochs_are_the_clis_auto(spam, tmp_path, mtl_binary) -> None:
    assert MultiTaskTextClassifier().get_params()["epochs"] == "auto"
    (texts, labels), (test_texts, _) = spam
    classifier = MultiTaskTextClassifier().fit(texts, labels)
    # `mtl train` with no training settings at all, on the same file, gives the same model.
    train = tmp_path / "spam.jsonl"
    train.write_text("".join(json.dumps({"text": t, "label": l}) + "\n" for t, l in zip(texts, labels)))
    config = tmp_path / "config.json"
    config.write_text(json.dumps({"tasks": [{"name": "label", "train": str(train)}], "output": {"directory": str(tmp_path / "run")}}))
    result = run_mtl(mtl_binary, ["train", "--quiet", str(config)])
    assert result.returncode == 0, result.stderr
    cli = mtl.load(tmp_path / "run" / "model.mtl")
    assert classifier.model_.predict_json(test_texts, top_k=2) == cli.predict_json(test_texts, top_k=2)


def test_multi_task_with_missing_labels() -> None:
    spam_texts, spam_labels = read_labelled(shipped("spam", "train"))
    review_texts, reviews = read_labelled(shipped("sentiment", "train"))
    texts = spam_texts + review_texts
    y = {"spam": spam_labels + [None] * len(reviews), "sentiment": [float("nan")] * len(spam_labels) + reviews}
    classifier = MultiTaskTextClassifier(epochs=5, minn=0, maxn=0, settings=SMALL).fit(texts, y)
    assert classifier.tasks_ == ["spam", "sentiment"]
    assert classifier.predict(texts[:10]).shape == (10, 2)
    assert [a.shape for a in classifier.predict_proba(texts[:10])] == [(10, 2), (10, 2)]
    assert 0.5 < classifier.score(texts, y) <= 1
    with pytest.raises(ValueError, match="no labels for task"):
        classifier.score(texts, {"spam": y["spam"]})


def test_get_set_params_and_clone() -> None:
    classifier = MultiTaskTextClassifier(epochs=2, dimension=16, settings={"features.buckets": 5000})
    assert classifier.get_params()["dimension"] == 16
    copy = clone(classifier)
    assert copy.get_params() == classifier.get_params()
    copy.set_params(dimension=8)
    assert copy.dimension == 8 and classifier.dimension == 16


def lower(texts):
    return [text.lower() for text in texts]


def test_pipeline_grid_search_and_pickle(spam) -> None:
    (texts, labels), _ = spam
    pipeline = Pipeline(
        [("lower", FunctionTransformer(lower)), ("model", MultiTaskTextClassifier(minn=0, maxn=0, settings=SMALL))]
    )
    search = GridSearchCV(pipeline, {"model__epochs": [1, 3]}, cv=2)
    search.fit(texts, labels)
    assert search.best_params_["model__epochs"] in (1, 3)
    fitted = pipeline.set_params(model__epochs=2).fit(texts, labels)
    restored = pickle.loads(pickle.dumps(fitted.named_steps["model"]))
    assert list(restored.predict(texts[:20])) == list(fitted.named_steps["model"].predict(texts[:20]))


def test_unfitted_and_bad_labels() -> None:
    from sklearn.exceptions import NotFittedError

    with pytest.raises(NotFittedError):
        MultiTaskTextClassifier().predict(["x"])
    with pytest.raises(ValueError, match="2 labels for 3 texts"):
        MultiTaskTextClassifier().fit(["a", "b", "c"], {"t": ["x", "y"]})


@pytest.mark.parametrize("name", ["/some/path", "../escape", "a b", "", "naïve", "topic.x"])
def test_task_names_are_checked_before_anything_is_written(name, tmp_path, private_tmp, monkeypatch) -> None:
    if name.startswith("/"):
        name = str(tmp_path / "victim")  # an absolute path, inside this test's folder
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ValueError, match=r"task name .* must contain only letters, digits"):
        MultiTaskTextClassifier().fit(["free entry", "hello there"], {name: ["spam", "ham"]})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tmp"]
    assert list(private_tmp.iterdir()) == []


def test_fit_leaks_no_temporary_folder(spam, private_tmp) -> None:
    (texts, labels), _ = spam
    classifier = MultiTaskTextClassifier(epochs=1, minn=0, maxn=0, settings=SMALL)
    classifier.fit(texts, labels)
    classifier.fit(texts, labels)  # a refit replaces the model, and leaves nothing either
    assert list(private_tmp.iterdir()) == []
    restored = pickle.loads(pickle.dumps(classifier))
    assert list(restored.predict(texts[:5])) == list(classifier.predict(texts[:5]))
    with pytest.raises(mtl.ConfigurationError):
        MultiTaskTextClassifier(settings={"training.epochz": 1}).fit(texts, labels)
    del restored, classifier
    assert list(private_tmp.iterdir()) == []


def test_missing_texts_are_refused_not_classified(fitted, spam) -> None:
    import pandas as pd

    (texts, labels), _ = spam
    for missing, shown in ((None, "None"), (float("nan"), "NaN"), (np.float32("nan"), "NaN"), (pd.NA, "<NA>")):
        with pytest.raises(ValueError, match=rf"X\[1\] is {shown}, a missing text"):
            fitted.predict(["free entry", missing])
        with pytest.raises(ValueError, match=rf"X\[1\] is {shown}, a missing text"):
            MultiTaskTextClassifier().fit(["free entry", missing], ["spam", "ham"])
    series = pd.Series(["free entry now", None, "see you at lunch"])
    with pytest.raises(ValueError, match=r"X\[1\] is (None|NaN), a missing text"):  # pandas 3 makes it NaN
        fitted.predict_proba(series)
    with pytest.raises(ValueError, match=r"X\[2\] is NaN"):
        fitted.score(np.array(["a", "b", math.nan], dtype=object), ["ham", "ham", "ham"])
    with pytest.raises(TypeError, match=r"X\[0\] must be a string, found int"):
        fitted.predict([5])
    assert fitted.predict(pd.Series(texts[:3])).shape == (3,)
    frame = pd.DataFrame({"body": texts[:3]})
    assert list(fitted.predict(frame)) == list(fitted.predict(texts[:3]))  # not its column names
    with pytest.raises(ValueError, match="one column of texts, found a DataFrame with 2 columns"):
        fitted.predict(pd.DataFrame({"a": texts[:3], "b": texts[:3]}))
