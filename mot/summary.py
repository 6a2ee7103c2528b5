"""Headline facts of a journey, for KPI cards and plain-language summaries."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class JourneyHighlights:
    """Where the journey is best and worst, its biggest gap, its peak and its trough.

    A field is None when the data behind it is missing (no gaps without expected or
    excellent ratings, no peak without a curve).
    """

    best_touchpoint: str | None = None
    best_mean: float | None = None
    worst_touchpoint: str | None = None
    worst_mean: float | None = None
    gap_touchpoint: str | None = None
    gap: float | None = None
    gap_kind: str | None = None
    peak_touchpoint: str | None = None
    peak_mean: float | None = None
    trough_touchpoint: str | None = None
    trough_mean: float | None = None

    def to_frame(self) -> pd.DataFrame:
        """One row per field: ``fact, value``."""
        return pd.DataFrame({"fact": list(self.__dict__), "value": list(self.__dict__.values())})


def _extreme_row(frame: pd.DataFrame, column: str, *, largest: bool) -> pd.Series | None:
    rows = frame.dropna(subset=[column])
    if rows.empty:
        return None
    # Ties go to the earliest touchpoint: a stable sort keeps journey order.
    ordered = rows.sort_values(column, ascending=not largest, kind="stable")
    return ordered.iloc[0]


def _largest_gap(gaps: pd.DataFrame | None) -> tuple[str | None, float | None, str | None]:
    if gaps is None or gaps.empty:
        return None, None, None
    candidates = []
    for kind in ("to_expected", "to_excellent"):
        column = f"gap_{kind}"
        row = _extreme_row(gaps, column, largest=False) if column in gaps else None
        if row is not None:
            candidates.append((float(row[column]), str(row["touchpoint"]), kind))
    # The most negative gap to expectation is the most urgent; to excellent comes second.
    negative = [c for c in candidates if c[0] < 0 and c[2] == "to_expected"]
    chosen = negative[0] if negative else (min(candidates) if candidates else None)
    if chosen is None:
        return None, None, None
    return chosen[1], chosen[0], chosen[2]


def journey_highlights(
    utilities: pd.DataFrame,
    *,
    gaps: pd.DataFrame | None = None,
    extremes: pd.DataFrame | None = None,
) -> JourneyHighlights:
    """Summarise a journey in a few facts.

    Best and worst touchpoint: highest and lowest mean experienced utility
    (:func:`mot.scoring.score_utilities`). Biggest gap: the most negative gap of actual to
    expected (a disappointed expectation) if any, otherwise the most negative gap to
    excellent (:func:`mot.gaps.gap_table`). Peak and trough: the highest peak and lowest
    trough of the mean emotion curve (:func:`mot.curves.curve_extremes`). Ties go to the
    earliest touchpoint.

    Parameters
    ----------
    utilities : DataFrame
        Output of ``score_utilities`` without ``by``.
    gaps : DataFrame, optional
        Output of ``gap_table`` without ``by``.
    extremes : DataFrame, optional
        Output of ``curve_extremes`` on a curve without ``by``.

    Returns
    -------
    JourneyHighlights

    Examples
    --------
    >>> utilities = pd.DataFrame({"touchpoint": ["A", "B", "C"], "utility": "experienced",
    ...                           "mean": [60.0, 80.0, 40.0]})
    >>> h = journey_highlights(utilities)
    >>> (h.best_touchpoint, h.worst_touchpoint, h.gap)
    ('B', 'C', None)
    """
    experienced = utilities[utilities["utility"] == "experienced"]
    best = _extreme_row(experienced, "mean", largest=True)
    worst = _extreme_row(experienced, "mean", largest=False)
    gap_touchpoint, gap, gap_kind = _largest_gap(gaps)
    peak = trough = None
    if extremes is not None and not extremes.empty:
        peak = _extreme_row(extremes[extremes["kind"] == "peak"], "mean", largest=True)
        trough = _extreme_row(extremes[extremes["kind"] == "trough"], "mean", largest=False)

    def field(row: pd.Series | None, column: str) -> object:
        if row is None:
            return None
        return str(row[column]) if column == "touchpoint" else float(row[column])

    return JourneyHighlights(
        best_touchpoint=field(best, "touchpoint"),
        best_mean=field(best, "mean"),
        worst_touchpoint=field(worst, "touchpoint"),
        worst_mean=field(worst, "mean"),
        gap_touchpoint=gap_touchpoint,
        gap=gap,
        gap_kind=gap_kind,
        peak_touchpoint=field(peak, "touchpoint"),
        peak_mean=field(peak, "mean"),
        trough_touchpoint=field(trough, "touchpoint"),
        trough_mean=field(trough, "mean"),
    )
