"""Headline facts of a journey, for KPI cards, slides and plain-language summaries."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from mot._stats import validate_confidence
from mot.errors import MotError
from mot.messages import Message


@dataclass(frozen=True)
class JourneyHighlights:
    """Where the journey is best and worst, its biggest gap, its peak, its trough and its end.

    A field is None when the data behind it is missing (no gaps without expected or
    excellent ratings, no peak or end without a curve).
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
    end_touchpoint: str | None = None
    end_mean: float | None = None

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


def _end_row(curve: pd.DataFrame | None) -> pd.Series | None:
    """The curve's last touchpoint with a mean (in journey order), or None."""
    if curve is None:
        return None
    rows = curve.dropna(subset=["mean"])
    if "position" in rows:
        rows = rows.sort_values("position", kind="stable")
    return rows.iloc[-1] if len(rows) else None


def journey_highlights(
    utilities: pd.DataFrame,
    *,
    gaps: pd.DataFrame | None = None,
    extremes: pd.DataFrame | None = None,
    curve: pd.DataFrame | None = None,
) -> JourneyHighlights:
    """Summarise a journey in a few facts.

    Best and worst touchpoint: highest and lowest mean experienced utility
    (:func:`mot.scoring.score_utilities`). Biggest gap: the most negative gap of actual to
    expected (a disappointed expectation) if any, otherwise the most negative gap to
    excellent (:func:`mot.gaps.gap_table`). Peak and trough: the highest peak and lowest
    trough of the mean emotion curve (:func:`mot.curves.curve_extremes`). End: the last
    touchpoint of the curve (:func:`mot.curves.emotion_curve`) with a mean, the moment that
    weighs with the peak in memory (Kahneman's peak-end rule). Ties go to the earliest
    touchpoint.

    Parameters
    ----------
    utilities : DataFrame
        Output of ``score_utilities`` without ``by``.
    gaps : DataFrame, optional
        Output of ``gap_table`` without ``by``.
    extremes : DataFrame, optional
        Output of ``curve_extremes`` on a curve without ``by``.
    curve : DataFrame, optional
        Output of ``emotion_curve`` without ``by``: gives the end.

    Returns
    -------
    JourneyHighlights

    References
    ----------
    Kahneman, D., Fredrickson, B. L., Schreiber, C. A., & Redelmeier, D. A. (1993). When more
    pain is preferred to less: adding a better end. Psychological Science, 4(6), 401–405.

    Examples
    --------
    >>> utilities = pd.DataFrame({"touchpoint": ["A", "B", "C"], "utility": "experienced",
    ...                           "mean": [60.0, 80.0, 40.0]})
    >>> h = journey_highlights(utilities)
    >>> (h.best_touchpoint, h.worst_touchpoint, h.gap)
    ('B', 'C', None)
    >>> curve = pd.DataFrame({"touchpoint": ["A", "B", "C"], "position": [0, 1, 2],
    ...                       "mean": [10.0, 30.0, float("nan")]})
    >>> h = journey_highlights(utilities, curve=curve)
    >>> (h.end_touchpoint, h.end_mean)
    ('B', 30.0)
    """
    experienced = utilities[utilities["utility"] == "experienced"]
    best = _extreme_row(experienced, "mean", largest=True)
    worst = _extreme_row(experienced, "mean", largest=False)
    gap_touchpoint, gap, gap_kind = _largest_gap(gaps)
    peak = trough = None
    if extremes is not None and not extremes.empty:
        peak = _extreme_row(extremes[extremes["kind"] == "peak"], "mean", largest=True)
        trough = _extreme_row(extremes[extremes["kind"] == "trough"], "mean", largest=False)
    end = _end_row(curve)

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
        end_touchpoint=field(end, "touchpoint"),
        end_mean=field(end, "mean"),
    )


