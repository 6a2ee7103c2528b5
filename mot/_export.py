"""Checks and conversions every export shares (private: used by the export modules)."""

from __future__ import annotations

import numbers
from typing import Any

import numpy as np
import pandas as pd

from mot.errors import ExportError
from mot.messages import LANGUAGES, Message


def validate_language(language: str) -> None:
    """Raise an :class:`~mot.errors.ExportError` unless ``language`` is one of ``LANGUAGES``."""
    if language not in LANGUAGES:
        message = Message(
            "arg.one_of", name="language", values=", ".join(LANGUAGES), value=language
        )
        raise ExportError(message)


def validate_decimals(decimals: Any) -> None:
    """Raise an :class:`~mot.errors.ExportError` unless ``decimals`` is a whole number ≥ 0."""
    if isinstance(decimals, bool) or not isinstance(decimals, numbers.Integral) or decimals < 0:
        message = Message("export.decimals", decimals=decimals)
        raise ExportError(message)


def validate_number(x: Any, language: str, decimals: int) -> None:
    """Raise a typed error unless ``x`` can be formatted (missing values can)."""
    validate_language(language)
    validate_decimals(decimals)
    if x is None or x is pd.NA or x is pd.NaT:
        return
    if isinstance(x, bool | np.bool_) or not isinstance(x, numbers.Real):
        message = Message("export.not_a_number", value=x, kind=type(x).__name__)
        raise ExportError(message)


def with_index(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` with a named index turned into columns; an unnamed index is dropped."""
    if any(name is not None for name in table.index.names):
        return table.reset_index()
    return table.reset_index(drop=True)
