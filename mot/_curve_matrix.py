"""Every respondent's curve as one dense array (private: shared by curves and memory).

Each respondent's curve is read from their ``emotion`` ratings (−100..+100) when they gave
at least one; a respondent without any emotion rating falls back on their experienced
utility centred on the midpoint, ``2 · (value − 50)`` (0–100 → −100..+100). The choice is
made per respondent, never for the whole dataset, and is kept in ``Curves.source``
(an index into :data:`CURVE_SOURCES`, -1 = no curve point). The array is touchpoint ×
respondent, NaN where a respondent has no curve value at a touchpoint. The helpers find, per
respondent (column), the first or last touchpoint (row) where something holds, vectorised
without a loop over respondents.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from mot._codes import Codes, codes_of, dense_matrix
from mot.errors import MissingMeasureError
from mot.messages import Message

CURVE_SOURCES: tuple[str, ...] = ("emotion", "experienced")
"""Measures a curve is read from, in order of preference (chosen per respondent)."""

NO_SOURCE = "none"
"""The ``source`` of a respondent without any curve point."""

SCALE = (-100.0, 100.0)
"""The curve's scale."""


@dataclass(frozen=True, eq=False)
class Curves:
    """Every respondent's curve, touchpoint-major: ``values[touchpoint code, respondent code]``.

    NaN where the respondent has no curve value at the touchpoint (``rated`` is the opposite
    mask). ``source`` is each respondent's :data:`CURVE_SOURCES` index (-1: no curve point).
    ``asked[k, s]`` says whether anyone rated measure ``CURVE_SOURCES[s]`` at touchpoint
    ``k``: the touchpoints a complete curve from that source covers. ``present`` flags the
    respondent categories with at least one row in the ratings (any measure).
    """

    values: np.ndarray
    rated: np.ndarray
    source: np.ndarray
    asked: np.ndarray
    codes: Codes
    present: np.ndarray

    def source_names(self) -> np.ndarray:
        """Each respondent's source as text: ``"emotion"``, ``"experienced"`` or ``"none"``."""
        return np.array([*CURVE_SOURCES, NO_SOURCE], dtype=object)[self.source]

    def complete(self) -> np.ndarray:
        """Per respondent: a curve value at every touchpoint where their source was asked.

        A touchpoint counts as asked for a source when anyone rated that measure there; a
        respondent without any curve point is not complete.
        """
        done = np.zeros(self.values.shape[1], dtype=bool)
        for s in range(len(CURVE_SOURCES)):  # two sources: no loop over respondents
            mine = np.flatnonzero(self.source == s)
            if mine.size:
                done[mine] = self.rated[np.ix_(self.asked[:, s], mine)].all(axis=0)
        return done

    def touchpoints(self) -> tuple[str, ...]:
        """Touchpoint ids where a source in use was asked, in journey order."""
        used = [s for s in range(len(CURVE_SOURCES)) if np.any(self.source == s)]
        asked = self.asked[:, used].any(axis=1)
        return tuple(str(t) for t in self.codes.touchpoint_dtype.categories[asked])


def source_word(source: np.ndarray) -> str:
    """One word for curves with these :data:`CURVE_SOURCES` indices (-1 = no curve).

    ``"emotion"`` or ``"experienced"`` when all of them come from that measure,
    ``"mixed"`` when both occur, ``""`` when none has a curve.
    """
    found = [name for s, name in enumerate(CURVE_SOURCES) if np.any(source == s)]
    return found[0] if len(found) == 1 else "mixed" if found else ""


