"""`mtl predict`'s answer objects built from `mtl_predict_labels`' arrays, without JSON.

Private. `Model.predict` used to parse the JSON lines of `mtl_predict_json`; the library now
writes the same answers as label indices and probabilities, and this module turns them into
the very dicts `json.loads` gave: same keys in the same order, same floats (the JSON's
five-decimal rounding is redone here exactly, see `json_probabilities`).
"""

from __future__ import annotations

from typing import Any, Dict, List, Sequence

import numpy as np

NO_KNOWN_TOKENS = 1
BELOW_MINIMUM = 2


def json_probabilities(values: np.ndarray) -> np.ndarray:
    """The floats `json.loads` reads from the library's five-decimal probabilities.

    The library writes `round(clamp(p, 0, 1) * 100000)` digits, rounding halves away from
    zero (NaN as 0), after "0." or "1."; parsing "0.97123" gives the double nearest to
    97123 / 100000, which is exactly what dividing the integer by 100000.0 gives (IEEE
    division is correctly rounded). `floor(y) + (y - floor(y) >= 0.5)` is the half-away
    rounding for y >= 0, and `y - floor(y)` is exact.
    """
    doubles = values.astype(np.float64)
    doubles = np.where(np.isnan(doubles), 0.0, np.clip(doubles, 0.0, 1.0))
    scaled = doubles * 100000.0
    whole = np.floor(scaled)
    return (whole + (scaled - whole >= 0.5)) / 100000.0


def build(
    task_names: Sequence[str],
    labels: Sequence[Sequence[str]],
    multi_label: Sequence[bool],
    widths: Sequence[int],
    top_k: int,
    statuses: np.ndarray,
    indices: np.ndarray,
    probabilities: np.ndarray,
    selected: np.ndarray,
) -> List[Dict[str, Any]]:
    """One dict per document, keyed by the answered tasks in order, as `mtl predict` writes.

    Documents with a task below its minimum are not built here (the caller replaces them):
    the JSON's "below P" names the minimum as the library formats it.
    """
    count = statuses.shape[0]
    if not task_names:
        return [{} for _ in range(count)]
    rounded = json_probabilities(probabilities)
    columns = []
    offset = 0
    for position, names in enumerate(labels):
        width = widths[position]
        part = slice(offset, offset + width)
        if multi_label[position]:
            column = _multi_label(names, indices[:, part], rounded[:, part], selected[:, part], top_k)
            missing = {"labels": None, "reason": "no known tokens"}
        else:
            column = _single_label(names, indices[:, part], rounded[:, part])
            missing = {"label": None, "reason": "no known tokens"}
        for row in np.flatnonzero(statuses[:, position] == NO_KNOWN_TOKENS).tolist():
            column[row] = dict(missing)
        columns.append(column)
        offset += width
    keys = list(task_names)
    return [dict(zip(keys, row)) for row in zip(*columns)]


def _single_label(names: Sequence[str], indices: np.ndarray, rounded: np.ndarray) -> List[Dict[str, Any]]:
    """`{"label", "probability"}`, and `"top"` when the slots hold a top-k list."""
    best = [
        {"label": names[label], "probability": probability}
        for label, probability in zip(indices[:, 0].tolist(), rounded[:, 0].tolist())
    ]
    if indices.shape[1] > 1:
        for answer, row, values in zip(best, indices[:, 1:].tolist(), rounded[:, 1:].tolist()):
            answer["top"] = [
                {"label": names[label], "probability": value}
                for label, value in zip(row, values)
                if label >= 0
            ]
    return best


def _multi_label(
    names: Sequence[str], indices: np.ndarray, rounded: np.ndarray, selected: np.ndarray, top_k: int
) -> List[Dict[str, Any]]:
    """`{"labels": [...]}`: the selected labels, or the top k each marked `"selected"`."""
    answers = []
    for row, values, marks in zip(indices.tolist(), rounded.tolist(), selected.tolist()):
        listed = []
        for label, value, mark in zip(row, values, marks):
            if label < 0:
                break
            entry: Dict[str, Any] = {"label": names[label], "probability": value}
            if top_k > 0:
                entry["selected"] = mark == 1
            listed.append(entry)
        answers.append({"labels": listed})
    return answers
