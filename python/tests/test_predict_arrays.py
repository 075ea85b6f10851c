"""`Model.predict` builds its dicts from `mtl_predict_labels`' arrays: they must equal the
parsed JSON lines of `predict_json` for every option, and the JSON's rounding exactly."""

from __future__ import annotations

import json

import numpy as np
import pytest

import multitasktext as mtl
from multitasktext import _answers
from multitasktext.model import default_threads


def parsed(lines: bytes):
    return [json.loads(line) for line in lines.splitlines()]


@pytest.mark.parametrize(
    "options",
    [
        {},
        {"top_k": 1},
        {"top_k": 3},
        {"top_k": 50},
        {"min_probability": 0.9},
        {"min_probability": 0.9, "top_k": 2},
        {"tasks": ["spam"]},
        {"tasks": ["spam", "topic"], "top_k": 2},
        {"tasks": []},
        {"threads": 3},
    ],
)
def test_arrays_give_the_json_answers(model: mtl.Model, texts, options) -> None:
    expected = parsed(model.predict_json(texts, **options))
    answers = model.predict(texts, **options)
    assert answers == expected
    # Same key order as the JSON, not only equal dicts.
    assert [list(answer) for answer in answers] == [list(answer) for answer in expected]
    if "min_probability" in options:
        assert any(a.get("reason", "").startswith("below") for row in answers for a in row.values())


def test_a_generator_is_read_once(model: mtl.Model, texts) -> None:
    answers = model.predict((text for text in texts), min_probability=0.9)
    assert answers == model.predict(list(texts), min_probability=0.9)


def test_an_unknown_task_keeps_its_message(model: mtl.Model) -> None:
    with pytest.raises(mtl.InvalidArgumentError, match='no task "colour"'):
        model.predict(["goal"], tasks=["colour"])


def test_json_rounding_is_redone_exactly() -> None:
    # 1/64 * 100000 = 1562.5: halves round away from zero, as the library writes 0.01563.
    values = np.array([1 / 64, 0.97123, 0.0, 1.0, 1.5, -0.25, np.nan, 0.999996, 3e-6], dtype=np.float32)
    rounded = _answers.json_probabilities(values).tolist()
    assert rounded == [0.01563, 0.97123, 0.0, 1.0, 1.0, 0.0, 0.0, 1.0, 0.0]
    assert all(isinstance(value, float) for value in rounded)


def test_threads_default_to_the_usable_cores(model: mtl.Model, texts) -> None:
    assert default_threads() >= 1
    assert model.predict(texts) == model.predict(texts, threads=1)
    assert model.predict_json(texts) == model.predict_json(texts, threads=1)


def test_explain_is_refused_by_the_array_call(model_path: str) -> None:
    from multitasktext._native import Batch, PredictOptions, lib

    batch = Batch(["goal"])
    handle = mtl.load(model_path)
    with handle._borrowed() as native:
        empty = np.zeros(16, dtype=np.int32)
        status = lib.mtl_predict_labels(
            native, batch.data, batch.offsets_pointer(), 1, PredictOptions(explain=1),
            empty.ctypes.data_as(mtl._native.c_int32_p), empty.ctypes.data_as(mtl._native.c_int32_p),
            np.zeros(16, dtype=np.float32).ctypes.data_as(mtl._native.c_float_p), None,
        )
    assert status == 1
    assert b"mtl_predict_json" in lib.mtl_last_error_message()
