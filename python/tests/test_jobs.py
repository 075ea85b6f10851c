"""`evaluate` is `mtl eval --format json` and `quantize` is `mtl quantize`: the same report,
the same bytes, the same messages; `train` saves model and vocabulary as one commit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import multitasktext as mtl
from conftest import shipped
from helpers import run_mtl
from test_train import small_config


def _without_time(report: dict) -> dict:
    report = dict(report)
    run = dict(report.get("run", {}))
    run.pop("createdAt", None)
    report["run"] = run
    return report


def test_evaluate_is_mtl_eval_json(model: mtl.Model, model_path: str, mtl_binary: str) -> None:
    tasks = {"spam": str(shipped("spam", "test")), "topic": str(shipped("topic", "test"))}
    ours = model.evaluate(tasks=tasks)
    arguments = ["eval", "--model", model.path, "--format", "json"]
    for name, path in tasks.items():
        arguments += ["--task", f"{name}={path}"]
    cli = run_mtl(mtl_binary, arguments)
    assert cli.returncode == 0, cli.stderr.decode()
    assert ours["taskOrder"] == ["topic", "spam"]
    assert _without_time(ours) == _without_time(json.loads(cli.stdout))
    assert list(mtl.evaluate(model_path, tasks=[f"spam={tasks['spam']}"])["tasks"]) == ["spam"]


@pytest.mark.parametrize(
    "options, arguments",
    [
        ({}, []),
        ({"tasks": {"weather": "a.jsonl"}}, ["--task", "weather=a.jsonl"]),
        ({"tasks": ["spam=/nonexistent/test.jsonl"]}, ["--task", "spam=/nonexistent/test.jsonl"]),
    ],
)
def test_evaluate_refuses_what_mtl_eval_refuses(
    model_path: str, mtl_binary: str, options: dict, arguments: list
) -> None:
    with pytest.raises(mtl.InvalidArgumentError) as raised:
        mtl.evaluate(model_path, **options)
    cli = run_mtl(mtl_binary, ["eval", "--model", model_path, *arguments])
    assert cli.returncode in (1, 64)
    assert cli.stderr.decode().splitlines()[0] == f"Error: {raised.value.message}"


def test_quantize_writes_the_bytes_mtl_quantize_writes(
    model_path: str, three_task_config: Path, mtl_binary: str, tmp_path: Path
) -> None:
    ours = mtl.quantize(model_path, tmp_path / "ours.mtl", target_size="200kB", retrain=True,
                        config=three_task_config, epochs=2)
    cli = run_mtl(mtl_binary, ["quantize", model_path, "--output", str(tmp_path / "cli.mtl"), "--quiet",
                               "--target-size", "200kB", "--retrain", "--config", str(three_task_config),
                               "--epochs", "2"])
    assert cli.returncode == 0, cli.stderr.decode()
    assert Path(ours).read_bytes() == (tmp_path / "cli.mtl").read_bytes()
    assert mtl.load(ours).tasks == ["topic", "sentiment", "spam"]
    mtl.quantize(model_path, tmp_path / "eight.mtl", bits=8, cutoff=500)
    cli = run_mtl(mtl_binary, ["quantize", model_path, "--output", str(tmp_path / "eight-cli.mtl"),
                               "--bits", "8", "--cutoff", "500"])
    assert (tmp_path / "eight.mtl").read_bytes() == (tmp_path / "eight-cli.mtl").read_bytes()


def test_quantize_refuses_what_mtl_quantize_refuses(model_path: str, mtl_binary: str, tmp_path: Path) -> None:
    output = tmp_path / "q.mtl"
    with pytest.raises(mtl.InvalidArgumentError) as raised:
        mtl.quantize(model_path, output, bits=4)
    cli = run_mtl(mtl_binary, ["quantize", model_path, "--output", str(output), "--bits", "4"])
    assert cli.stderr.decode().splitlines()[0] == f"Error: {raised.value.message}"
    mtl.quantize(model_path, output)
    with pytest.raises(mtl.InvalidArgumentError, match="the model is already quantized"):
        mtl.quantize(output, tmp_path / "again.mtl")
    assert not (tmp_path / "again.mtl").exists()
    with pytest.raises(mtl.InvalidArgumentError, match="cutoff is out of range"):
        mtl.quantize(model_path, output, cutoff=2**63)


def test_train_keeps_both_previous_files_when_the_vocabulary_copy_cannot_be_written(tmp_path: Path) -> None:
    config = small_config(tmp_path)
    path = mtl.train(config, {"training.seed": 1})
    model_before = Path(path).read_bytes()
    vocabulary = tmp_path / "run" / "vocabulary.tsv"
    vocabulary_before = vocabulary.read_bytes()
    blocked = tmp_path / "blocked"
    blocked.mkdir()
    with pytest.raises(mtl.WriteError):
        mtl.train(config, {"training.seed": 2, "training.epochs": 1, "output.vocabularyCopy": str(blocked)})
    assert Path(path).read_bytes() == model_before
    assert vocabulary.read_bytes() == vocabulary_before
