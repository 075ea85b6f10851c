"""Prediction on Apache Spark: every task's answer as new DataFrame columns.

    from multitasktext import spark as mtl_spark
    scored = mtl_spark.predict(df, "runs/default/model.mtl", text_col="text")
    scored.select("text", "topic.label", "topic.probability")

The model file is shipped to the executors with `SparkContext.addFile` and loaded once per
Python worker, then reused by every Arrow batch that worker runs (`mapInArrow`). Each task
becomes a column named after it: a struct `{label, probability}` for a single-label task, an
array of such structs for a multi-label task. The values are `mtl predict`'s: an abstention
has a null label (and a null probability when the document had no known word).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from typing import Any, Dict, Iterator, List, Optional, Sequence
from urllib.parse import urlparse

from .model import Model

# One model per file per Python worker process. Spark reuses its Python workers across tasks
# (spark.python.worker.reuse, on by default), so a model is read once per worker, not once
# per batch or per task.
_WORKER_MODELS: Dict[str, Model] = {}


def _worker_model(name: str) -> Model:
    model = _WORKER_MODELS.get(name)
    if model is None:
        from pyspark import SparkFiles

        model = Model(SparkFiles.get(name))
        _WORKER_MODELS[name] = model
    return model


def _ship(spark_context: Any, model_path: str) -> str:
    """Adds the model to the job's files and returns the name executors fetch it by.

    A local file is shipped as a copy named after its contents (`model-<sha256>.mtl`):
    `addFile` keys files by name, and two models both called `model.mtl`, or a model retrained
    in place, must not collide.
    """
    scheme = urlparse(model_path).scheme
    if scheme not in ("", "file"):
        spark_context.addFile(model_path)
        return os.path.basename(urlparse(model_path).path)
    local = urlparse(model_path).path if scheme == "file" else model_path
    if not os.path.isfile(local):
        from .errors import ModelFileError

        raise ModelFileError(f"{model_path}: cannot read the model: no such file")
    digest = hashlib.sha256()
    with open(local, "rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    stem, suffix = os.path.splitext(os.path.basename(local))
    name = f"{stem}-{digest.hexdigest()[:20]}{suffix}"
    folder = os.path.join(tempfile.gettempdir(), "multitasktext-spark")
    os.makedirs(folder, exist_ok=True)
    shipped = os.path.join(folder, name)
    if not os.path.isfile(shipped):
        staging = f"{shipped}.{os.getpid()}.part"
        shutil.copyfile(local, staging)
        os.replace(staging, shipped)
    spark_context.addFile(shipped)
    return name


def result_schema(model: Model, tasks: Sequence[str]) -> Any:
    """The Spark type of each task's column: a struct, or an array of structs."""
    from pyspark.sql.types import ArrayType, DoubleType, StringType, StructField, StructType

    answer = StructType([StructField("label", StringType()), StructField("probability", DoubleType())])
    return [
        StructField(task, ArrayType(answer) if model.is_multi_label(task) else answer)
        for task in tasks
    ]


def predict(
    df: Any,
    model_path: str,
    text_col: str = "text",
    tasks: Optional[Sequence[str]] = None,
    min_probability: Optional[float] = None,
) -> Any:
    """Returns `df` with one column per task holding `mtl predict`'s answer for `text_col`.

    Args:
        df: a Spark DataFrame with a string column `text_col`.
        model_path: a local model file (shipped to executors with `addFile`) or any URI
            `addFile` accepts (`hdfs://`, `s3a://`).
        text_col: the column with the documents; a null text is answered like an empty one.
        tasks: answer only these tasks (`mtl predict --tasks`).
        min_probability: `mtl predict --min-probability`.
    """
    import pyarrow as pa
    from pyspark.sql.types import StructType

    if text_col not in df.columns:
        raise ValueError(f"no column '{text_col}'; the DataFrame has {', '.join(df.columns)}")
    name = _ship(df.sparkSession.sparkContext, model_path)
    driver_model = _worker_model(name)
    answered = list(tasks) if tasks is not None else driver_model.tasks
    for task in answered:
        driver_model.task_index(task)
        if task in df.columns:
            raise ValueError(f"the DataFrame already has a column '{task}', the name of a task")
    schema = StructType(list(df.schema.fields) + result_schema(driver_model, answered))
    arrow_types = _arrow_types(driver_model, answered)
    wanted = None if tasks is None else list(tasks)

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        model = _worker_model(name)
        for batch in batches:
            texts = [text or "" for text in batch.column(text_col).to_pylist()]
            lines = model.predict_json(texts, min_probability=min_probability, tasks=wanted)
            answers = json.loads(b"[" + lines[:-1].replace(b"\n", b",") + b"]") if lines else []
            columns = list(batch.columns)
            for task, arrow_type in zip(answered, arrow_types):
                columns.append(pa.array([_cell(answer[task]) for answer in answers], type=arrow_type))
            yield pa.RecordBatch.from_arrays(columns, names=list(batch.schema.names) + answered)

    return df.mapInArrow(run, schema)


def _arrow_types(model: Model, tasks: Sequence[str]) -> List[Any]:
    import pyarrow as pa

    answer = pa.struct([("label", pa.string()), ("probability", pa.float64())])
    return [pa.list_(answer) if model.is_multi_label(task) else answer for task in tasks]


def _cell(answer: Dict[str, Any]) -> Any:
    if "labels" in answer:
        return [
            {"label": item["label"], "probability": item["probability"]}
            for item in answer["labels"] or []
        ]
    return {"label": answer["label"], "probability": answer.get("probability")}
