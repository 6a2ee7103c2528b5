"""Cells as read: the longest text cell taken, and empty cells of object columns.

A text cell over :data:`MAX_CELL_CHARS` characters is emptied and reported with its row and
column (the rest of its row is kept); a workbook's or JSON file's object columns get NaN for
their empty cells and the dtype their values have (number, text, date).
"""

from __future__ import annotations

from typing import Final

import numpy as np
import pandas as pd

from mot.validation import ROWS_LISTED, ReportBuilder, ReportEntry

MAX_CELL_CHARS: Final[int] = 1 << 20
"""Longest text cell read (1,048,576 characters, 32 times Excel's own limit of 32,767).

A longer cell is emptied and reported (row and column); the rest of its row and of the
file is kept.
"""


def refuse_long_cells(
    frame: pd.DataFrame, first_line: int, size: int
) -> tuple[pd.DataFrame, list[ReportEntry]]:
    """Empty the text cells longer than :data:`MAX_CELL_CHARS`, one error entry per cell.

    A file no larger than the limit cannot hold such a cell: it is not looked at.
    """
    if size <= MAX_CELL_CHARS:
        return frame, []
    log = ReportBuilder()
    for j, column in enumerate(frame.columns):
        lengths = _text_lengths(frame.iloc[:, j])
        if lengths is None or not (lengths > MAX_CELL_CHARS).any():
            continue
        long = (lengths > MAX_CELL_CHARS).to_numpy()
        positions = np.flatnonzero(long)
        params = [
            {"n": int(lengths.iloc[i]), "limit": MAX_CELL_CHARS} for i in positions[:ROWS_LISTED]
        ]
        rows = first_line + positions
        limit = {"limit": MAX_CELL_CHARS}
        log.add_rows("error", rows, str(column), "cell.too_long", params, summary=limit)
        frame[column] = _numeric_if_all(frame.iloc[:, j].where(~long, np.nan))
    return frame, log.entries


def _text_lengths(series: pd.Series) -> pd.Series | None:
    """Characters per text cell (0 for other values); None for a column without text."""
    if pd.api.types.is_numeric_dtype(series.dtype) or pd.api.types.is_bool_dtype(series.dtype):
        return None
    if isinstance(series.dtype, pd.StringDtype):
        return series.str.len().fillna(0).astype(np.int64)
    return series.map(lambda v: len(v) if isinstance(v, str) else 0).astype(np.int64)


def _numeric_if_all(series: pd.Series) -> pd.Series:
    """A text column whose remaining values are all numbers becomes numeric, as read."""
    present = series.dropna()
    numbers = pd.to_numeric(present, errors="coerce")
    if present.empty or numbers.isna().any():
        return series
    return pd.to_numeric(series)


def clean_objects(frame: pd.DataFrame) -> pd.DataFrame:
    """Empty strings and None -> NaN; infer number / text / date columns from the values."""
    frame = frame.copy()
    for column in frame.columns:
        series = frame[column]
        if series.dtype == object or isinstance(series.dtype, pd.StringDtype):
            empty = series.isna() | series.map(lambda v: isinstance(v, str) and v == "")
            frame[column] = series.astype(object).where(~empty, np.nan)
    frame = frame.infer_objects()
    for column in frame.columns:
        if frame[column].dtype == object and frame[column].isna().all():
            frame[column] = frame[column].astype("float64")
    return frame
