"""Multi-label tasks answer `{"labels": [...]}`, exactly as `mtl predict` does."""

from __future__ import annotations

import json

import multitasktext as mtl
from conftest import public_corpus, read_texts, shipped, write_config
from helpers import mtl_predict, write_lines


def check_multi_label_model(path: str, texts, mtl_binary, tmp_path, task: str) -> None:
    model = mtl.load(path)
    assert all(model.is_multi_label(name) for name in model.tasks)
    input_path = write_lines(tmp_path / "in.txt", texts)
    for options, flags in (({}, []), ({"top_k": 3}, ["--top-k", "3"])):
        expected = mtl_predict(mtl_binary, path, input_path, *flags)
        assert model.predict_json(texts, **options) == expected
        answers = model.predict(texts, **options)
        assert answers == [json.loads(line) for line in expected.splitlines()]
    assert any(len(answer[task]["labels"] or []) > 1 for answer in model.predict(texts))
    proba = model.predict_proba(texts, task=task)
    assert proba.shape == (len(texts), len(model.labels(task)))


def test_multi_label_predict_equals_mtl_predict(multi_label_model_path, mtl_binary, tmp_path) -> None:
    assert mtl.load(multi_label_model_path).tasks == ["tags"]
    topics = read_texts(shipped("topic", "test"))
    reviews = read_texts(shipped("sentiment", "test"))
    texts = topics + reviews + [f"{a} {b}" for a, b in zip(topics, reviews)] + ["", "zzqx"]
    check_multi_label_model(multi_label_model_path, texts, mtl_binary, tmp_path, "tags")


def test_goemotions_taxonomies_equal_mtl_predict(mtl_binary, tmp_path) -> None:
    """The same on GoEmotions' three taxonomies, a public corpus."""
    train, dev = public_corpus("goemotions", "train"), public_corpus("goemotions", "dev")
    tasks = [
        {"name": name, "type": "multiLabel", "thresholds": "tuned", "labelsField": "labels",
         "train": str(train), "dev": str(dev)}
        for name in ("emotion", "ekman", "sentiment")
    ]
    config = write_config(tmp_path, tasks, training={"epochs": 3}, features={"minn": 0, "maxn": 0})
    path = mtl.train(config)
    texts = read_texts(public_corpus("goemotions", "test"), 1500) + ["", "zzqx"]
    check_multi_label_model(path, texts, mtl_binary, tmp_path, "emotion")
