"""Loading, describing and predicting: every answer must be `mtl predict`'s, byte for byte."""

from __future__ import annotations

import json

import numpy as np
import pytest

import multitasktext as mtl
from helpers import mtl_predict, run_mtl, write_lines


def test_tasks_and_labels_follow_the_model(model: mtl.Model) -> None:
    assert model.tasks == ["topic", "sentiment", "spam"]
    assert sorted(model.labels("topic")) == ["Business", "Science", "Sports", "World"]
    assert sorted(model.labels("sentiment")) == ["negative", "positive"]
    assert model.labels("spam") == sorted(model.labels("spam"))
    assert not model.is_multi_label("topic")


def test_unknown_task_is_a_value_error(model: mtl.Model) -> None:
    with pytest.raises(mtl.InvalidArgumentError, match="unknown task 'colour'"):
        model.labels("colour")
    with pytest.raises(ValueError):
        model.predict_proba(["x"], task="colour")


@pytest.mark.parametrize(
    "options, flags",
    [
        ({}, []),
        ({"top_k": 2}, ["--top-k", "2"]),
        ({"explain": 3}, ["--explain", "3"]),
        ({"min_probability": 0.7}, ["--min-probability", "0.7"]),
        ({"tasks": ["spam", "topic"]}, ["--tasks", "spam,topic"]),
        ({"top_k": 1, "explain": 1, "min_probability": 0.5}, ["--top-k", "1", "--explain", "1", "--min-probability", "0.5"]),
    ],
)
def test_predict_equals_mtl_predict(model, model_path, mtl_binary, texts, tmp_path, options, flags) -> None:
    expected = mtl_predict(mtl_binary, model_path, write_lines(tmp_path / "in.txt", texts), *flags)
    assert model.predict_json(texts, **options) == expected
    assert model.predict(texts, **options) == [json.loads(line) for line in expected.splitlines()]


def test_predict_in_batches_equals_one_batch(model: mtl.Model, texts) -> None:
    whole = model.predict(texts)
    parts = [row for start in range(0, len(texts), 333) for row in model.predict(texts[start : start + 333])]
    assert parts == whole


def test_empty_batch_and_empty_text(model: mtl.Model) -> None:
    assert model.predict([]) == []
    assert model.predict_proba([], task="topic").shape == (0, 4)
    (answer,) = model.predict([""])
    assert answer["topic"] == {"label": None, "reason": "no known tokens"}


def test_a_single_string_is_rejected(model: mtl.Model) -> None:
    with pytest.raises(TypeError, match="not a single string"):
        model.predict("Stocks rallied")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        model.predict([1, 2])  # type: ignore[list-item]


def test_predict_proba_rows_match_labels_and_predictions(model: mtl.Model, texts) -> None:
    for task in model.tasks:
        probabilities = model.predict_proba(texts, task=task)
        assert probabilities.shape == (len(texts), len(model.labels(task)))
        assert probabilities.dtype == np.float32
        np.testing.assert_allclose(probabilities.sum(axis=1), 1, atol=1e-4)
        answers = model.predict(texts, tasks=[task])
        for row, answer in zip(probabilities, answers):
            if answer[task]["label"] is None:
                continue
            best = int(np.argmax(row))
            assert model.labels(task)[best] == answer[task]["label"]
            assert round(float(row[best]), 5) == pytest.approx(answer[task]["probability"], abs=1e-5)


@pytest.mark.parametrize(
    "options, flags",
    [
        ({"top_k": -1}, ["--top-k=-1"]),
        ({"explain": -2}, ["--explain=-2"]),
        ({"min_probability": 1.5}, ["--min-probability", "1.5"]),
        ({"tasks": ["colour"]}, ["--tasks", "colour"]),
    ],
)
def test_option_errors_carry_the_cli_message(model, model_path, mtl_binary, options, flags) -> None:
    with pytest.raises(mtl.InvalidArgumentError) as raised:
        model.predict(["x"], **options)
    cli = run_mtl(mtl_binary, ["predict", "--model", model_path, *flags], stdin=b"x\n")
    assert cli.returncode != 0
    assert raised.value.message in cli.stderr.decode()
    assert raised.value.code == 1


