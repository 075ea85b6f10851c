"""Shared fixtures: models trained once per session from the shared corpora, the `mtl` binary
the answers are compared with, and the test texts."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import List

import pytest

import multitasktext as mtl

REPO = Path(__file__).resolve().parents[2]
CORPORA = Path(os.environ.get("MULTITASKTEXT_CORPORA", REPO.parent / "shared" / "corpora"))


def corpus(name: str, split: str) -> Path:
    path = CORPORA / name / f"{split}.jsonl"
    if not path.is_file():
        pytest.fail(f"missing corpus {path}; set MULTITASKTEXT_CORPORA")
    return path


def read_texts(path: Path, limit: int | None = None) -> List[str]:
    texts = []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            # `mtl predict` reads one document per line, so texts keep no line breaks.
            texts.append(" ".join(json.loads(line)["text"].splitlines()))
            if limit is not None and len(texts) == limit:
                break
    return texts


@pytest.fixture(scope="session")
def mtl_binary() -> str:
    """The `mtl` executable: $MTL_BINARY, else the package's release or debug build."""
    candidates = [os.environ.get("MTL_BINARY"), REPO / ".build/release/mtl", REPO / ".build/debug/mtl"]
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return str(candidate)
    found = shutil.which("mtl")
    if found:
        return found
    pytest.fail("no mtl binary: run `swift build --product mtl` or set MTL_BINARY")


def write_config(directory: Path, tasks: list, **settings: object) -> Path:
    config = {"tasks": tasks, "output": {"directory": str(directory / "run")}}
    for key, value in settings.items():
        config[key] = value
    path = directory / "config.json"
    path.write_text(json.dumps(config))
    return path


@pytest.fixture(scope="session")
def three_task_config(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("three")
    tasks = [
        {"name": name, "train": str(corpus(source, "train")), "dev": str(corpus(source, "dev"))}
        for name, source in (("topic", "ag_news"), ("sentiment", "sst2"), ("spam", "sms_spam"))
    ]
    return write_config(
        directory, tasks, training={"epochs": 5}, features={"minn": 0, "maxn": 0, "wordNgrams": 2}
    )


@pytest.fixture(scope="session")
def model_path(three_task_config: Path) -> str:
    """The three-task model (topic, sentiment, spam), trained through `multitasktext.train`."""
    return mtl.train(three_task_config)


@pytest.fixture(scope="session")
def model(model_path: str) -> mtl.Model:
    return mtl.load(model_path)


@pytest.fixture(scope="session")
def multi_label_model_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    """GoEmotions' three multi-label taxonomies, thresholds tuned on dev."""
    directory = tmp_path_factory.mktemp("goemotions")
    tasks = [
        {
            "name": name,
            "type": "multiLabel",
            "thresholds": "tuned",
            "labelsField": "labels",
            "train": str(corpus("goemotions", "train")),
            "dev": str(corpus("goemotions", "dev")),
        }
        for name in ("emotion", "ekman", "sentiment")
    ]
    config = write_config(directory, tasks, training={"epochs": 3}, features={"minn": 0, "maxn": 0})
    return mtl.train(config)


EDGE_CASES = [
    "",
    "free entry!! txt WIN to 80086 now",
    "東京都に住んでいます",
    "Stocks rallied after the Fed's decision \t with \"quotes\" and \\ backslashes",
    "zzqx qqzv",  # no known word
    "😀 🎉 http://example.com/win mail@example.com",
    "  leading and trailing spaces  ",
]


@pytest.fixture(scope="session")
def texts() -> List[str]:
    """About 2,000 real documents from the three corpora' test files, and edge cases."""
    return (
        read_texts(corpus("ag_news", "test"), 800)
        + read_texts(corpus("sst2", "test"), 600)
        + read_texts(corpus("sms_spam", "test"), 500)
        + EDGE_CASES
    )
