"""How a report writes a table cell (private: shared by the HTML and the PDF report)."""

from __future__ import annotations

import numbers
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from mot.table_export import format_number


def is_numeric(column: pd.Series) -> bool:
    dtype = column.dtype
    return pd.api.types.is_numeric_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype)


def cell_formatter(column: pd.Series, language: str, decimals: int) -> Callable[[Any], str]:
    """How to write each value of ``column`` in a report table (see ``Report.to_html``)."""
    places = decimals
    if pd.api.types.is_integer_dtype(column.dtype):
        places = 0
    elif pd.api.types.is_float_dtype(column.dtype):
        values = column.to_numpy(dtype="float64", na_value=np.nan)
        finite = values[np.isfinite(values)]
        if finite.size and np.all(finite == np.round(finite)):
            places = 0
        elif finite.size and np.all(np.abs(finite) <= 1):
            places = max(decimals, 3)

    def write(value: Any) -> str:
        return cell_text(value, language, places)

    return write


def cell_text(value: Any, language: str, places: int) -> str:
    """One table cell as text."""
    if isinstance(value, bool | np.bool_):
        return str(bool(value))
    if isinstance(value, numbers.Integral):
        return format_number(value, language, 0)
    if isinstance(value, numbers.Real):
        value = float(value)
        smallest = 10.0**-places
        if value != 0 and abs(value) < smallest / 2:
            bound = format_number(smallest, language, places)
            return f"< {bound}" if value > 0 else f"> -{bound}"
        return format_number(value, language, places)
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    return str(value)
