"""Spark in local[2] on 127.0.0.1: docs/SCALING.md's snippets as written, and every row checked
against `mtl predict`."""

from __future__ import annotations

import json
import os
import re
import sys

import pytest

pyspark = pytest.importorskip("pyspark", reason="pip install pyspark pyarrow pandas")
pq = pytest.importorskip("pyarrow.parquet", reason="pip install pyarrow")

from pyspark.sql import SparkSession  # noqa: E402

import multitasktext.spark as mtl_spark  # noqa: E402
from conftest import REPO, public_corpus, read_texts, shipped  # noqa: E402
from helpers import mtl_predict, write_lines  # noqa: E402


@pytest.fixture(scope="module")
def spark():
    # Executors' Python workers must see this environment's packages; nothing listens
    # beyond the loopback interface.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"
    session = (
        SparkSession.builder.master("local[2]")
        .appName("multitasktext-tests")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    yield session
    session.stop()


def expected_columns(answer: dict) -> dict:
    """The flat columns docs/SCALING.md describes, from one `mtl predict` JSON object."""
    columns = {}
    for task, value in answer.items():
        if "labels" in value:
            columns[f"{task}_labels"] = [(item["label"], item["probability"]) for item in value["labels"] or []]
        else:
            columns[f"{task}_label"] = value["label"]
            columns[f"{task}_probability"] = value.get("probability")
    return columns


def actual(value):
    if isinstance(value, list):
        return [(item["label"], item["probability"]) for item in value]
    return value


def check_against_cli(spark, model_path, mtl_binary, texts, tmp_path) -> None:
    rows = [(index, text) for index, text in enumerate(texts)]
    df = spark.createDataFrame(rows, "id long, text string").repartition(2)
    scored = mtl_spark.predict(df, model_path, text_col="text")
    expected = mtl_predict(mtl_binary, model_path, write_lines(tmp_path / "in.txt", texts))
    answers = [expected_columns(json.loads(line)) for line in expected.splitlines()]
    result = {row["id"]: row for row in scored.collect()}
    assert len(result) == len(texts)
    assert scored.columns == ["id", "text", *answers[0]]
    for index, answer in enumerate(answers):
        row = result[index]
        assert row["text"] == texts[index]
        for column, value in answer.items():
            assert actual(row[column]) == value, (index, column)


def test_spark_predict_matches_mtl_predict(spark, model_path, mtl_binary, texts, tmp_path) -> None:
    texts = list(texts)
    texts[7] = ""
    check_against_cli(spark, model_path, mtl_binary, texts, tmp_path)


def test_spark_multi_label_columns_are_arrays(spark, multi_label_model_path, mtl_binary, tmp_path) -> None:
    texts = read_texts(shipped("topic", "test")) + read_texts(shipped("sentiment", "test"))
    check_against_cli(spark, multi_label_model_path, mtl_binary, texts, tmp_path)


def test_spark_on_5000_public_documents(spark, model_path, mtl_binary, tmp_path) -> None:
    texts = (
        read_texts(public_corpus("ag_news", "test"), 2500)
        + read_texts(public_corpus("sst2", "test"), 1500)
        + read_texts(public_corpus("sms_spam", "test"), 500)
    )
    texts += read_texts(public_corpus("ag_news", "dev"), 5000 - len(texts))
    texts[7] = ""
    assert len(texts) == 5000
    check_against_cli(spark, model_path, mtl_binary, texts, tmp_path)


def documented_snippets() -> list:
    """The ```python blocks of docs/SCALING.md's Spark section, indented ones included."""
    text = (REPO / "docs" / "SCALING.md").read_text(encoding="utf-8")
    section = text[text.index("## Spark\n") : text.index("### Without Python")]
    blocks = re.findall(r"^( *)```python[^\n]*\n(.*?)^\1```", section, flags=re.M | re.S)
    return ["\n".join(line[len(indent):] for line in body.splitlines()) for indent, body in blocks]


def test_the_documented_snippets_write_parquet(spark, model_path, mtl_binary, tmp_path) -> None:
    first, second = documented_snippets()
    texts = read_texts(shipped("spam", "test")) + read_texts(shipped("topic", "test"))
    messages = tmp_path / "messages.jsonl"
    messages.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts)), encoding="utf-8")
    replacements = {
        "s3a://bucket/messages/": str(messages),
        "/models/model.mtl": model_path,
        "s3a://bucket/scored/": str(tmp_path / "scored-1"),
        "corpora/topic/test.jsonl": str(shipped("topic", "test")),
        "runs/default/model.mtl": model_path,
        '"scored"': repr(str(tmp_path / "scored-2")),
    }
    namespace: dict = {}  # the second snippet goes on from the first, as a reader's session does
    for snippet in (first, second):
        for old, new in replacements.items():
            snippet = snippet.replace(old, new)
        exec(compile(snippet, "docs/SCALING.md", "exec"), namespace)

    expected = mtl_predict(mtl_binary, model_path, write_lines(tmp_path / "in.txt", texts))
    answers = [json.loads(line) for line in expected.splitlines()]
    table = pq.read_table(tmp_path / "scored-1").to_pylist()
    assert sorted(table[0]) == ["id", "spam_label", "topic_label", "topic_probability"]
    assert len(table) == len(texts)
    for row in table:
        answer = answers[row["id"]]
        assert row["topic_label"] == answer["topic"]["label"]
        assert row["topic_probability"] == answer["topic"].get("probability")
        assert row["spam_label"] == answer["spam"]["label"]

    labelled = [json.loads(line) for line in open(shipped("topic", "test"), encoding="utf-8")]
    twice = pq.read_table(tmp_path / "scored-2").to_pylist()
    assert sorted(twice[0]) == ["label", "pred_topic_label", "text", "topic_label"]
    assert sorted((r["text"], r["label"]) for r in twice) == sorted((r["text"], r["label"]) for r in labelled)
    assert all(row["pred_topic_label"] == row["topic_label"] for row in twice)


