"""Every respondent's curve as one dense array (private: shared by curves and memory).

The curve is read from the ``emotion`` measure when the ratings have it, else from
experienced utility centred on the midpoint, ``2 · (value − 50)``; the array is
touchpoint × respondent, NaN where a respondent did not rate a touchpoint. The helpers
find, per respondent (column), the first or last touchpoint (row) where something holds,
vectorised without a loop over respondents.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from mot._codes import Codes, codes_of, dense_matrix
from mot.errors import MissingMeasureError
from mot.messages import Message

CURVE_SOURCES: tuple[str, ...] = ("emotion", "experienced")
"""Measures a curve is read from, in order of preference."""


@dataclass(frozen=True, eq=False)
class Curves:
    """Every respondent's curve, touchpoint-major: ``values[touchpoint code, respondent code]``.

    NaN where the respondent did not rate the touchpoint (``rated`` is the opposite mask).
    ``present`` flags the respondent categories with at least one row in the ratings (any
    measure).
    """

    values: np.ndarray
    rated: np.ndarray
    source: str
    codes: Codes
    present: np.ndarray


def curves_of(ratings: pd.DataFrame, *, needed_for: str) -> Curves:
    """The curve array of a table already passed through :func:`mot.tidy.as_ratings`.

    Raises
    ------
    MissingMeasureError
        If the table has rows but neither emotion nor experienced ratings (an empty table
        gives an all-NaN array with source ``""``).
    DuplicateRatingError
        If a respondent rated the curve's measure twice at one touchpoint.
    """
    codes = codes_of(ratings)
    if len(ratings) == 0:
        values = np.full((codes.n_touchpoints, codes.n_respondents), np.nan)
        rated = np.zeros(values.shape, dtype=bool)
        return Curves(values, rated, "", codes, np.zeros(codes.n_respondents, dtype=bool))
    source = next((m for m in CURVE_SOURCES if codes.has_measure(m)), None)
    if source is None:
        raise MissingMeasureError(Message("missing.curve_measure", needed_for=needed_for))
    values, rated = dense_matrix(codes, source, touchpoint_major=True)
    if source == "experienced":  # centre on the midpoint: 2 · (value − 50), in place
        values -= 50.0
        values *= 2.0
    present = rated.any(axis=0)
    if not present.all():  # respondents with other ratings but no curve point, if any
        known = codes.respondent[codes.respondent >= 0]
        present = np.bincount(known, minlength=codes.n_respondents) > 0
    return Curves(values, rated, source, codes, present)


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
