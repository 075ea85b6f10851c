"""`train` is `mtl train`: same model from the same configuration, same error messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import multitasktext as mtl
from conftest import shipped
from helpers import run_mtl


def small_config(directory: Path, **extra: object) -> Path:
    config = {
        "tasks": [{"name": "spam", "train": str(shipped("spam", "train"))}],
        "training": {"epochs": 2},
        "features": {"minn": 0, "maxn": 0},
        "output": {"directory": str(directory / "run")},
        **extra,
    }
    path = directory / "config.json"
    path.write_text(json.dumps(config))
    return path


def test_train_writes_the_same_model_as_mtl_train(tmp_path: Path, mtl_binary: str) -> None:
    config = small_config(tmp_path)
    path = mtl.train(config, {"training.seed": 7})
    assert path == str(tmp_path / "run" / "model.mtl")
    ours = Path(path).read_bytes()
    assert (tmp_path / "run" / "vocabulary.tsv").is_file()
    cli = run_mtl(mtl_binary, ["train", "--quiet", "--set", "training.seed=7", str(config)])
    assert cli.returncode == 0, cli.stderr
    assert Path(path).read_bytes() == ours  # one thread and one seed: byte-identical
    assert mtl.load(path).tasks == ["spam"]


def test_overrides_as_strings(tmp_path: Path) -> None:
    path = mtl.train(small_config(tmp_path), ["training.epochs=1", "model.dimension=8"])
    assert mtl.load(path).predict(["free prize"])[0]["spam"]["label"] in ("ham", "spam")


@pytest.mark.parametrize(
    "make, error",
    [
        (lambda d: d / "missing.yaml", mtl.ConfigurationError),
        (lambda d: small_config(d, training={"epochz": 2}), mtl.ConfigurationError),
        (lambda d: small_config(d, tasks=[{"name": "spam", "train": str(d / "nope.jsonl")}]), mtl.ConfigurationError),
    ],
)
def test_errors_carry_the_cli_message(tmp_path: Path, mtl_binary: str, make, error) -> None:
    config = make(tmp_path)
    with pytest.raises(error) as raised:
        mtl.train(config)
    cli = run_mtl(mtl_binary, ["train", "--quiet", str(config)])
    assert cli.returncode == 1
    assert cli.stderr.decode().strip() == f"Error: {raised.value.message}"


def test_bad_override_is_a_configuration_error(tmp_path: Path, mtl_binary: str) -> None:
    config = small_config(tmp_path)
    with pytest.raises(mtl.ConfigurationError) as raised:
        mtl.train(config, {"training.epochs": "many"})
    cli = run_mtl(mtl_binary, ["train", "--quiet", "--set", "training.epochs=many", str(config)])
    assert cli.stderr.decode().strip() == f"Error: {raised.value.message}"


def test_a_nul_in_the_configuration_path_or_an_override_is_refused(tmp_path: Path) -> None:
    config = small_config(tmp_path)
    # C would read the configuration up to the NUL and train on it.
    with pytest.raises(mtl.InvalidArgumentError, match="the configuration path must not contain a NUL"):
        mtl.train(str(config) + "\0.yaml")
    with pytest.raises(mtl.InvalidArgumentError, match="an override must not contain a NUL"):
        mtl.train(config, ["training.epochs=1\0junk"])
    assert not (tmp_path / "run").exists()
