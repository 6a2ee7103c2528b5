"""What the dashboard reads off the event-log metrics of :mod:`mot.behaviour`.

Small decisions that used to live on the Streamlit side: where a bounce is measured, which
mapped events a trend lists, how many linked respondents converted, the repeat-purchase model
of every rated touchpoint (with the touchpoints it leaves out counted), and the step of a
funnel that loses the most. Each takes the tables the metrics return and never mutates them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from mot.behaviour._base import REPURCHASE_MODEL_COLUMNS
from mot.behaviour.survey_link import utility_predicts_repurchase
from mot.errors import InsufficientDataError, MotError
from mot.journey import Journey
from mot.messages import Message

__all__ = [
    "PURCHASE_EVENT",
    "LargestLoss",
    "LinkCounts",
    "RepurchaseModels",
    "bounce_entry",
    "largest_loss",
    "link_counts",
    "mapped_events",
    "repurchase_models",
]

PURCHASE_EVENT = "purchase"
"""The event name of a purchase (the default of :func:`mot.behaviour.link_survey`)."""


def bounce_entry(journey: Journey, reached: Sequence[str]) -> str | None:
    """The touchpoint a bounce is measured at: the journey's FMOT, else its first step.

    Parameters
    ----------
    journey : Journey
        The journey, whose touchpoints carry their moment.
    reached : sequence of str
        Touchpoints that at least one user reached, in journey order.

    Returns
    -------
    str or None
        The first touchpoint of the FMOT moment among ``reached``, else the first of
        ``reached``; None when nothing was reached.

    Examples
    --------
    >>> from mot.journey import default_journey
    >>> bounce_entry(default_journey(), ["ZMOT", "FMOT", "SMOT"])
    'FMOT'
    >>> bounce_entry(default_journey(), ["ZMOT", "SMOT"]), bounce_entry(default_journey(), [])
    ('ZMOT', None)
    """
    for touchpoint in journey.touchpoints:
        if touchpoint.moment == "FMOT" and touchpoint.id in reached:
            return touchpoint.id
    return reached[0] if reached else None


def mapped_events(
    event_touchpoints: Iterable[tuple[str, str | None, int]], touchpoints: Sequence[str]
) -> list[str]:
    """Event names that a rule maps, in journey order of their touchpoint, then by count.

    Parameters
    ----------
    event_touchpoints : iterable of (str, str or None, int)
        ``(event, touchpoint, events)`` triples, as :meth:`mot.behaviour.EventLog.event_touchpoints`
        gives them (touchpoint None: no rule maps those events).
    touchpoints : sequence of str
        The rules' touchpoints in journey order.

    Returns
    -------
    list of str
        Each mapped event once, at its first touchpoint in journey order; events of one
        touchpoint by descending count, then by name.

    Examples
    --------
    >>> mapped_events([("b", "T2", 5), ("a", "T1", 2), ("c", "T1", 9), ("x", None, 99)],
    ...               ["T1", "T2"])
    ['c', 'a', 'b']
    """
    order = {tp: i for i, tp in enumerate(touchpoints)}
    matched = [(order[tp], -n, e) for e, tp, n in event_touchpoints if tp is not None]
    return list(dict.fromkeys(e for *_, e in sorted(matched)))


@dataclass(frozen=True)
class LinkCounts:
    """How many respondents the survey link found in the log, and how many of them converted.

    Attributes
    ----------
    respondents : int
        Respondents of the survey.
    in_log : int
        Those whose customer id has events in the log.
    converted : int
        Those in the log who converted (``link_survey``'s ``converted``).
    repurchased : int
        Those in the log who bought again (``link_survey``'s ``repurchased``).
    """

    respondents: int
    in_log: int
    converted: int
    repurchased: int

    def converters(self, flag: str) -> int:
        """The converters of one flag of the link: ``"converted"`` or ``"repurchased"``."""
        if flag not in ("converted", "repurchased"):
            message = Message("insights.flag", flag=repr(flag))
            raise MotError(message)
        return self.converted if flag == "converted" else self.repurchased

    def to_frame(self) -> pd.DataFrame:
        """One row: ``respondents, in_log, converted, repurchased``."""
        return pd.DataFrame([vars(self)])


def link_counts(linked: pd.DataFrame) -> LinkCounts:
    """Count the respondents of a survey link, those in the log and its converters.

    Parameters
    ----------
    linked : DataFrame
        The result of :func:`mot.behaviour.link_survey` (``in_log, converted, repurchased``).

    Returns
    -------
    LinkCounts
        The four counts (converters counted among those in the log only).

    Raises
    ------
    MotError
        If ``linked`` lacks one of those columns.

    Examples
    --------
    >>> linked = pd.DataFrame({"in_log": [True, True, True, False],
    ...     "converted": [True, True, False, True], "repurchased": [True, False, False, True]})
    >>> link_counts(linked)
    LinkCounts(respondents=4, in_log=3, converted=2, repurchased=1)
    """
    _validate_link_counts(linked)
    in_log = linked["in_log"].to_numpy(dtype=bool)
    return LinkCounts(
        respondents=len(linked),
        in_log=int(in_log.sum()),
        converted=int((linked["converted"].to_numpy(dtype=bool) & in_log).sum()),
        repurchased=int((linked["repurchased"].to_numpy(dtype=bool) & in_log).sum()),
    )


def _validate_link_counts(linked: pd.DataFrame) -> None:
    missing = [c for c in ("in_log", "converted", "repurchased") if c not in linked.columns]
    if missing:
        names = ", ".join(f"`{c}`" for c in missing)
        message = Message("insights.link_columns", missing=names)
        raise MotError(message)


@dataclass(frozen=True)
class RepurchaseModels:
    """The repeat-purchase model of each rated touchpoint, and the touchpoints left out.

    Attributes
    ----------
    table : DataFrame
        One row per modelled touchpoint (:data:`mot.behaviour.REPURCHASE_MODEL_COLUMNS`), in
        the order the touchpoints were given; those columns when empty.
    left_out : tuple of str
        Touchpoints that no linked respondent rated (no model), in the order given.
    """

    table: pd.DataFrame
    left_out: tuple[str, ...]

    @property
    def n_left_out(self) -> int:
        """How many touchpoints have no model."""
        return len(self.left_out)

    def to_frame(self) -> pd.DataFrame:
        """The models, one row per touchpoint (a copy)."""
        return self.table.copy()


def repurchase_models(
    ratings: pd.DataFrame,
    linked: pd.DataFrame,
    *,
    touchpoints: Sequence[str],
    measure: str = "experienced",
) -> RepurchaseModels:
    """:func:`mot.behaviour.utility_predicts_repurchase` for each touchpoint in turn.

    A touchpoint that no linked respondent rated has no model: it is listed in ``left_out``
    instead of failing the others.

    Parameters
    ----------
    ratings : DataFrame
        Tidy ratings (``respondent_id, touchpoint, measure, value, top_box``).
    linked : DataFrame
        The result of :func:`mot.behaviour.link_survey`.
    touchpoints : sequence of str
        The touchpoints to model, in the order the table lists them.
    measure : str, default "experienced"
        The utility used as predictor.

    Returns
    -------
    RepurchaseModels
        ``table`` (one row per modelled touchpoint) and ``left_out``.

    Raises
    ------
    MotError
        If ``linked`` lacks ``respondent_id`` or ``repurchased`` (every touchpoint would fail).

    Examples
    --------
    >>> ratings = pd.DataFrame({"respondent_id": list("abcd"), "touchpoint": "UMOT",
    ...     "measure": "experienced", "value": [0.0, 0.0, 10.0, 10.0],
    ...     "top_box": [False, False, True, True]})
    >>> linked = pd.DataFrame({"respondent_id": list("abcd"),
    ...     "repurchased": [False, True, True, True]})
    >>> models = repurchase_models(ratings, linked, touchpoints=["FMOT", "UMOT"])
    >>> models.left_out, models.table["touchpoint"].tolist(), float(models.table["difference"][0])
    (('FMOT',), ['UMOT'], 0.5)
    """
    tables, left_out = [], []
    for touchpoint in touchpoints:
        try:
            model = utility_predicts_repurchase(
                ratings, linked, touchpoint=touchpoint, measure=measure
            )
        except InsufficientDataError:
            left_out.append(touchpoint)
            continue
        tables.append(model)
    if not tables:
        table = pd.DataFrame(columns=list(REPURCHASE_MODEL_COLUMNS))
    else:
        table = pd.concat(tables, ignore_index=True)
    return RepurchaseModels(table, tuple(left_out))


@dataclass(frozen=True)
class LargestLoss:
    """The funnel step that loses the largest share of those who reached the step before.

    Attributes
    ----------
    source : str
        The step before the loss.
    target : str
        The step that the lost users did not reach.
    share : float
        The share of ``source``'s users who did not continue: ``1 − conversion_from_previous``.
    """

    source: str
    target: str
    share: float


def largest_loss(funnel: pd.DataFrame) -> LargestLoss | None:
    """The funnel's largest loss between consecutive steps.

    Parameters
    ----------
    funnel : DataFrame
        An ordered funnel without segments (:func:`mot.behaviour.ordered_funnel`): ``step``
        and ``conversion_from_previous`` per step, in step order.

    Returns
    -------
    LargestLoss or None
        The first step pair with the largest ``1 − conversion_from_previous``; None when no
        later step has a conversion or none loses anyone.

    Raises
    ------
    MotError
        If ``funnel`` lacks ``step`` or ``conversion_from_previous``.

    Examples
    --------
    >>> funnel = pd.DataFrame({"step": ["a", "b", "c"],
    ...     "conversion_from_previous": [float("nan"), 0.5, 0.25]})
    >>> largest_loss(funnel)
    LargestLoss(source='b', target='c', share=0.75)
    """
    _validate_largest_loss(funnel)
    conversion = funnel["conversion_from_previous"].to_numpy(dtype="float64")[1:]
    loss = 1 - conversion
    if np.isnan(loss).all() or np.nanmax(loss) <= 0:
        return None
    worst = int(np.nanargmax(loss)) + 1  # position of the step the lost users did not reach
    steps = funnel["step"].astype(str).to_numpy()
    return LargestLoss(str(steps[worst - 1]), str(steps[worst]), float(loss[worst - 1]))


def _validate_largest_loss(funnel: pd.DataFrame) -> None:
    missing = [c for c in ("step", "conversion_from_previous") if c not in funnel.columns]
    if missing:
        names = ", ".join(f"`{c}`" for c in missing)
        message = Message("insights.funnel_columns", missing=names)
        raise MotError(message)
