"""Category codes of a tidy ratings table (private: shared by the analysis modules).

The analyses of :mod:`mot.scoring`, :mod:`mot.curves` and :mod:`mot.memory` work on the
integer codes of the ratings' categorical columns rather than on the labels: sums per group
come from :func:`numpy.bincount` over a combined code, and paired values from dense
respondent × touchpoint arrays.

:func:`require_one_rating` is the one rule on repeated ratings that every analysis applies
(scoring, shifts, curves, memory, gaps, drivers, compare): a respondent with two values of a
measure it uses at one touchpoint is refused with a :class:`~mot.errors.DuplicateRatingError`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from mot import MEASURES
from mot.errors import DuplicateRatingError, MotError
from mot.messages import Message
from mot.tidy import RATING_COLUMNS

FILL_ROWS = 1 << 16
"""Rows per slice when scanning or filling from the codes (about 0.5 MB temporaries)."""


@dataclass(frozen=True, eq=False)
class Codes:
    """The integer codes of a ratings table, one entry per row (views, no copies).

    Codes keep pandas' narrow integer dtypes: widen them (``astype(np.intp)``) before any
    arithmetic that could overflow.
    """

    respondent: np.ndarray  # -1 = missing
    touchpoint: np.ndarray  # -1 = missing; the code is the journey position
    measure: np.ndarray  # code into MEASURES, -1 = missing
    value: np.ndarray  # float64
    respondents: pd.Index  # respondent_id categories
    touchpoint_dtype: pd.CategoricalDtype

    @property
    def n_respondents(self) -> int:
        return len(self.respondents)

    @property
    def n_touchpoints(self) -> int:
        return len(self.touchpoint_dtype.categories)

    def has_measure(self, measure: str) -> bool:
        code, step = MEASURES.index(measure), FILL_ROWS  # a slice at a time: no big mask
        return any(
            np.any(self.measure[i : i + step] == code) for i in range(0, self.measure.size, step)
        )


def codes_of(ratings: pd.DataFrame) -> Codes:
    """Codes of a table already passed through :func:`mot.tidy.as_ratings`."""
    respondent = ratings["respondent_id"].array
    touchpoint = ratings["touchpoint"].array
    return Codes(
        respondent=respondent.codes,
        touchpoint=touchpoint.codes,
        measure=ratings["measure"].array.codes,
        value=ratings["value"].to_numpy(dtype=np.float64),
        respondents=respondent.categories,
        touchpoint_dtype=touchpoint.dtype,
    )


def segment_codes(ratings: pd.DataFrame, by: str | None) -> tuple[np.ndarray | None, object]:
    """Codes (-1 = missing) and dtype of the segment column ``by``, or ``(None, None)``.

    Raises
    ------
    MotError
        If ``by`` is not a column of ``ratings``, or is one of the rating columns.
    """
    if by is None:
        return None, None
    if by not in ratings.columns or by in RATING_COLUMNS:
        message = Message("scoring.no_segment", by=by)
        raise MotError(message)
    column = ratings[by]
    if not isinstance(column.dtype, pd.CategoricalDtype):
        column = column.astype("category")
    return column.cat.codes.to_numpy().astype(np.intp), column.dtype


def per_respondent(codes: Codes, row_segment: np.ndarray | None) -> np.ndarray:
    """Segment code of each respondent category (0 for all without ``by``; -1 = missing)."""
    if row_segment is None:
        return np.zeros(codes.n_respondents, dtype=np.intp)
    segment = np.full(codes.n_respondents, -1, dtype=np.intp)
    known = codes.respondent >= 0
    segment[codes.respondent[known]] = row_segment[known]
    return segment


def segment_count(segment_dtype: object) -> int:
    """Number of segments of a segment dtype from :func:`segment_codes` (1 without one)."""
    return 1 if segment_dtype is None else len(segment_dtype.categories)


def dense_matrix(
    codes: Codes, measure: str, *, touchpoint_major: bool = False
) -> tuple[np.ndarray, np.ndarray]:
    """One measure's values as a dense array (NaN where not rated), and its rated mask.

    The array is respondent × touchpoint, or touchpoint × respondent when
    ``touchpoint_major`` (then reductions over respondents run along contiguous rows).

    Raises
    ------
    DuplicateRatingError
        If a respondent has two ratings of the measure at one touchpoint.
    """
    n_respondents, n_touchpoints = codes.n_respondents, codes.n_touchpoints
    shape = (n_touchpoints, n_respondents) if touchpoint_major else (n_respondents, n_touchpoints)
    flat = np.full(n_respondents * n_touchpoints, np.nan)
    n_values = 0
    # A slice of rows at a time, in table order, without whole-table cell and mask
    # temporaries. Rows without a value are not ratings: they write nothing.
    for start in range(0, codes.value.size, FILL_ROWS):
        part = slice(start, start + FILL_ROWS)
        respondent, touchpoint = codes.respondent[part], codes.touchpoint[part]
        rows = codes.measure[part] == MEASURES.index(measure)
        rows &= (respondent >= 0) & (touchpoint >= 0) & ~np.isnan(codes.value[part])
        at = np.flatnonzero(rows)
        if touchpoint_major:
            cell = touchpoint[at].astype(np.intp) * n_respondents + respondent[at]
        else:
            cell = respondent[at].astype(np.intp) * n_touchpoints + touchpoint[at]
        flat[cell] = codes.value[part][at]
        n_values += at.size
    matrix = flat.reshape(shape)
    rated = ~np.isnan(matrix)
    if np.count_nonzero(rated) != n_values:  # fewer cells than values: a cell written twice
        require_one_rating(codes, [measure])  # raises, naming the first repeat
    return matrix, rated


def require_one_rating(codes: Codes, measures: Iterable[str]) -> None:
    """Raise :class:`DuplicateRatingError` if a respondent rated one of ``measures`` twice.

    Two rows with a value (NaN rows are not ratings) for the same respondent, touchpoint and
    measure are a repeat. Checked with one flag per respondent × touchpoint × measure cell,
    set a slice of rows at a time: fewer flags set than rows means a cell was rated twice (a
    sort of the rows' cells instead when the cells far outnumber the rows).

    Raises
    ------
    DuplicateRatingError
        Naming the first repeated cell in table order, its positions in the table and how
        many cells are repeated, with the fix (message ``ratings.repeated``).
    """
    lookup = np.full(len(MEASURES) + 1, -1, dtype=np.intp)  # code -1 (missing) reads the last
    chosen = [MEASURES.index(m) for m in dict.fromkeys(measures)]
    lookup[chosen] = np.arange(len(chosen))
    n_rows = codes.value.size
    n_cells = codes.n_respondents * codes.n_touchpoints * len(chosen)
    if n_rows == 0 or n_cells == 0:
        return
    dense = n_cells <= 8 * n_rows + (1 << 20)  # flags: at most 8 bytes per row
    seen = np.zeros(n_cells if dense else 0, dtype=bool)
    cells = np.empty(0 if dense else n_rows, dtype=np.int64)  # else one sorted copy, in place
    n_rated = 0
    for start in range(0, n_rows, FILL_ROWS):
        cell = _cells(codes, lookup, len(chosen), slice(start, start + FILL_ROWS))[1]
        if dense:
            seen[cell] = True
        else:
            cells[n_rated : n_rated + cell.size] = cell
        n_rated += cell.size
    if dense:
        repeated = np.count_nonzero(seen) < n_rated
    else:
        rated = cells[:n_rated]
        rated.sort()
        repeated = bool((rated[1:] == rated[:-1]).any())
    if repeated:
        _raise_repeated(codes, lookup, len(chosen))


def _cells(
    codes: Codes, lookup: np.ndarray, n_measures: int, rows: slice
) -> tuple[np.ndarray, np.ndarray]:
    """Positions and cell numbers of the rated rows of the chosen measures within ``rows``."""
    respondent, touchpoint = codes.respondent[rows], codes.touchpoint[rows]
    measure = lookup[codes.measure[rows]]
    keep = (measure >= 0) & (respondent >= 0) & (touchpoint >= 0) & ~np.isnan(codes.value[rows])
    at = np.flatnonzero(keep)
    cell = respondent[at].astype(np.int64) * codes.n_touchpoints + touchpoint[at]
    return at + (rows.start or 0), cell * n_measures + measure[at]


def _raise_repeated(codes: Codes, lookup: np.ndarray, n_measures: int) -> None:
    """Raise the error naming the first repeated cell (in table order) and its positions."""
    at, cell = _cells(codes, lookup, n_measures, slice(0, codes.value.size))
    order = np.argsort(cell, kind="stable")
    ordered = cell[order]
    again = np.zeros(cell.size, dtype=bool)
    again[order[1:]] = ordered[1:] == ordered[:-1]  # a row whose cell came earlier
    first = cell[np.flatnonzero(again)[0]]
    positions = at[cell == first]
    n_repeated = np.unique(cell[again]).size
    respondent_touchpoint, measure = divmod(int(first), n_measures)
    respondent, touchpoint = divmod(respondent_touchpoint, codes.n_touchpoints)
    listed = ", ".join(str(int(p)) for p in positions[:5]) + (", …" if positions.size > 5 else "")
    message = Message(
        "ratings.repeated",
        id=str(codes.respondents[respondent]),
        n=int(positions.size),
        measure=MEASURES[int(np.flatnonzero(lookup[:-1] == measure)[0])],
        touchpoint=str(codes.touchpoint_dtype.categories[touchpoint]),
        rows=listed,
        cells=int(n_repeated),
    )
    raise DuplicateRatingError(message)
