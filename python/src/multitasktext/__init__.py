"""MultiTaskText for Python: one model, every task's answer.

    import multitasktext as mtl
    model = mtl.load("runs/default/model.mtl")
    model.tasks                      # ["topic", "sentiment", "spam"]
    model.labels("topic")            # ["Business", "Sci/Tech", "Sports", "World"]
    model.predict(["Stocks rallied"], top_k=1)   # mtl predict's JSON objects, as dicts
    model.predict_proba(texts, task="topic")     # numpy array (n, labels)
    mtl.tokenize("東京都に住んでいます")
    mtl.train("config.yaml")
    model.evaluate(tasks={"topic": "test.jsonl"})  # mtl eval --format json, as a dict
    mtl.quantize("model.mtl", "small.mtl", target_size="1MB")

The work is done by libMultiTaskTextC, the project's C API, bundled in the package.
"""

from ._native import lib as _lib
from .errors import (
    ConfigurationError,
    InvalidArgumentError,
    ModelFileError,
    MultiTaskTextError,
    TextError,
    TrainingError,
    WriteError,
)
from .jobs import evaluate, quantize
from .model import Model, load
from .text import Token, tokenize
from .training import train

__version__ = _lib.mtl_version().decode("ascii")

__all__ = [
    "ConfigurationError",
    "InvalidArgumentError",
    "Model",
    "ModelFileError",
    "MultiTaskTextError",
    "TextError",
    "Token",
    "TrainingError",
    "WriteError",
    "evaluate",
    "load",
    "quantize",
    "tokenize",
    "train",
]
