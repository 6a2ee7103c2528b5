"""Rating scales: detection, text labels, normalisation to one scale.

Surveys rate on 1–5, 1–7, 1–10, 0–10, −3..+3, −5..+5 or 0–100. Every analysis works on one
scale: utilities on 0–100, emotion on −100..+100 with 0 neutral. A scale is declared, or
inferred (:func:`infer_scale`) from a column's question text ("on a scale from 1 to 7"), its
value labels, then the values it holds; the inference always carries its evidence
(:class:`ScaleGuess`), a few outliers are off-scale cells rather than proof of a longer scale,
and values that stop short of a scale's ends are flagged for confirmation.
Text answers that are scale labels ("Muy satisfecho", "Somewhat agree", "Very favorably")
map to points of the scale: :data:`LABEL_SETS` holds the 5- and 7-point agreement,
satisfaction, likelihood, quality and favourability sets (and importance, valence) in
English and Spanish, compared without accents, case or punctuation; a column's answers pick
their set (:func:`match_label_set`), which states the scale when nothing else does (evidence
``answer_labels``), and text outside that set is an ``unknown_label`` cell. Don't-know answers
("no sé", "N/A") are missing values, not errors.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from mot._text import fold
from mot.label_sets import (
    DONT_KNOW,
    LABEL_SETS,
    LEADING_NUMBER,
    LabelSet,
    answer_texts,
    label_key,
    label_value,
    match_label_set,
)
from mot.rating_scales import (
    KNOWN_SCALES,
    Scale,
    normalise,
    parse_scale,
    scale_from_text,
    scale_in_text,
    top_box,
)
from mot.scale_inference import (
    EVIDENCE,
    MAX_OFF_SHARE,
    SCALE_PANEL,
    ScaleAssumption,
    ScaleGuess,
    detect_scale,
    infer_scale,
    stated_scale,
    with_sibling_support,
)

__all__ = [
    "DONT_KNOW",
    "EVIDENCE",
    "KNOWN_SCALES",
    "LABEL_SETS",
    "MAX_OFF_SHARE",
    "SCALE_PANEL",
    "STATUSES",
    "LabelSet",
    "ParsedColumn",
    "Scale",
    "ScaleAssumption",
    "ScaleGuess",
    "answer_texts",
    "detect_scale",
    "fold",
    "infer_scale",
    "label_key",
    "label_value",
    "match_label_set",
    "normalise",
    "parse_ratings",
    "parse_scale",
    "scale_from_text",
    "scale_in_text",
    "stated_scale",
    "top_box",
    "with_sibling_support",
]
# Scales, the scales we know and normalisation: mot/rating_scales.py; inference and its
# evidence: mot/scale_inference.py; label sets: mot/label_sets.py. Read them all from here.


STATUSES: tuple[str, ...] = (
    "ok",
    "missing",
    "dont_know",
    "label",
    "not_a_number",
    "out_of_scale",
    "unknown_label",
)
"""What :func:`parse_ratings` found in a cell; ``ParsedColumn.status`` holds their indices."""


OK, MISSING, DONT_KNOW_ANSWER, LABEL, NOT_A_NUMBER, OUT_OF_SCALE, UNKNOWN_LABEL = range(
    len(STATUSES)
)


@dataclass(frozen=True)
class ParsedColumn:
    """A rating column read onto its scale.

    ``values`` holds the raw scale points (NaN where missing or unusable); ``status`` holds,
    per cell, an index into :data:`STATUSES`: ``ok``, ``missing`` (empty), ``dont_know``,
    ``label`` (mapped from text), ``not_a_number``, ``out_of_scale`` or ``unknown_label``
    (text that is not a label of the set the column's answers use).
    """

    values: np.ndarray
    status: np.ndarray

    def status_names(self) -> list[str]:
        """The status of every cell, by name."""
        return [STATUSES[s] for s in self.status]


def parse_ratings(
    column: pd.Series, scale: Scale, *, labels: LabelSet | None = None
) -> ParsedColumn:
    """Turn a column of answers into scale points, classifying every cell.

    Numbers on the scale are kept; numbers off it, and text that is neither a scale label nor
    a don't-know answer, become NaN with a status the validation report explains. A
    non-finite number (``inf``, ``-inf``, ``1e309``, ``nan`` written out) is ``not_a_number``:
    that cell is left out, the rest of the column is kept.
    Text is judged once per distinct value, so long columns stay fast.

    With ``labels`` (the set :func:`match_label_set` found for the column), text answers are
    read as that set's points spread over ``scale``, and any other text is ``unknown_label``;
    without it each label is looked up in every set (:func:`label_value`) and other text is
    ``not_a_number``.

    Examples
    --------
    >>> p = parse_ratings(pd.Series([1, "5", "no sé", "Muy satisfecho", 9, "bien", None]),
    ...                   Scale(1, 5))
    >>> p.values.tolist()[:4], p.status_names()[2:]
    ([1.0, 5.0, nan, 5.0], ['dont_know', 'label', 'out_of_scale', 'not_a_number', 'missing'])
    >>> agree = match_label_set(["De acuerdo"])
    >>> parse_ratings(pd.Series(["Muy de acuerdo", "Bastante"]), Scale(1, 5),
    ...               labels=agree).status_names()
    ['label', 'unknown_label']
    """
    if pd.api.types.is_numeric_dtype(column.dtype) and not pd.api.types.is_bool_dtype(column):
        values = column.to_numpy(dtype="float64", na_value=np.nan)
        status = np.isnan(values).astype(np.int8)  # OK = 0, MISSING = 1
        status[np.isinf(values)] = NOT_A_NUMBER  # 1e309, inf: a broken cell, not a rating
    else:
        values, status = _parse_text_column(column, scale, labels)
    off = (values < scale.low) | (values > scale.high)
    off &= status == OK
    status[off] = OUT_OF_SCALE
    usable = (status == OK) | (status == LABEL)
    if not usable.all():
        values = np.where(usable, values, np.nan)
    return ParsedColumn(values, status)


def _parse_text_column(
    column: pd.Series, scale: Scale, labels: LabelSet | None
) -> tuple[np.ndarray, np.ndarray]:
    codes, uniques = pd.factorize(column, use_na_sentinel=True)
    # The NA sentinel (-1) indexes the extra last slot: a missing cell.
    unique_values = np.full(len(uniques) + 1, np.nan)
    unique_status = np.full(len(uniques) + 1, MISSING, dtype=np.int8)
    for i, raw in enumerate(uniques):
        unique_values[i], unique_status[i] = _parse_cell(raw, scale, labels)
    return unique_values[codes], unique_status[codes]


def _parse_cell(raw: object, scale: Scale, labels: LabelSet | None) -> tuple[float, int]:
    text = str(raw).strip()
    if text == "":
        return np.nan, MISSING
    number = pd.to_numeric(text.replace(",", "."), errors="coerce")
    if not pd.isna(number):
        number = float(number)
        return (number, OK) if np.isfinite(number) else (np.nan, NOT_A_NUMBER)
    key = fold(text)
    if key in DONT_KNOW:
        return np.nan, DONT_KNOW_ANSWER
    point = label_value(text, scale, labels=labels)
    if point is not None:
        return point, LABEL
    leading = LEADING_NUMBER.match(text)
    if leading:  # "5 - Very satisfied", "1 = Nada"
        return float(leading.group(1).replace(",", ".")), OK
    return np.nan, NOT_A_NUMBER if labels is None else UNKNOWN_LABEL
