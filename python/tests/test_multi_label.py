"""Multi-label tasks answer `{"labels": [...]}`, exactly as `mtl predict` does."""

from __future__ import annotations

import json

import multitasktext as mtl
from conftest import corpus, read_texts
from helpers import mtl_predict, write_lines


def test_multi_label_predict_equals_mtl_predict(multi_label_model_path, mtl_binary, tmp_path) -> None:
    model = mtl.load(multi_label_model_path)
    assert model.tasks == ["emotion", "ekman", "sentiment"]
    assert all(model.is_multi_label(task) for task in model.tasks)
    texts = read_texts(corpus("goemotions", "test"), 1500) + ["", "zzqx"]
    path = write_lines(tmp_path / "in.txt", texts)
    for options, flags in (({}, []), ({"top_k": 3}, ["--top-k", "3"])):
        expected = mtl_predict(mtl_binary, multi_label_model_path, path, *flags)
        assert model.predict_json(texts, **options) == expected
        answers = model.predict(texts, **options)
        assert answers == [json.loads(line) for line in expected.splitlines()]
    assert any(len(answer["emotion"]["labels"] or []) > 1 for answer in model.predict(texts))
    proba = model.predict_proba(texts, task="ekman")
    assert proba.shape == (len(texts), len(model.labels("ekman")))
