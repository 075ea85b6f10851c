"""Spark in local[2]: 5,000 documents, every row checked against `mtl predict`."""

from __future__ import annotations

import json
import os
import sys

import pytest

pyspark = pytest.importorskip("pyspark", reason="pip install pyspark pyarrow pandas")

from pyspark.sql import SparkSession  # noqa: E402

import multitasktext.spark as mtl_spark  # noqa: E402
from conftest import corpus, read_texts  # noqa: E402
from helpers import mtl_predict, write_lines  # noqa: E402


@pytest.fixture(scope="module")
def spark():
    # Executors' Python workers must see this environment's packages.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (
        SparkSession.builder.master("local[2]")
        .appName("multitasktext-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    yield session
    session.stop()


def expected_cell(answer: dict):
    if "labels" in answer:
        return [(item["label"], item["probability"]) for item in answer["labels"] or []]
    return (answer["label"], answer.get("probability"))


def actual_cell(value):
    if isinstance(value, list):
        return [(item["label"], item["probability"]) for item in value]
    return (value["label"], value["probability"])


def check_against_cli(spark, model_path, mtl_binary, texts, tmp_path) -> None:
    rows = [(index, text) for index, text in enumerate(texts)]
    df = spark.createDataFrame(rows, "id long, text string").repartition(2)
    scored = mtl_spark.predict(df, model_path, text_col="text")
    expected = mtl_predict(mtl_binary, model_path, write_lines(tmp_path / "in.txt", texts))
    answers = [json.loads(line) for line in expected.splitlines()]
    result = {row["id"]: row for row in scored.collect()}
    assert len(result) == len(texts)
    tasks = list(answers[0])
    assert scored.columns == ["id", "text", *tasks]
    for index, answer in enumerate(answers):
        row = result[index]
        assert row["text"] == texts[index]
        for task in tasks:
            assert actual_cell(row[task]) == expected_cell(answer[task]), (index, task)


def test_spark_predict_matches_mtl_predict_on_5000_documents(spark, model_path, mtl_binary, tmp_path) -> None:
    texts = (
        read_texts(corpus("ag_news", "test"), 2500)
        + read_texts(corpus("sst2", "test"), 1500)
        + read_texts(corpus("sms_spam", "test"), 500)
    )
    texts += read_texts(corpus("ag_news", "dev"), 5000 - len(texts))
    texts[7] = ""
    assert len(texts) == 5000
    check_against_cli(spark, model_path, mtl_binary, texts, tmp_path)


def test_spark_multi_label_columns_are_arrays(spark, multi_label_model_path, mtl_binary, tmp_path) -> None:
    texts = read_texts(corpus("goemotions", "test"), 600)
    check_against_cli(spark, multi_label_model_path, mtl_binary, texts, tmp_path)


def test_spark_options_and_errors(spark, model_path, tmp_path) -> None:
    df = spark.createDataFrame([("free entry now",), (None,)], "text string")
    scored = mtl_spark.predict(df, model_path, tasks=["spam"], min_probability=0.99999).collect()
    assert scored[1]["spam"]["label"] is None
    assert [c for c in mtl_spark.predict(df, model_path, tasks=["spam"]).columns] == ["text", "spam"]
    with pytest.raises(ValueError, match="no column 'body'"):
        mtl_spark.predict(df, model_path, text_col="body")
    with pytest.raises(OSError):
        mtl_spark.predict(df, str(tmp_path / "missing.mtl"))
