"""Rating scales: detection, text labels, normalisation to one scale.

Surveys rate on 1–5, 1–7, 1–10, 0–10, −3..+3, −5..+5 or 0–100. Every analysis works on one
scale: utilities on 0–100, emotion on −100..+100 with 0 neutral. A scale is detected from a
column's question text ("on a scale from 1 to 7") or from the values it holds, or declared.
Text answers that are scale labels ("Muy satisfecho", "Very dissatisfied") map to points of
the declared scale; don't-know answers ("no sé", "N/A") are missing values, not errors.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import numpy as np
import pandas as pd

from mot.errors import ScaleError


@dataclass(frozen=True)
class Scale:
    """A numeric rating scale from ``low`` to ``high`` in steps of one."""

    low: float
    high: float

    @property
    def name(self) -> str:
        """The scale as users write it: ``1-5``, ``-3..3``, ``0-100``."""
        low, high = _fmt(self.low), _fmt(self.high)
        return f"{low}..{high}" if self.low < 0 else f"{low}-{high}"

    @property
    def points(self) -> int:
        """Number of integer points on the scale."""
        return int(self.high - self.low) + 1

    @property
    def bipolar(self) -> bool:
        """True for scales centred on zero (−3..+3, −5..+5)."""
        return self.low < 0 < self.high and self.low == -self.high

    @property
    def top_box_threshold(self) -> float:
        """Lowest raw value in the top box: the top two points, or the top fifth of a long scale."""
        if self.points <= 11:
            return self.high - 1
        return self.high - 0.2 * (self.high - self.low)


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


KNOWN_SCALES: tuple[Scale, ...] = (
    Scale(1, 5),
    Scale(1, 7),
    Scale(1, 10),
    Scale(0, 10),
    Scale(-3, 3),
    Scale(-5, 5),
    Scale(0, 100),
)
"""The scales the product recognises, smallest first (detection picks the first that fits)."""

_SCALE_SPEC = re.compile(
    r"^\s*\(?\s*([+-−]?\d+(?:\.\d+)?)\s*(?:-|–|—|\.\.|to|a|hasta)\s*([+-−]?\d+(?:\.\d+)?)\s*\)?\s*$",
    re.IGNORECASE,
)
_SCALE_IN_TEXT = re.compile(
    r"(?<![\d.])([+-−]?\d{1,3})\s*(?:-|–|—|\.\.|to|a|al|hasta)\s*([+-−]?\d{1,3})(?![\d.])",
    re.IGNORECASE,
)


def parse_scale(spec: str | Scale) -> Scale:
    """Read a declared scale such as ``"1-5"``, ``"1–7"``, ``"-3..+3"``, ``"0 to 100"``.

    Raises
    ------
    ScaleError
        If the text is not a range, or the range is empty.

    Examples
    --------
    >>> parse_scale("-3..+3").name, parse_scale("1 to 7").points
    ('-3..3', 7)
    """
    if isinstance(spec, Scale):
        return spec
    match = _SCALE_SPEC.match(str(spec).replace("−", "-"))
    if not match:
        message = f"`{spec}` is not a scale. Write it as low-high, e.g. 1-5, 0-10, -3..3 or 0-100."
        raise ScaleError(message)
    low, high = (float(g.replace("−", "-")) for g in match.groups())
    if not low < high:
        raise ScaleError(f"The scale `{spec}` is empty: its low end must be below its high end.")
    return Scale(low, high)


def scale_from_text(text: str) -> Scale | None:
    """Find a known scale named in a question's text ("del 1 al 7", "(0-10)"), if any.

    Examples
    --------
    >>> scale_from_text("¿Qué probabilidad hay de que nos recomiende? (0-10)")
    Scale(low=0.0, high=10.0)
    >>> scale_from_text("How was delivery?") is None
    True
    """
    for match in _SCALE_IN_TEXT.finditer(str(text).replace("−", "-")):
        low, high = (float(g) for g in match.groups())
        candidate = Scale(low, high)
        if candidate in KNOWN_SCALES:
            return candidate
    return None


def detect_scale(values: pd.Series | np.ndarray, *, question: str = "") -> Scale | None:
    """Detect the scale of a rating column from its question text, else from its values.

    The question text wins when it names a known scale. Otherwise the smallest known scale
    that holds every numeric value is chosen (a column whose answers happen to span only
    2–4 is taken as 1–5: declare the scale when that is wrong).

    Returns ``None`` when no known scale holds the values.

    Examples
    --------
    >>> detect_scale(pd.Series([1, 3, 7])).name
    '1-7'
    >>> detect_scale(pd.Series([0, 4, 9])).name, detect_scale(pd.Series([-2, 1])).name
    ('0-10', '-3..3')
    """
    from_text = scale_from_text(question) if question else None
    if from_text is not None:
        return from_text
    numbers = pd.to_numeric(pd.Series(values), errors="coerce").dropna()
    if numbers.empty:
        return None
    low, high = float(numbers.min()), float(numbers.max())
    for scale in KNOWN_SCALES:
        if scale.low <= low and high <= scale.high:
            if scale == Scale(1, 10) and low >= 1 and high <= 7:
                continue
            return scale
    return None


def fold(text: object) -> str:
    """Lower-case, accent-free, single-spaced text for matching labels and names.

    Examples
    --------
    >>> fold("  Muy  SATISFECHO ")
    'muy satisfecho'
    >>> fold("Emoción")
    'emocion'
    """
    decomposed = unicodedata.normalize("NFKD", str(text))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", stripped).strip().lower()


DONT_KNOW: frozenset[str] = frozenset(
    fold(t)
    for t in (
        "no sé",
        "no se",
        "ns",
        "ns/nc",
        "nsnc",
        "no sabe",
        "no contesta",
        "nc",
        "n/a",
        "na",
        "n.a.",
        "none",
        "don't know",
        "dont know",
        "do not know",
        "not applicable",
        "no aplica",
        "prefer not to say",
        "prefiero no contestar",
        "unfamiliar (n/a)",
        "-",
        "?",
        "sin respuesta",
        "no answer",
        "nan",
        "null",
    )
)
"""Answers that mean "no rating": they become missing values and a warning, not an error."""

# Ordered label sets (worst to best), English and Spanish; a label's position maps to a scale
# point of the declared scale.
LABEL_SETS: tuple[tuple[str, ...], ...] = (
    ("very dissatisfied", "dissatisfied", "neutral", "satisfied", "very satisfied"),
    ("muy insatisfecho", "insatisfecho", "neutral", "satisfecho", "muy satisfecho"),
    ("strongly disagree", "disagree", "neither agree nor disagree", "agree", "strongly agree"),
    (
        "totalmente en desacuerdo",
        "en desacuerdo",
        "ni de acuerdo ni en desacuerdo",
        "de acuerdo",
        "totalmente de acuerdo",
    ),
    ("very poor", "poor", "fair", "good", "excellent"),
    ("muy malo", "malo", "regular", "bueno", "muy bueno"),
    ("very bad", "bad", "neither good nor bad", "good", "very good"),
    ("very unlikely", "unlikely", "neither likely nor unlikely", "likely", "very likely"),
    ("muy improbable", "improbable", "ni probable ni improbable", "probable", "muy probable"),
    ("very negative", "negative", "neutral", "positive", "very positive"),
    ("muy negativa", "negativa", "neutra", "positiva", "muy positiva"),
    (
        "extremely dissatisfied",
        "very dissatisfied",
        "somewhat dissatisfied",
        "neutral",
        "somewhat satisfied",
        "very satisfied",
        "extremely satisfied",
    ),
    (
        "totalmente insatisfecho",
        "muy insatisfecho",
        "algo insatisfecho",
        "neutral",
        "algo satisfecho",
        "muy satisfecho",
        "totalmente satisfecho",
    ),
)


def label_value(label: object, scale: Scale) -> float | None:
    """The scale point a text label stands for, or ``None`` if it is not a known label.

    A label set of k labels is spread evenly over the scale: the worst label is ``low``, the
    best ``high``.

    Examples
    --------
    >>> label_value("Muy satisfecho", Scale(1, 5)), label_value("Neutral", Scale(1, 7))
    (5.0, 4.0)
    """
    key = fold(label)
    for labels in LABEL_SETS:
        if key in labels:
            position = labels.index(key) / (len(labels) - 1)
            return float(scale.low + position * (scale.high - scale.low))
    return None


STATUSES: tuple[str, ...] = (
    "ok",
    "missing",
    "dont_know",
    "label",
    "not_a_number",
    "out_of_scale",
)
"""What :func:`parse_ratings` found in a cell; ``ParsedColumn.status`` holds their indices."""
OK, MISSING, DONT_KNOW_ANSWER, LABEL, NOT_A_NUMBER, OUT_OF_SCALE = range(len(STATUSES))


@dataclass(frozen=True)
class ParsedColumn:
    """A rating column read onto its scale.

    ``values`` holds the raw scale points (NaN where missing or unusable); ``status`` holds,
    per cell, an index into :data:`STATUSES`: ``ok``, ``missing`` (empty), ``dont_know``,
    ``label`` (mapped from text), ``not_a_number`` or ``out_of_scale``.
    """

    values: np.ndarray
    status: np.ndarray

    def status_names(self) -> list[str]:
        """The status of every cell, by name."""
        return [STATUSES[s] for s in self.status]


def parse_ratings(column: pd.Series, scale: Scale) -> ParsedColumn:
    """Turn a column of answers into scale points, classifying every cell.

    Numbers on the scale are kept; numbers off it, and text that is neither a scale label nor
    a don't-know answer, become NaN with a status the validation report explains.
    Text is judged once per distinct value, so long columns stay fast.

    Examples
    --------
    >>> p = parse_ratings(pd.Series([1, "5", "no sé", "Muy satisfecho", 9, "bien", None]),
    ...                   Scale(1, 5))
    >>> p.values.tolist()[:4], p.status_names()[2:]
    ([1.0, 5.0, nan, 5.0], ['dont_know', 'label', 'out_of_scale', 'not_a_number', 'missing'])
    """
    if pd.api.types.is_numeric_dtype(column.dtype) and not pd.api.types.is_bool_dtype(column):
        values = column.to_numpy(dtype="float64", na_value=np.nan)
        status = np.isnan(values).astype(np.int8)  # OK = 0, MISSING = 1
    else:
        values, status = _parse_text_column(column, scale)
    off = (values < scale.low) | (values > scale.high)
    off &= status == OK
    status[off] = OUT_OF_SCALE
    usable = (status == OK) | (status == LABEL)
    if not usable.all():
        values = np.where(usable, values, np.nan)
    return ParsedColumn(values, status)


def _parse_text_column(column: pd.Series, scale: Scale) -> tuple[np.ndarray, np.ndarray]:
    codes, uniques = pd.factorize(column, use_na_sentinel=True)
    # The NA sentinel (-1) indexes the extra last slot: a missing cell.
    unique_values = np.full(len(uniques) + 1, np.nan)
    unique_status = np.full(len(uniques) + 1, MISSING, dtype=np.int8)
    for i, raw in enumerate(uniques):
        unique_values[i], unique_status[i] = _parse_cell(raw, scale)
    return unique_values[codes], unique_status[codes]


def _parse_cell(raw: object, scale: Scale) -> tuple[float, int]:
    text = str(raw).strip()
    if text == "":
        return np.nan, MISSING
    number = pd.to_numeric(text.replace(",", "."), errors="coerce")
    if not pd.isna(number):
        return float(number), OK
    key = fold(text)
    if key in DONT_KNOW:
        return np.nan, DONT_KNOW_ANSWER
    point = label_value(text, scale)
    if point is not None:
        return point, LABEL
    leading = re.match(r"^\s*([+-]?\d+(?:[.,]\d+)?)\s*[-–:=.)]\s*\D", text)
    if leading:  # "5 - Very satisfied", "1 = Nada"
        return float(leading.group(1).replace(",", ".")), OK
    return np.nan, NOT_A_NUMBER


def normalise(
    values: pd.Series | np.ndarray,
    scale: Scale,
    *,
    emotion: bool = False,
    reverse: bool = False,
) -> np.ndarray:
    """Put raw scale points on the product's common scale.

    Utilities go to 0–100: ``100 · (x − low) / (high − low)``. Emotion goes to −100..+100
    with 0 neutral: a bipolar scale (−3..+3) by ``100 · x / high``, a unipolar one by
    ``200 · (x − low) / (high − low) − 100`` (its midpoint is taken as neutral). A
    reverse-coded item is flipped first: ``x' = low + high − x``. NaN stays NaN.

    Examples
    --------
    >>> normalise(np.array([1, 4, 7]), Scale(1, 7)).tolist()
    [0.0, 50.0, 100.0]
    >>> normalise(np.array([-3, 0, 2]), Scale(-3, 3), emotion=True).round(2).tolist()
    [-100.0, 0.0, 66.67]
    >>> normalise(np.array([1, 2]), Scale(1, 5), reverse=True).tolist()
    [100.0, 75.0]
    """
    x = np.asarray(values, dtype="float64")
    if reverse:
        x = scale.low + scale.high - x
    span = scale.high - scale.low
    if not emotion:
        return 100.0 * (x - scale.low) / span
    if scale.bipolar:
        return 100.0 * x / scale.high
    return 200.0 * (x - scale.low) / span - 100.0


def top_box(values: np.ndarray, scale: Scale, *, reverse: bool = False) -> np.ndarray:
    """True where a raw answer is in the top box (top two points) of its scale."""
    x = np.asarray(values, dtype="float64")
    if reverse:
        x = scale.low + scale.high - x
    return np.greater_equal(
        x, scale.top_box_threshold, where=~np.isnan(x), out=np.zeros(x.shape, dtype=bool)
    )