def curves_of(ratings: pd.DataFrame, *, needed_for: str) -> Curves:
    """The curve array of a table already passed through :func:`mot.tidy.as_ratings`.

    The experienced array is built only when some respondent has no emotion rating.

    Raises
    ------
    MissingMeasureError
        If the table has rows but neither emotion nor experienced ratings (an empty table
        gives an all-NaN array where nobody has a source).
    DuplicateRatingError
        If a respondent rated a measure the curves read twice at one touchpoint.
    """
    codes = codes_of(ratings)
    shape = (codes.n_touchpoints, codes.n_respondents)
    asked = np.zeros((shape[0], len(CURVE_SOURCES)), dtype=bool)
    has = [len(ratings) > 0 and codes.has_measure(m) for m in CURVE_SOURCES]
    if len(ratings) and not any(has):
        raise MissingMeasureError(Message("missing.curve_measure", needed_for=needed_for))
    if has[0]:
        values, rated = dense_matrix(codes, "emotion", touchpoint_major=True)
    else:
        values, rated = np.full(shape, np.nan), np.zeros(shape, dtype=bool)
    asked[:, 0] = rated.any(axis=1)
    source = np.where(rated.any(axis=0), 0, -1).astype(np.int8)
    fallback = np.flatnonzero(source < 0)
    if has[1] and fallback.size:
        experienced, lived = dense_matrix(codes, "experienced", touchpoint_major=True)
        asked[:, 1] = lived.any(axis=1)
        experienced -= 50.0  # centre on the midpoint: 2 · (value − 50), in place
        experienced *= 2.0
        if fallback.size == shape[1]:  # nobody rated emotion: the experienced array is the curve
            values, rated = experienced, lived
        else:
            values[:, fallback], rated[:, fallback] = experienced[:, fallback], lived[:, fallback]
        del experienced, lived
        source[fallback[rated[:, fallback].any(axis=0)]] = 1
    return Curves(values, rated, source, asked, codes, _present(codes, rated))


def _present(codes: Codes, rated: np.ndarray) -> np.ndarray:
    """Respondent categories with at least one row in the ratings."""
    present = rated.any(axis=0)
    if not present.all():  # respondents with other ratings but no curve point, if any
        known = codes.respondent[codes.respondent >= 0]
        present = np.bincount(known, minlength=codes.n_respondents) > 0
    return present


def rank_weights(n: int, *, descending: bool) -> np.ndarray:
    """Column vector 1..n (or n..1) in the narrowest integer type: cheap to multiply a mask by."""
    dtype = np.int8 if n < 127 else np.int16 if n < 32767 else np.int64
    weights = np.arange(n, 0, -1) if descending else np.arange(1, n + 1)
    return weights.astype(dtype)[:, None]


def first_true(mask: np.ndarray) -> np.ndarray:
    """Per column, the first row where ``mask`` is True; -1 if none.

    Vectorised without argmax over rows: weight row k by n − k and take the column maximum.
    """
    n = mask.shape[0]
    best = (mask * rank_weights(n, descending=True)).max(axis=0, initial=0).astype(np.intp)
    return np.where(best > 0, n - best, -1)


def last_true(mask: np.ndarray) -> np.ndarray:
    """Per column, the last row where ``mask`` is True; -1 if none."""
    weighted = mask * rank_weights(mask.shape[0], descending=False)
    return weighted.max(axis=0, initial=0).astype(np.intp) - 1


def first_at(values: np.ndarray, target: np.ndarray) -> np.ndarray:
    """Per respondent (column), the first touchpoint (row) equal to ``target``; -1 if none."""
    return first_true(values == target)


def gather(values: np.ndarray, at: np.ndarray) -> np.ndarray:
    """``values[at[j], j]`` per column ``j``; NaN where ``at`` is -1."""
    n_columns = values.shape[1]
    if values.size == 0:
        return np.full(n_columns, np.nan)
    picked = values.reshape(-1)[np.maximum(at, 0) * n_columns + np.arange(n_columns)]
    return np.where(at >= 0, picked, np.nan)


def end_of(values: np.ndarray, rated: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Value at the last rated touchpoint in journey order, and that touchpoint (-1: none)."""
    end_at = last_true(rated)
    return gather(values, end_at), end_at
