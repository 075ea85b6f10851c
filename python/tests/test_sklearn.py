"""The scikit-learn estimator: fit, predict, predict_proba, score, clone, pipelines."""

from __future__ import annotations

import json
import pickle

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer

from multitasktext.sklearn import MultiTaskTextClassifier
from conftest import corpus


def load(name: str, split: str, limit: int = 3000):
    texts, labels = [], []
    with open(corpus(name, split), encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            texts.append(record["text"])
            labels.append(record["label"])
            if len(texts) == limit:
                break
    return texts, labels


def test_single_task_fit_predict_score() -> None:
    texts, labels = load("sms_spam", "train")
    test_texts, test_labels = load("sms_spam", "test")
    classifier = MultiTaskTextClassifier(epochs=5, minn=0, maxn=0).fit(texts, labels)
    assert list(classifier.classes_) == ["ham", "spam"]
    predicted = classifier.predict(test_texts)
    assert predicted.shape == (len(test_texts),)
    proba = classifier.predict_proba(test_texts)
    assert proba.shape == (len(test_texts), 2)
    assert list(np.asarray(classifier.classes_)[proba.argmax(axis=1)]) == list(predicted)
    assert classifier.score(test_texts, test_labels) > 0.9


def test_multi_task_with_missing_labels() -> None:
    spam_texts, spam = load("sms_spam", "train", 1500)
    sentiment_texts, sentiment = load("sst2", "train", 1500)
    texts = spam_texts + sentiment_texts
    y = {"spam": spam + [None] * len(sentiment), "sentiment": [None] * len(spam) + sentiment}
    classifier = MultiTaskTextClassifier(epochs=3, minn=0, maxn=0).fit(texts, y)
    assert classifier.tasks_ == ["spam", "sentiment"]
    assert classifier.predict(texts[:10]).shape == (10, 2)
    assert [a.shape for a in classifier.predict_proba(texts[:10])] == [(10, 2), (10, 2)]
    assert 0.5 < classifier.score(texts, y) <= 1


def test_get_set_params_and_clone() -> None:
    classifier = MultiTaskTextClassifier(epochs=2, dimension=16, settings={"features.buckets": 5000})
    assert classifier.get_params()["dimension"] == 16
    copy = clone(classifier)
    assert copy.get_params() == classifier.get_params()
    copy.set_params(dimension=8)
    assert copy.dimension == 8 and classifier.dimension == 16


def test_pipeline_grid_search_and_pickle() -> None:
    texts, labels = load("sms_spam", "train", 1200)
    pipeline = Pipeline(
        [("lower", FunctionTransformer(lambda xs: [x.lower() for x in xs])), ("model", MultiTaskTextClassifier(minn=0, maxn=0))]
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
