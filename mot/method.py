"""The six-step method of service excellence: what a dataset covers, and its priority rules.

The steps (map the moments, learn what customers expect, define what would be excellent,
measure actual performance, analyse the gaps, act and measure again) come from the method
the product follows (``../shared/BRIEF.md``); :func:`method_coverage` says which the data
covers, :func:`priority_rules` and :func:`top_priority` read a :func:`mot.gaps.priorities`
table for the page and the report that explain it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

METHOD_STEPS: tuple[str, ...] = ("map", "expect", "excellent", "measure", "analyse", "act")
"""Keys of the six steps of the service-excellence method, in order."""

METHOD_COVERAGE_COLUMNS: tuple[str, ...] = ("step", "key", "covered", "status", "evidence")
"""Columns of :func:`method_coverage`."""

# step key → the measure whose ratings cover it
_STEP_MEASURE = {"expect": "anticipated", "excellent": "excellent", "measure": "experienced"}


def method_coverage(
    measures: tuple[str, ...],
    *,
    touchpoints: tuple[str, ...] = (),
    gaps: pd.DataFrame | None = None,
    priorities: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Which of the six steps of the service-excellence method the data covers.

    1. *map*: covered when some touchpoint has ratings; 2. *expect*: when there are
    ``anticipated`` ratings; 3. *excellent*: ``excellent`` ratings; 4. *measure*:
    ``experienced`` ratings; 5. *analyse*: when ``gaps`` has at least one estimated gap;
    6. *act* is never covered by data: its status is ``"next"`` when ``priorities`` ranks a
    touchpoint first (act there, then measure again), ``"missing"`` otherwise.

    Parameters
    ----------
    measures : tuple of str
        The measures present in the survey (e.g. ``SurveyData.measures``).
    touchpoints : tuple of str, default ()
        The touchpoints with ratings, in journey order.
    gaps : DataFrame, optional
        A :func:`gap_table` result (without ``by``), when it could be computed.
    priorities : DataFrame, optional
        A :func:`priorities` result, when it could be computed.

    Returns
    -------
    DataFrame
        Six rows in step order with columns ``step`` (1–6), ``key`` (see
        :data:`METHOD_STEPS`), ``covered`` (bool), ``status`` (``"done"``, ``"missing"`` or
        ``"next"``) and ``evidence`` (text, empty when missing): step 1 the touchpoints
        joined by ``", "``; steps 2–4 the measure; step 5 the touchpoint with the most
        negative gap (the largest shortfall); step 6 the touchpoint ranked first.

    References
    ----------
    Albrecht, K. (1988). At America's Service. Dow Jones-Irwin.

    Examples
    --------
    >>> coverage = method_coverage(("experienced", "excellent"), touchpoints=("FMOT",))
    >>> coverage[["step", "key", "covered", "status", "evidence"]]
       step        key  covered   status     evidence
    0     1        map     True     done         FMOT
    1     2     expect    False  missing
    2     3  excellent     True     done    excellent
    3     4    measure     True     done  experienced
    4     5    analyse    False  missing
    5     6        act    False  missing
    """
    evidence = {"map": ", ".join(map(str, touchpoints))}
    for key, measure in _STEP_MEASURE.items():
        evidence[key] = measure if measure in measures else ""
    evidence["analyse"] = _largest_shortfall(gaps)
    ranked = None if priorities is None else priorities.dropna(subset=["rank"])
    evidence["act"] = "" if ranked is None or ranked.empty else str(ranked["touchpoint"].iloc[0])
    covered = [bool(evidence[key]) and key != "act" for key in METHOD_STEPS]
    status = [
        "done" if done else ("next" if key == "act" and evidence[key] else "missing")
        for key, done in zip(METHOD_STEPS, covered, strict=True)
    ]
    return pd.DataFrame(
        {
            "step": np.arange(1, len(METHOD_STEPS) + 1, dtype="int64"),
            "key": pd.array(METHOD_STEPS, dtype="str"),
            "covered": np.array(covered, dtype=bool),
            "status": pd.array(status, dtype="str"),
            "evidence": pd.array([evidence[key] for key in METHOD_STEPS], dtype="str"),
        },
        columns=list(METHOD_COVERAGE_COLUMNS),
    )


def _largest_shortfall(gaps: pd.DataFrame | None) -> str:
    """The touchpoint with the most negative gap of either kind ("" without any gap)."""
    if gaps is None or gaps.empty:
        return ""
    worst = gaps[["gap_to_expected", "gap_to_excellent"]].min(axis=1)
    if worst.isna().all():
        return ""
    return str(gaps["touchpoint"].iloc[int(np.nanargmin(worst.to_numpy(dtype="float64")))])


PRIORITY_RULE_COLUMNS: tuple[str, ...] = ("gap_used", "importance_source", "touchpoints")
"""Columns of :func:`priority_rules`."""


def priority_rules(priorities: pd.DataFrame) -> pd.DataFrame:
    """The rules that ranked a :func:`~mot.gaps.priorities` table, one row per gap used.

    A ranked touchpoint's priority uses the gap to excellent, or the gap to the expectation
    when it has no excellent ratings (``gap_used``: ``to_excellent`` or ``to_expected``);
    its importance is stated or derived (``importance_source``). This groups the ranked rows
    by the gap they used, in the order of their best rank, so that a page can say which rule
    ranked which touchpoints.

    Parameters
    ----------
    priorities : DataFrame
        The output of :func:`mot.gaps.priorities`.

    Returns
    -------
    DataFrame
        :data:`PRIORITY_RULE_COLUMNS`: ``gap_used``; ``importance_source``, or ``"mixed"``
        when the rows of that gap take their importance from several sources; ``touchpoints``
        (a tuple of ids in rank order). Empty (with these columns) when nothing is ranked.

    Examples
    --------
    >>> table = pd.DataFrame({
    ...     "rank": [1, 2, 3, None],
    ...     "touchpoint": ["TMOT", "FMOT", "ZMOT", "UMOT"],
    ...     "gap_used": ["to_excellent", "to_expected", "to_excellent", None],
    ...     "importance_source": ["stated", "derived", "derived", None],
    ... })
    >>> priority_rules(table)
           gap_used importance_source   touchpoints
    0  to_excellent             mixed  (TMOT, ZMOT)
    1   to_expected           derived       (FMOT,)
    """
    ranked = priorities.dropna(subset=["rank"]).sort_values("rank", kind="stable")
    used = ranked["gap_used"].astype(str)
    rows = []
    for kind in dict.fromkeys(used):
        part = ranked[used == kind]
        sources = set(part["importance_source"].astype(str))
        source = sources.pop() if len(sources) == 1 else "mixed"
        rows.append((kind, source, tuple(part["touchpoint"].astype(str))))
    return pd.DataFrame(rows, columns=list(PRIORITY_RULE_COLUMNS))


def top_priority(priorities: pd.DataFrame) -> pd.Series | None:
    """The touchpoint to fix first: the row of rank 1 of a :func:`~mot.gaps.priorities` table.

    Returns None when no touchpoint is ranked.

    Examples
    --------
    >>> table = pd.DataFrame({"rank": [2, 1, None], "touchpoint": ["FMOT", "TMOT", "UMOT"]})
    >>> top_priority(table)["touchpoint"]
    'TMOT'
    """
    ranked = priorities.dropna(subset=["rank"])
    if ranked.empty:
        return None
    return ranked.sort_values("rank", kind="stable").iloc[0]