def test_a_labelled_frame_is_scored_and_a_taken_name_needs_a_prefix(spark, model_path) -> None:
    rows = [("free entry now", "Business", "positive", "spam"), ("the film was dull", "World", "negative", "ham")]
    labelled = spark.createDataFrame(rows, "text string, topic string, sentiment string, spam string")
    scored = mtl_spark.predict(labelled, model_path)
    assert scored.columns[:4] == ["text", "topic", "sentiment", "spam"]
    assert "spam_label" in scored.columns and "topic_probability" in scored.columns
    assert [row["spam"] for row in scored.collect()] == ["spam", "ham"]

    clashing = spark.createDataFrame([("x", "gold")], "text string, Topic_Label string")
    with pytest.raises(ValueError, match=r"already has a column 'Topic_Label'.*prefix=\"pred_\" gives 'pred_topic_label'"):
        mtl_spark.predict(clashing, model_path)
    prefixed = mtl_spark.predict(clashing, model_path, prefix="pred_")
    assert prefixed.columns == [
        "text", "Topic_Label", "pred_topic_label", "pred_topic_probability", "pred_sentiment_label",
        "pred_sentiment_probability", "pred_spam_label", "pred_spam_probability",
    ]
    assert prefixed.collect()[0]["Topic_Label"] == "gold"


def test_spark_options_and_errors(spark, model_path, tmp_path) -> None:
    df = spark.createDataFrame([("free entry now",), (None,)], "text string")
    scored = mtl_spark.predict(df, model_path, tasks=["spam"], min_probability=0.99999).collect()
    assert scored[1]["spam_label"] is None
    assert mtl_spark.predict(df, model_path, tasks=["spam"]).columns == ["text", "spam_label", "spam_probability"]
    with pytest.raises(ValueError, match="no column 'body'"):
        mtl_spark.predict(df, model_path, text_col="body")
    with pytest.raises(OSError):
        mtl_spark.predict(df, str(tmp_path / "missing.mtl"))
    with pytest.raises(TypeError, match="not a single string"):
        mtl_spark.predict(df, model_path, tasks="spam")
    numbers = spark.createDataFrame([(1,)], "text long")
    with pytest.raises(ValueError, match="holds bigint, not strings"):
        mtl_spark.predict(numbers, model_path)