def test_load_errors_carry_the_cli_message(tmp_path, mtl_binary) -> None:
    missing = tmp_path / "missing.mtl"
    garbage = tmp_path / "garbage.mtl"
    garbage.write_bytes(b"not a model at all")
    for path in (missing, garbage):
        with pytest.raises(mtl.ModelFileError) as raised:
            mtl.load(path)
        cli = run_mtl(mtl_binary, ["predict", "--model", str(path)], stdin=b"x\n")
        assert cli.stderr.decode().strip() == f"Error: {raised.value.message}"
        assert isinstance(raised.value, OSError)


def test_closed_model_raises(model_path: str) -> None:
    with mtl.load(model_path) as model:
        assert model.predict(["ok"])
    with pytest.raises(mtl.InvalidArgumentError, match="closed"):
        model.predict(["ok"])
    model.close()  # twice is harmless


def test_pickles_by_path(model: mtl.Model) -> None:
    import pickle

    copy = pickle.loads(pickle.dumps(model))
    assert copy.tasks == model.tasks
    assert copy.predict(["Stocks rallied"]) == model.predict(["Stocks rallied"])


def test_a_model_loaded_by_a_relative_path_unpickles_after_chdir(model_path, tmp_path, monkeypatch) -> None:
    import os
    import pickle

    monkeypatch.chdir(os.path.dirname(model_path))
    relative = mtl.load("model.mtl")
    assert relative.path == model_path
    data = pickle.dumps(relative)
    monkeypatch.chdir(tmp_path)  # no model.mtl here
    copy = pickle.loads(data)
    assert copy.path == model_path
    assert copy.predict(["free entry now"]) == relative.predict(["free entry now"])


@pytest.mark.parametrize("option", ["top_k", "explain", "threads"])
@pytest.mark.parametrize("value", [2**31, 2**32 + 1, 2**63, 10**30])
def test_integers_beyond_the_c_int_are_refused_not_wrapped(model: mtl.Model, option, value) -> None:
    # ctypes would store 2**31 as -2147483648 and 2**32 + 1 as 1, silently.
    with pytest.raises(mtl.InvalidArgumentError, match=f"{option} must be at most 2147483647 .*found {value}"):
        model.predict(["free entry now"], **{option: value})
    with pytest.raises(ValueError):
        model.predict_json(["free entry now"], **{option: value})
    if option == "threads":
        with pytest.raises(mtl.InvalidArgumentError, match="threads must be at most"):
            model.predict_proba(["free entry now"], task="spam", threads=value)


def test_the_largest_c_int_is_accepted_and_lower_ones_get_the_cli_message(model: mtl.Model) -> None:
    everything = model.predict(["free entry now"], top_k=2**31 - 1)[0]
    assert len(everything["topic"]["top"]) == 4
    with pytest.raises(mtl.InvalidArgumentError, match="top_k must be 0 or more, found -2147483649"):
        model.predict(["x"], top_k=-(2**31) - 1)
    with pytest.raises(mtl.InvalidArgumentError, match="--top-k must be 0 or more, found -2147483648"):
        model.predict(["x"], top_k=-(2**31))


def test_options_of_the_wrong_type_are_refused(model: mtl.Model) -> None:
    import numpy as np

    with pytest.raises(TypeError, match="top_k must be an integer, found float"):
        model.predict(["x"], top_k=2.7)
    assert model.predict(["x"], top_k=np.int64(1)) == model.predict(["x"], top_k=1)
    with pytest.raises(TypeError, match="not a single string"):
        model.predict(["x"], tasks="spam")
    with pytest.raises(mtl.InvalidArgumentError):
        model.predict(["x"], min_probability=float("nan"))
    with pytest.raises(mtl.InvalidArgumentError, match="min_probability must be a number"):
        model.predict(["x"], min_probability="high")


def test_version() -> None:
    assert mtl.__version__ == "0.1.0"


def test_a_nul_in_the_model_path_is_refused_not_cut_short(model_path: str) -> None:
    # C would read "…/model.mtl" and load it, whatever followed the NUL.
    with pytest.raises(mtl.InvalidArgumentError, match="the model path must not contain a NUL character"):
        mtl.load(model_path + "\0.other")
    with pytest.raises(mtl.InvalidArgumentError, match="tasks must not contain a NUL character"):
        mtl.load(model_path).predict(["x"], tasks=["spam\0topic"])


def test_a_bytes_path_loads(model_path: str) -> None:
    import os

    assert mtl.load(os.fsencode(model_path)).path == model_path
