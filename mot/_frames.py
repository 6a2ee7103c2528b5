"""Columns of the library's tables (private: shared by the analysis, chart and export modules).

The analyses' result columns, and the check that a table given to a function has the columns
it reads.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from mot.errors import MotError
from mot.messages import Message


def require_columns(
    frame: object,
    columns: Sequence[str],
    *,
    builder: str,
    source: str,
    error: type[MotError] = MotError,
) -> None:
    """Raise ``error`` unless ``frame`` is a DataFrame holding ``columns``.

    The message names the function (``builder``), the columns it reads, the output they come
    from (``source``) and the ones missing.

    Examples
    --------
    >>> require_columns(pd.DataFrame({"a": [1]}), ["a", "b"], builder="f", source="g")
    Traceback (most recent call last):
    ...
    mot.errors.MotError: f needs the columns a, b (the output of g); missing: b. ...
    """
    if not isinstance(frame, pd.DataFrame):
        kind = type(frame).__name__
        raise error(Message("charts.not_a_table", builder=builder, source=source, kind=kind))
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        message = Message(
            "charts.columns",
            builder=builder,
            columns=", ".join(columns),
            source=source,
            missing=", ".join(missing),
        )
        raise error(message)


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
