"""What both survey builders share (private): status entries, reporting cells and scales."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from mot.naming import name_words
from mot.scales import (
    STATUSES,
    LabelSet,
    Scale,
    ScaleAssumption,
    answer_texts,
    match_label_set,
    normalise,
)
from mot.validation import ROWS_LISTED, ReportBuilder

MIN_ANSWERS_FOR_CI = 2


GAP_MEASURES = ("anticipated", "experienced", "retrospective", "excellent")
"""Measures asked alike and compared by the gaps: each supports the others' scale."""


STATUS_ENTRIES: dict[str, tuple[str, str]] = {
    # status: (severity, code of mot.messages.ENTRIES; parameters value, scale, labels and
    # understood: the label set's name and labels, for unknown labels)
    "dont_know": ("warning", "cell.dont_know"),
    "not_a_number": ("error", "cell.not_a_number"),
    "out_of_scale": ("error", "cell.out_of_scale"),
    "unknown_label": ("error", "cell.unknown_label"),
}


def column_labels(values: pd.Series, scale: Scale) -> LabelSet | None:
    """The label set of a column's text answers read on ``scale`` (None: no text labels)."""
    texts = answer_texts(values)
    return match_label_set(texts, points=scale.points) if texts else None


def report_assumptions(assumptions: Sequence[ScaleAssumption], log: ReportBuilder) -> None:
    """One warning per assumed scale, stating it with its evidence."""
    for assumption in assumptions:
        if assumption.guess.scale is None:
            continue  # the column's own error says no known scale holds it
        column = assumption.columns[0] if len(assumption.columns) == 1 else None
        log.add("warning", assumption.code, assumption.params(), column=column)


def report_cells(
    status: np.ndarray,
    values: pd.Series,
    rows: np.ndarray,
    column: str,
    scale: Scale,
    log: ReportBuilder,
    labels: LabelSet | None = None,
) -> None:
    if not (status > STATUSES.index("missing")).any():
        return
    for kind, (severity, code) in STATUS_ENTRIES.items():
        hit = status == STATUSES.index(kind)
        if not hit.any():
            continue
        names: dict[str, object] = {"scale": scale.name}
        if kind == "unknown_label":
            names["labels"] = labels.name if labels else ""
            names["understood"] = ", ".join(labels.labels) if labels else ""
        cells = values.to_numpy(dtype=object)[hit]
        params = [{"value": v, **names} for v in cells[:ROWS_LISTED]]
        log.add_rows(severity, rows[hit], column, code, params, summary=names)


TIDY_ID_NAMES = ("respondentid", "respondent", "responseid", "id")


def tidy_columns(frame: pd.DataFrame) -> dict[str, str] | None:
    """If ``frame`` is already tidy, map role → its column name; else None.

    A tidy table has a respondent column and ``touchpoint``, ``measure`` and ``value``; an
    optional ``scale`` column states each row's rating scale (``1-7``, ``-3..3``), under
    the role ``scale``.
    """
    by_words = {name_words(str(c)).replace(" ", ""): str(c) for c in frame.columns}
    found = {
        "touchpoint": by_words.get("touchpoint"),
        "measure": by_words.get("measure"),
        "value": by_words.get("value"),
    }
    found["respondent_id"] = next((by_words[n] for n in TIDY_ID_NAMES if n in by_words), None)
    if not all(found.values()):
        return None
    if "scale" in by_words:
        found["scale"] = by_words["scale"]
    return found


def outcome_values(outcome: str, points: np.ndarray, scale: Scale) -> np.ndarray:
    """Outcomes on 0–100, except recommendation, which NPS reads on 0–10."""
    if outcome == "recommend":
        return normalise(points, scale) / 10.0
    return normalise(points, scale)