FACT_COLUMNS: tuple[str, ...] = (
    "touchpoint",
    "anticipated",
    "experienced",
    "retrospective",
    "excellent",
    "emotion",
    "gap_to_expected",
    "gap_to_expected_p_adjusted",
    "to_expected",
    "gap_to_excellent",
    "gap_to_excellent_p_adjusted",
    "to_excellent",
)
"""Columns of :func:`touchpoint_facts`."""

VERDICTS: tuple[str, ...] = ("below", "level", "above")
"""What :func:`touchpoint_facts` says of a gap: clearly below its target, no clear difference,
clearly above."""


def _order(tables: list[pd.DataFrame]) -> list[str]:
    """The touchpoints of ``tables`` in journey order.

    The categories of the ordered ``touchpoint`` columns (every library table has one),
    then any other in order of appearance.
    """
    ids: list[str] = []
    for table in tables:
        column = table["touchpoint"]
        if isinstance(column.dtype, pd.CategoricalDtype):
            ids += [str(c) for c in column.cat.categories if str(c) not in ids]
    for table in tables:
        ids += [str(v) for v in table["touchpoint"].astype(str).unique() if str(v) not in ids]
    return ids


def _verdict(gap: np.ndarray, p: np.ndarray, alpha: float) -> list[object]:
    """Each gap's verdict: ``below`` / ``above`` under ``alpha``, else ``level``.

    Missing where the gap or its p is.
    """
    out: list[object] = []
    for g, q in zip(gap, p, strict=True):
        if np.isnan(g) or np.isnan(q):
            out.append(None)
        elif q < alpha:
            out.append("below" if g < 0 else "above")
        else:
            out.append("level")
    return out


def _by_touchpoint(table: pd.DataFrame | None, columns: dict[str, str]) -> pd.DataFrame:
    """``table``'s ``columns`` (source → result name) indexed by the touchpoint as text."""
    if table is None:
        return pd.DataFrame(columns=list(columns.values()), dtype=float)
    columns = {c: n for c, n in columns.items() if c in table.columns}
    plain = table.assign(touchpoint=table["touchpoint"].astype(str)).set_index("touchpoint")
    return plain[list(columns)].rename(columns=columns).astype(float)


_FACT_SOURCES = {
    "utilities": (("touchpoint", "utility", "mean"), "mot.scoring.score_utilities"),
    "gaps": (
        (
            "touchpoint",
            "excellent",
            "gap_to_expected",
            "gap_to_expected_p_adjusted",
            "gap_to_excellent",
            "gap_to_excellent_p_adjusted",
        ),
        "mot.gaps.gap_table",
    ),
    "curve": (("touchpoint", "mean"), "mot.curves.emotion_curve"),
}


def _validate_touchpoint_facts(tables: dict[str, pd.DataFrame | None], confidence: float) -> None:
    for name, table in tables.items():
        if table is None:
            continue
        columns, source = _FACT_SOURCES[name]
        missing = [c for c in columns if c not in table.columns]
        if missing:
            message = Message(
                "summary.columns", table=name, source=source, missing=", ".join(missing)
            )
            raise MotError(message)
    validate_confidence(confidence)


