"""Corrective actions: their table, their journey-map markers, their before and after.

The tidy table of a workspace's actions, their markers on the journey map, and the
before/after of each action's touchpoint when the survey was measured again.

Step 6 of the six-step method is "take corrective action, and measure again". An action
(:class:`mot.store.Action`) names a touchpoint, the gap it addresses (``expected`` or
``excellent``, :data:`mot.vocabulary.GAP_KINDS`) and the wave it was decided on. These
functions take the actions as a DataFrame (:func:`actions_frame`) so that they need no
database: the store keeps actions, this module reads them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict

import pandas as pd

from mot._frames import require_columns
from mot.vocabulary import ACTION_STATUSES

ACTION_COLUMNS: tuple[str, ...] = (
    "id",
    "touchpoint",
    "title",
    "owner",
    "status",
    "due",
    "gap",
    "note",
    "version",
    "wave",
)
"""Columns of :func:`actions_frame`: ``due`` a date or None, ``gap`` ``expected``,
``excellent`` or None, ``version`` the stored version, ``wave`` the survey dataset the
action was decided on (None when unknown)."""

MARKER_COLUMNS: tuple[str, ...] = ("touchpoint", "n", "n_open", "status", "titles")
"""Columns of :func:`action_markers`."""

EFFECT_COLUMNS: tuple[str, ...] = (
    "id",
    "title",
    "touchpoint",
    "measure",
    "mean_a",
    "mean_b",
    "difference",
    "p_adjusted",
    "change",
)
"""Columns of :func:`action_effects` (the means and test of :func:`mot.waves.compare_waves`)."""

_GAP_MEASURES = {"expected": "gap_expected", "excellent": "gap_excellent"}


def actions_frame(actions: Iterable[object]) -> pd.DataFrame:
    """The actions as a tidy table, one row per action, in the order given.

    Parameters
    ----------
    actions : iterable of :class:`mot.store.Action`
        Or any dataclass instances with the fields of :data:`ACTION_COLUMNS`.

    Returns
    -------
    DataFrame
        :data:`ACTION_COLUMNS`.

    Examples
    --------
    >>> from mot.store import Action
    >>> frame = actions_frame([Action("a1", "w", "TMOT", "Call ahead", status="doing")])
    >>> frame[["touchpoint", "title", "status", "version"]].to_dict("records")
    [{'touchpoint': 'TMOT', 'title': 'Call ahead', 'status': 'doing', 'version': 0}]
    """
    rows = [{c: asdict(a).get(c) for c in ACTION_COLUMNS} for a in actions]  # type: ignore[call-overload]
    frame = pd.DataFrame(rows, columns=list(ACTION_COLUMNS))
    for column in ("id", "touchpoint", "title", "owner", "status", "note"):
        frame[column] = frame[column].fillna("").astype(str)
    frame["version"] = frame["version"].fillna(0).astype("int64")
    for column in ("due", "gap", "wave"):
        frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    return frame


def _require(frame: pd.DataFrame, columns: Iterable[str], what: str, source: str) -> None:
    require_columns(frame, list(columns), builder=what, source=source)


def action_markers(actions: pd.DataFrame, *, limit: int = 3) -> pd.DataFrame:
    """One marker per touchpoint that has actions, for the journey map.

    ``n`` counts the touchpoint's actions and ``n_open`` those not ``done``; ``status`` is
    the least advanced status of its open actions (``done`` when all are), in the order of
    :data:`mot.vocabulary.ACTION_STATUSES`; ``titles`` lists up to ``limit`` titles (open
    ones first) joined by " · ", with "…" when there are more.

    Examples
    --------
    >>> frame = pd.DataFrame({"touchpoint": ["TMOT", "TMOT", "FMOT"],
    ...                       "title": ["Call", "Text", "Shelf"],
    ...                       "status": ["done", "planned", "done"]})
    >>> action_markers(frame).to_dict("records")  # doctest: +NORMALIZE_WHITESPACE
    [{'touchpoint': 'TMOT', 'n': 2, 'n_open': 1, 'status': 'planned', 'titles': 'Text · Call'},
     {'touchpoint': 'FMOT', 'n': 1, 'n_open': 0, 'status': 'done', 'titles': 'Shelf'}]
    """
    _require(actions, ("touchpoint", "title", "status"), "action_markers", "actions_frame")
    rank = {status: i for i, status in enumerate(ACTION_STATUSES)}
    ordered = actions.assign(_rank=actions["status"].map(rank).fillna(0))
    ordered = ordered.sort_values("_rank", kind="stable")
    rows = []
    for touchpoint, group in ordered.groupby("touchpoint", sort=False):
        titles = group["title"].astype(str).tolist()
        shown = " · ".join(titles[:limit]) + (" · …" if len(titles) > limit else "")
        rows.append(
            {
                "touchpoint": touchpoint,
                "n": len(group),
                "n_open": int((group["status"] != "done").sum()),
                "status": str(group["status"].iloc[0]),
                "titles": shown,
            }
        )
    order = list(dict.fromkeys(actions["touchpoint"]))
    frame = pd.DataFrame(rows, columns=list(MARKER_COLUMNS))
    return frame.set_index("touchpoint").loc[order].reset_index()[list(MARKER_COLUMNS)]


def action_effects(actions: pd.DataFrame, changes: pd.DataFrame) -> pd.DataFrame:
    """The before/after of each action's touchpoint: its wave (A) against a later one (B).

    For every action, the experienced utility of its touchpoint and, when the action names
    a gap, that gap (``gap_expected`` or ``gap_excellent``: experienced − anticipated or −
    excellent, each respondent's own, higher is better), as tested by
    :func:`mot.waves.compare_waves`. An action whose touchpoint or measure the waves do not
    share has no row.

    Parameters
    ----------
    actions : DataFrame
        At least ``id, title, touchpoint, gap`` (:func:`actions_frame`).
    changes : DataFrame
        :func:`mot.waves.compare_waves` of wave A (before) and wave B (after).

    Returns
    -------
    DataFrame
        :data:`EFFECT_COLUMNS`, actions in the order given, experienced first.

    Examples
    --------
    >>> actions = pd.DataFrame({"id": ["a1"], "title": ["Call ahead"],
    ...                         "touchpoint": ["TMOT"], "gap": ["expected"]})
    >>> changes = pd.DataFrame({"touchpoint": ["TMOT", "TMOT"],
    ...     "measure": ["experienced", "gap_expected"], "mean_a": [50.0, -12.0],
    ...     "mean_b": [58.6, -3.0], "difference": [8.6, 9.0],
    ...     "p_adjusted": [0.0001, 0.002], "change": ["improved", "improved"]})
    >>> effects = action_effects(actions, changes).set_index("measure")
    >>> effects[["difference", "change"]].to_dict("list")
    {'difference': [8.6, 9.0], 'change': ['improved', 'improved']}
    >>> effects.index.tolist()
    ['experienced', 'gap_expected']
    """
    _require(actions, ("id", "title", "touchpoint", "gap"), "action_effects", "actions_frame")
    _require(changes, EFFECT_COLUMNS[2:], "action_effects", "mot.waves.compare_waves")
    wanted = pd.DataFrame(
        [
            {"id": row.id, "title": row.title, "touchpoint": row.touchpoint, "measure": m, "_o": i}
            for i, row in enumerate(actions.itertuples(index=False))
            for m in ("experienced", _GAP_MEASURES.get(row.gap))
            if m is not None
        ],
        columns=["id", "title", "touchpoint", "measure", "_o"],
    )
    joined = wanted.merge(changes[list(EFFECT_COLUMNS[2:])], on=["touchpoint", "measure"])
    return joined.sort_values("_o", kind="stable")[list(EFFECT_COLUMNS)].reset_index(drop=True)
