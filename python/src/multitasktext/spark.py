"""Prediction on Apache Spark: every task's answer as new DataFrame columns.

    from multitasktext import spark as mtl_spark
    scored = mtl_spark.predict(df, "runs/default/model.mtl", text_col="text")
    scored.select("text", "topic_label", "topic_probability").write.parquet("scored")

The model file is shipped to the executors with `SparkContext.addFile` and loaded once per
Python worker, then reused by every Arrow batch that worker runs (`mapInArrow`). Each task
adds flat columns, so any selection of them has distinct names (Parquet refuses two columns
of one name): `<task>_label` and `<task>_probability` for a single-label task,
`<task>_labels` (an array of `{label, probability}` structs) for a multi-label task.
`prefix="pred_"` puts a prefix before each, for a DataFrame that already has such columns
(a labelled file's `topic_label`, say). The values are `mtl predict`'s: an abstention has a
null label (and a null probability when the document had no known word).
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


def answer_columns(model: Model, tasks: Sequence[str], prefix: str = "") -> List[Any]:
    """The Spark fields `predict` adds, in order: per single-label task `<prefix><task>_label`
    (string) and `<prefix><task>_probability` (double); per multi-label task
    `<prefix><task>_labels`, an array of `struct<label: string, probability: double>`."""
    from pyspark.sql.types import ArrayType, DoubleType, StringType, StructField, StructType

    answer = StructType([StructField("label", StringType()), StructField("probability", DoubleType())])
    fields = []
    for task in tasks:
        if model.is_multi_label(task):
            fields.append(StructField(f"{prefix}{task}_labels", ArrayType(answer)))
        else:
            fields.append(StructField(f"{prefix}{task}_label", StringType()))
            fields.append(StructField(f"{prefix}{task}_probability", DoubleType()))
    return fields


def predict(
    df: Any,
    model_path: str,
    text_col: str = "text",
    tasks: Optional[Sequence[str]] = None,
    min_probability: Optional[float] = None,
    prefix: str = "",
) -> Any:
    """Returns `df` with each task's answer for `text_col` in new columns (see the module).

    Args:
        df: a Spark DataFrame with a string column `text_col`.
        model_path: a local model file (shipped to executors with `addFile`) or any URI
            `addFile` accepts (`hdfs://`, `s3a://`).
        text_col: the column with the documents; a null text is answered like an empty one.
        tasks: answer only these tasks (`mtl predict --tasks`).
        min_probability: `mtl predict --min-probability`.
        prefix: put before every added column's name, such as "pred_", so the answers
            never collide with columns `df` already has.

    Raises `ValueError` before any work when a new column's name is taken (compared without
    case, as Spark and Parquet do), naming it and suggesting a prefix.
    """
    import pyarrow as pa
    from pyspark.sql.types import StringType, StructType

    if text_col not in df.columns:
        raise ValueError(f"no column '{text_col}'; the DataFrame has {', '.join(df.columns)}")
    if not isinstance(df.schema[text_col].dataType, StringType):
        raise ValueError(
            f"column '{text_col}' holds {df.schema[text_col].dataType.simpleString()}, not strings; "
            f"cast it first: df.withColumn('{text_col}', df['{text_col}'].cast('string'))"
        )
    if not isinstance(prefix, str):
        raise TypeError(f"prefix must be a string, found {type(prefix).__name__}")
    if isinstance(tasks, str):
        raise TypeError(f"tasks must be a list of task names, not a single string: use [{tasks!r}]")
    name = _ship(df.sparkSession.sparkContext, model_path)
    driver_model = _worker_model(name)
    answered = list(tasks) if tasks is not None else driver_model.tasks
    for task in answered:
        driver_model.task_index(task)
    added = answer_columns(driver_model, answered, prefix)
    _check_free(df.columns, [field.name for field in added])
    schema = StructType(list(df.schema.fields) + added)
    wanted = None if tasks is None else list(tasks)
    multi_label = [driver_model.is_multi_label(task) for task in answered]
    names = [field.name for field in added]

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        model = _worker_model(name)
        for batch in batches:
            texts = [text or "" for text in batch.column(text_col).to_pylist()]
            # One thread: Spark already runs a Python worker per core.
            lines = model.predict_json(texts, min_probability=min_probability, tasks=wanted, threads=1)
            answers = json.loads(b"[" + lines[:-1].replace(b"\n", b",") + b"]") if lines else []
            columns = list(batch.columns)
            for task, is_multi_label in zip(answered, multi_label):
                columns.extend(_task_arrays([answer[task] for answer in answers], is_multi_label))
            yield pa.RecordBatch.from_arrays(columns, names=list(batch.schema.names) + names)

    return df.mapInArrow(run, schema)


def _check_free(existing: Sequence[str], added: Sequence[str]) -> None:
    """Refuses an added column whose name, ignoring case, `df` already has."""
    taken = {column.lower(): column for column in existing}
    for column in added:
        if column.lower() in taken:
            raise ValueError(
                f"the DataFrame already has a column '{taken[column.lower()]}', the name of an answer "
                f"column; pass prefix=, for example prefix=\"pred_\" gives 'pred_{column}'"
            )


def _task_arrays(answers: List[Dict[str, Any]], is_multi_label: bool) -> List[Any]:
    """One task's Arrow columns for a batch: labels and probabilities, or label lists."""
    import pyarrow as pa

    if is_multi_label:
        answer = pa.struct([("label", pa.string()), ("probability", pa.float64())])
        cells = [
            [{"label": item["label"], "probability": item["probability"]} for item in value["labels"] or []]
            for value in answers
        ]
        return [pa.array(cells, type=pa.list_(answer))]
    return [
        pa.array([value["label"] for value in answers], type=pa.string()),
        pa.array([value.get("probability") for value in answers], type=pa.float64()),
    ]
