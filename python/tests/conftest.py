"""Shared fixtures: models trained once per session from the corpora the repository ships
(`corpora/`), the `mtl` binary the answers are compared with, and the test texts.

Only the tests that compare with a public corpus read `../shared/corpora` (or
$MULTITASKTEXT_CORPORA), through `public_corpus`: when it is absent they skip with the path,
and with CI=true they fail, so a CI machine without the corpora cannot pass by skipping.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import List

import pytest

import multitasktext as mtl

REPO = Path(__file__).resolve().parents[2]
SHIPPED = REPO / "corpora"
CORPORA = Path(os.environ.get("MULTITASKTEXT_CORPORA", REPO.parent / "shared" / "corpora"))


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    # List every skip with its reason in the summary (`-rs`), so a missing corpus is seen.
    if "s" not in config.option.reportchars and "a" not in config.option.reportchars:
        config.option.reportchars += "s"


def shipped(name: str, split: str) -> Path:
    """A corpus of the repository (`corpora/<name>/<split>.jsonl`); always present."""
    path = SHIPPED / name / f"{split}.jsonl"
    assert path.is_file(), f"the repository's corpus {path} is missing"
    return path


def public_corpus(name: str, split: str) -> Path:
    """A public corpus under $MULTITASKTEXT_CORPORA (default ../shared/corpora).

    Absent: the test skips, naming the path; with CI=true it fails instead.
    """
    path = CORPORA / name / f"{split}.jsonl"
    if not path.is_file():
        message = (
            f"public corpus {path} is absent; this test compares with a public corpus "
            "(set MULTITASKTEXT_CORPORA to the folder holding it)"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(f"{message}; CI=true requires it")
        pytest.skip(message)
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


def read_labelled(path: Path, limit: int | None = None) -> tuple:
    """Texts and their "label" values."""
    texts, labels = [], []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            texts.append(record["text"])
            labels.append(record["label"])
            if limit is not None and len(texts) == limit:
                break
    return texts, labels


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
    """topic, sentiment and spam from `corpora/`, as `corpora/default.yaml` trains them."""
    directory = tmp_path_factory.mktemp("three")
    tasks = [
        {"name": name, "train": str(shipped(name, "train")), "dev": str(shipped(name, "test"))}
        for name in ("topic", "sentiment", "spam")
    ]
    return write_config(
        directory, tasks, training={"epochs": 5}, features={"minn": 0, "maxn": 0, "wordNgrams": 2, "buckets": 50000}
    )


@pytest.fixture(scope="session")
def model_path(three_task_config: Path) -> str:
    """The three-task model (topic, sentiment, spam), trained through `multitasktext.train`."""
    return mtl.train(three_task_config)


@pytest.fixture(scope="session")
def model(model_path: str) -> mtl.Model:
    return mtl.load(model_path)


def multi_label_records() -> List[dict]:
    """A multi-label corpus made from `corpora/`: each topic headline alone, and each paired
    with a review, labelled with both the topic and the review's sentiment."""
    topics = [json.loads(line) for line in open(shipped("topic", "train"), encoding="utf-8")]
    reviews = [json.loads(line) for line in open(shipped("sentiment", "train"), encoding="utf-8")]
    records = [{"text": t["text"], "labels": [t["label"]]} for t in topics]
    for index, topic in enumerate(topics):
        review = reviews[index % len(reviews)]
        records.append({"text": f"{topic['text']} {review['text']}", "labels": [topic["label"], review["label"]]})
    return records


@pytest.fixture(scope="session")
def multi_label_model_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    """One multi-label task over topics and sentiments, thresholds tuned on dev."""
    directory = tmp_path_factory.mktemp("multilabel")
    records = multi_label_records()
    train, dev = directory / "train.jsonl", directory / "dev.jsonl"
    train.write_text("".join(json.dumps(r) + "\n" for i, r in enumerate(records) if i % 5), encoding="utf-8")
    dev.write_text("".join(json.dumps(r) + "\n" for i, r in enumerate(records) if not i % 5), encoding="utf-8")
    tasks = [
        {"name": "tags", "type": "multiLabel", "thresholds": "tuned", "labelsField": "labels",
         "train": str(train), "dev": str(dev)}
    ]
    config = write_config(
        directory, tasks, training={"epochs": 10}, features={"minn": 0, "maxn": 0, "buckets": 50000}
    )
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


def sample_lines() -> List[str]:
    """`corpora/sample.txt`: raw documents in several scripts."""
    return (SHIPPED / "sample.txt").read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="session")
def texts() -> List[str]:
    """About 1,000 documents of the repository's corpora (test, then train), and edge cases."""
    names = ("topic", "sentiment", "spam")
    return (
        [text for name in names for text in read_texts(shipped(name, "test"))]
        + [text for name in names for text in read_texts(shipped(name, "train"))]
        + sample_lines()
        + EDGE_CASES
    )
