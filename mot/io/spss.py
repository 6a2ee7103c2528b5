"""SPSS files (``.sav``, ``.zsav``), read with pyreadstat.

Variable labels become :attr:`RawTable.labels`, value labels :attr:`RawTable.value_labels`;
user-defined missing values (and ranges) become NaN, with a note.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from mot.errors import UnreadableFileError
from mot.io._common import shorten
from mot.io.sources import Source
from mot.io.table import RawTable
from mot.messages import Message


def read_spss(src: Source) -> RawTable:
    """Read an SPSS ``.sav``/``.zsav`` file into a :class:`RawTable`."""
    frame, meta, notes = _spss_frame(src)
    missing_notes = _apply_user_missing(frame, meta.missing_ranges or {})
    for column in frame.columns:  # an empty SPSS string is an empty cell
        series = frame[column]
        if series.dtype == object or isinstance(series.dtype, pd.StringDtype):
            frame[column] = series.where(series != "", np.nan)
    labels = {k: v for k, v in (meta.column_names_to_labels or {}).items() if v}
    value_labels = {k: dict(v) for k, v in (meta.variable_value_labels or {}).items()}
    notes.extend(missing_notes)
    if value_labels:
        notes.append(Message("note.spss_value_labels", n=len(value_labels)))
    for set_name, spec in (getattr(meta, "mr_sets", None) or {}).items():
        members = ", ".join(spec.get("variable_list", []))
        notes.append(Message("note.spss_mrset", name=set_name, members=members))
    return RawTable(
        frame=frame,
        labels=labels,
        value_labels=value_labels,
        source_format="spss",
        encoding=meta.file_encoding,
        first_data_line=1,
        name=src.name,
        notes=tuple(notes),
    )


def _spss_frame(src: Source) -> tuple[pd.DataFrame, Any, list[str]]:
    import pyreadstat

    notes = [Message("note.spss_file", name=src.display)]
    try:
        frame, meta = pyreadstat.read_sav(src.handle(), user_missing=True)
        return frame, meta, notes
    except Exception as first:
        try:  # dates beyond what Python can hold: keep them as SPSS numbers
            frame, meta = pyreadstat.read_sav(
                src.handle(), user_missing=True, disable_datetime_conversion=True
            )
        except Exception:
            message = Message(
                "file.spss_unreadable",
                name=src.display,
                error=type(first).__name__,
                detail=shorten(str(first)),
            )
            raise UnreadableFileError(message) from first
    notes.append(Message("note.spss_dates"))
    return frame, meta, notes


def _apply_user_missing(frame: pd.DataFrame, ranges: dict[str, list[dict[str, Any]]]) -> list[str]:
    """Set SPSS user-defined missing values (and ranges) to NaN, in place."""
    counts: dict[str, int] = {}
    for column, specs in ranges.items():
        if column not in frame.columns:
            continue
        series = frame[column]
        mask = pd.Series(False, index=frame.index)
        for spec in specs:
            mask |= _in_missing_range(series, spec["lo"], spec["hi"])
        mask &= series.notna()
        if mask.any():
            frame[column] = series.where(~mask, np.nan)
            counts[column] = int(mask.sum())
    if not counts:
        return []
    detail = ", ".join(f"{column} ({n})" for column, n in counts.items())
    return [Message("note.spss_missing", columns=detail)]


def _in_missing_range(series: pd.Series, lo: Any, hi: Any) -> pd.Series:
    if isinstance(lo, str) or isinstance(hi, str):
        return series.astype(object).isin({lo, hi})
    numbers = pd.to_numeric(series, errors="coerce")
    return (numbers >= lo) & (numbers <= hi)
