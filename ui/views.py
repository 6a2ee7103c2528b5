"""Small table steps the pages need before they render, so that ``pages/`` holds no pandas.

Each takes a result of ``ui.queries`` (a tidy DataFrame of ``mot``) and returns what a page
draws: a subset of its rows, a column renamed for a chart, one row, or sentences.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from mot.scoring import Comparison


def rows_at(frame: pd.DataFrame, touchpoint: str | None) -> pd.DataFrame:
    """The rows of ``frame`` at ``touchpoint`` (its ``touchpoint`` column), or all of them."""
    if touchpoint is None:
        return frame
    return frame[frame["touchpoint"].astype(str) == touchpoint]


def first_row(frame: pd.DataFrame) -> pd.Series:
    """The first row of a one-row result (the NPS of everyone)."""
    return frame.iloc[0]


def memory_scatter_points(points: pd.DataFrame) -> pd.DataFrame:
    """``queries.memory_points`` as ``charts.memory_scatter_chart`` takes it: the peak-end
    average is the ``predicted`` value."""
    return points.rename(columns={"peak_end": "predicted"})


def shift_sentences(
    highlights: pd.DataFrame,
    comparison: Comparison,
    notable: Callable[[object], str],
    unchanged: Callable[[list[str]], str],
) -> list[str]:
    """The bullet points of one comparison under the Utilities page's "In plain words".

    Parameters
    ----------
    highlights : DataFrame
        ``mot.scoring.shift_highlights`` (``comparison``, ``touchpoint``, ``verdict``,
        ``notable``, sizes and p-values).
    comparison : Comparison
        One of ``mot.scoring.COMPARISONS``.
    notable : callable
        The sentence of a notable row (an ``itertuples`` row).
    unchanged : callable
        The sentence naming the touchpoints whose verdict is the comparison's neutral one
        ("confirmed" or "same"), given their touchpoint ids.

    Returns
    -------
    list of str
        The notable rows' sentences, then the unchanged touchpoints' one (if any).
    """
    rows = highlights[highlights["comparison"] == comparison.name]
    lines = [notable(row) for row in rows[rows["notable"]].itertuples()]
    neutral = rows.loc[rows["verdict"] == comparison.verdicts[1], "touchpoint"]
    if len(neutral):
        lines.append(unchanged([str(v) for v in neutral]))
    return lines