def touchpoint_facts(
    utilities: pd.DataFrame,
    *,
    gaps: pd.DataFrame | None = None,
    curve: pd.DataFrame | None = None,
    confidence: float = 0.95,
) -> pd.DataFrame:
    """What a journey's touchpoints score, one row each: utilities, excellent, emotion, gaps.

    The three utilities are the means of :func:`mot.scoring.score_utilities`; *excellent* and
    the two gaps (actual minus expected, actual minus excellent, with their adjusted p) come
    from :func:`mot.gaps.gap_table`, the mean emotion from :func:`mot.curves.emotion_curve`.
    Each gap gets a verdict on its adjusted p (the touchpoints are one family of tests, Holm
    by default) at level α = 1 − ``confidence``: ``below`` (the moment clearly falls short
    of the target), ``above`` (clearly beyond it) or ``level`` (no clear difference);
    missing where the gap cannot be tested.

    Parameters
    ----------
    utilities : DataFrame
        Output of ``score_utilities`` without ``by`` (``touchpoint, utility, mean``).
    gaps : DataFrame, optional
        Output of ``gap_table`` without ``by``.
    curve : DataFrame, optional
        Output of ``emotion_curve`` without ``by``.
    confidence : float, default 0.95
        A gap is clear when its adjusted p is below 1 − ``confidence``; strictly between 0
        and 1.

    Returns
    -------
    DataFrame
        One row per touchpoint rated in any of the tables, in journey order (``touchpoint``
        an ordered categorical), with the columns of :data:`FACT_COLUMNS`: the means
        ``anticipated``, ``experienced``, ``retrospective``, ``excellent`` (0–100) and
        ``emotion`` (−100..+100), NaN where a touchpoint lacks the measure;
        ``gap_to_expected``, ``gap_to_expected_p_adjusted`` and the verdict ``to_expected``;
        the same for ``excellent``. A verdict is one of :data:`VERDICTS`, or missing (NaN)
        where the gap or its p is.

    Raises
    ------
    MotError
        If a table lacks a column this reads, or ``confidence`` is not in (0, 1).

    Examples
    --------
    Touchpoint A got 60 where 70 was expected (adjusted p 0.01: clear) and 80 would have
    been excellent (adjusted p 0.20: not clear); B has no gap data:

    >>> utilities = pd.DataFrame({"touchpoint": ["A", "A", "B"],
    ...                           "utility": ["anticipated", "experienced", "experienced"],
    ...                           "mean": [70.0, 60.0, 75.0]})
    >>> gaps = pd.DataFrame({"touchpoint": ["A"], "excellent": [80.0],
    ...                      "gap_to_expected": [-10.0], "gap_to_expected_p_adjusted": [0.01],
    ...                      "gap_to_excellent": [-20.0], "gap_to_excellent_p_adjusted": [0.2]})
    >>> facts = touchpoint_facts(utilities, gaps=gaps)
    >>> facts[["touchpoint", "experienced", "excellent", "to_expected", "to_excellent"]]
      touchpoint  experienced  excellent to_expected to_excellent
    0          A         60.0       80.0       below        level
    1          B         75.0        NaN         NaN          NaN
    """
    _validate_touchpoint_facts({"utilities": utilities, "gaps": gaps, "curve": curve}, confidence)
    ids = _order([t for t in (utilities, gaps, curve) if t is not None])
    means = utilities.assign(touchpoint=utilities["touchpoint"].astype(str))
    wide = means.pivot_table(index="touchpoint", columns="utility", values="mean", aggfunc="first")
    gap_columns = list(_FACT_SOURCES["gaps"][0][1:])
    parts = [
        wide.reindex(columns=["anticipated", "experienced", "retrospective"]),
        _by_touchpoint(gaps, {c: c for c in gap_columns}),
        _by_touchpoint(curve, {"mean": "emotion"}),
    ]
    out = pd.concat(parts, axis=1).reindex(index=ids, columns=_MEASURED)
    out = out[out.notna().any(axis=1).to_numpy()]
    for target in ("expected", "excellent"):
        gap = out[f"gap_to_{target}"].to_numpy(float)
        p = out[f"gap_to_{target}_p_adjusted"].to_numpy(float)
        verdicts = _verdict(gap, p, 1 - confidence)
        out[f"to_{target}"] = pd.Series(verdicts, index=out.index, dtype="str")
    out = out.rename_axis("touchpoint").reset_index()
    out["touchpoint"] = pd.Categorical(out["touchpoint"], categories=ids, ordered=True)
    return out[list(FACT_COLUMNS)]


_MEASURED = [c for c in FACT_COLUMNS[1:] if not c.startswith("to_")]
"""The columns of :func:`touchpoint_facts` that hold numbers."""
