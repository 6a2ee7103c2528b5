"""Columns of the analyses' result tables (private: shared by the analysis modules)."""

from __future__ import annotations

import numpy as np
import pandas as pd


def labelled(
    segment: np.ndarray | None,
    segment_dtype: object,
    by: str | None,
    touchpoint: np.ndarray,
    touchpoint_dtype: pd.CategoricalDtype,
) -> dict[str, object]:
    """The leading columns of a result: the segment (when ``by``) and the touchpoint."""
    columns: dict[str, object] = {}
    if by is not None:
        columns[by] = pd.Categorical.from_codes(segment, dtype=segment_dtype)
    columns["touchpoint"] = pd.Categorical.from_codes(touchpoint, dtype=touchpoint_dtype)
    return columns


def text(values: np.ndarray) -> pd.api.extensions.ExtensionArray:
    """A text column with pandas' string dtype whether or not it is empty (None = missing).

    Examples
    --------
    >>> text(np.array(["a", None], dtype=object)).tolist()
    ['a', nan]
    """
    return pd.array(np.asarray(values, dtype=object), dtype="str")


def constant_text(value: str, n: int) -> pd.api.extensions.ExtensionArray:
    """A text column repeating one value ``n`` times (without building ``n`` Python strings).

    Examples
    --------
    >>> constant_text("emotion", 2).tolist()
    ['emotion', 'emotion']
    """
    return pd.array([value], dtype="str").take(np.zeros(n, dtype=np.intp))
