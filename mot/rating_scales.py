"""Rating scales: ``Scale``, the scales we know, reading one from a text, normalising to 0–100."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from mot.errors import ScaleError
from mot.messages import Message


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
        message = Message("scale.not_a_scale", spec=str(spec))
        raise ScaleError(message)
    low, high = (float(g.replace("−", "-")) for g in match.groups())
    if not low < high:
        raise ScaleError(Message("scale.empty", spec=str(spec)))
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
    found = scale_in_text(text)
    return found[0] if found else None


def scale_in_text(text: str) -> tuple[Scale, str] | None:
    """The first known scale a text names, with the words that name it, if any.

    Examples
    --------
    >>> scale_in_text("¿Cómo valora la entrega? (del 1 al 7)")
    (Scale(low=1.0, high=7.0), '1 al 7')
    >>> scale_in_text("Emoción, de −3 a +3")[1]
    '−3 a +3'
    """
    original = str(text)
    for match in _SCALE_IN_TEXT.finditer(original.replace("−", "-")):
        low, high = (float(g) for g in match.groups())
        candidate = Scale(low, high)
        if candidate in KNOWN_SCALES:
            return candidate, original[match.start() : match.end()]
    return None


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
