"""The event-log analyses a page can ask for: one cached function each, typed like its call.

``log_queries.reach(opened, by="device")`` is :func:`mot.behaviour.touchpoint_reach` on the
session's mapped log (:func:`ui.logs.current`), run under the log's lock (a DuckDB connection
serves one thread at a time) and cached per browser session by the log's key (file + rules)
and the parameters. The analyses that also read the survey (the survey link, converters
against the rest, repeat purchase) are cached by both keys. ``f.uncached(...)`` runs one
without any cache (the report's tests and scripts, outside a Streamlit session).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import timedelta
from typing import Concatenate, Generic, ParamSpec, TypeVar

import pandas as pd
import streamlit as st

from mot import behaviour
from mot.behaviour import (
    PURCHASE_EVENT,
    LinkCounts,
    RepurchaseModels,
    event_counts,
    unmatched_events,
)
from mot.vocabulary import Period
from ui.data import Loaded
from ui.logs import Opened
from ui.queries import canonical

P = ParamSpec("P")
R = TypeVar("R")

REPEAT_PURCHASE = ""
"""The survey link's default conversion: a repeat purchase (``link_survey``'s
``repurchased``: two purchases, or a repurchase event). A survey of buyers has everyone
purchase once, so that a first purchase splits nobody; an event name is never empty."""


@st.cache_data(max_entries=256, scope="session", show_spinner=False)
def _run(
    name: str, key: str, params: tuple, _opened: Opened, _call: Callable[[], object]
) -> object:
    with _opened.lock:
        return _call()


@st.cache_data(max_entries=64, scope="session", show_spinner=False)
def _run_linked(
    name: str,
    key: str,
    survey_key: str,
    params: tuple,
    _opened: Opened,
    _call: Callable[[], object],
) -> object:
    with _opened.lock:
        return _call()


class LogQuery(Generic[P, R]):
    """An event-log analysis with its cache: call it as the function it wraps."""

    def __init__(self, compute: Callable[Concatenate[Opened, P], R]) -> None:
        self.compute = compute
        self.name = f"{compute.__module__}.{compute.__qualname__}"
        functools.update_wrapper(self, compute)

    def __call__(self, opened: Opened, /, *args: P.args, **kwargs: P.kwargs) -> R:
        """The analysis on ``opened``, under its lock, cached for the session."""
        params = canonical(self.compute, 1, (opened, *args), kwargs)
        call = functools.partial(self.compute, opened, *args, **kwargs)
        return _run(self.name, opened.key, params, opened, call)

    def uncached(self, opened: Opened, /, *args: P.args, **kwargs: P.kwargs) -> R:
        """The analysis on ``opened``, computed now without any cache."""
        return self.compute(opened, *args, **kwargs)


class LinkedQuery(Generic[P, R]):
    """An analysis of the event log and the survey together, with its cache."""

    def __init__(self, compute: Callable[Concatenate[Opened, Loaded, P], R]) -> None:
        self.compute = compute
        self.name = f"{compute.__module__}.{compute.__qualname__}"
        functools.update_wrapper(self, compute)

    def __call__(self, opened: Opened, loaded: Loaded, /, *args: P.args, **kwargs: P.kwargs) -> R:
        """The analysis on ``opened`` and ``loaded``, cached for the session by both keys."""
        params = canonical(self.compute, 2, (opened, loaded, *args), kwargs)
        call = functools.partial(self.compute, opened, loaded, *args, **kwargs)
        return _run_linked(self.name, opened.key, loaded.key, params, opened, call)

    def uncached(self, opened: Opened, loaded: Loaded, /, *args: P.args, **kwargs: P.kwargs) -> R:
        """The analysis on ``opened`` and ``loaded``, computed now without any cache."""
        return self.compute(opened, loaded, *args, **kwargs)


def log_query(compute: Callable[Concatenate[Opened, P], R]) -> LogQuery[P, R]:
    """Make ``compute(opened, ...)`` a cached :class:`LogQuery` with the same signature."""
    return LogQuery(compute)


def linked_query(compute: Callable[Concatenate[Opened, Loaded, P], R]) -> LinkedQuery[P, R]:
    """Make ``compute(opened, loaded, ...)`` a cached :class:`LinkedQuery`."""
    return LinkedQuery(compute)


def _window(days: float | None) -> timedelta | None:
    return timedelta(days=days) if days else None


# --- the log ---------------------------------------------------------------------------------


@log_query
def segments(opened: Opened) -> list[str]:
    """Property columns worth splitting by (:func:`mot.behaviour.segment_columns`)."""
    return behaviour.segment_columns(opened.connection, opened.view)


def _mapped_events(opened: Opened) -> list[str]:
    # from the counts taken at the open (page rules: the events their pages map)
    pairs = opened.log.event_touchpoints(opened.rules)
    return behaviour.mapped_events(pairs, opened.rules.touchpoints)


@log_query
def mapped_events(opened: Opened) -> list[str]:
    """Event names a rule maps, in journey order (:func:`mot.behaviour.mapped_events`)."""
    return _mapped_events(opened)


@log_query
def counts(opened: Opened) -> pd.DataFrame:
    """Events per name (:func:`mot.behaviour.event_counts`)."""
    return event_counts(opened.log)


@log_query
def unmatched(opened: Opened) -> pd.DataFrame:
    """Event names no rule maps, with their counts (:func:`mot.behaviour.unmatched_events`)."""
    return unmatched_events(opened.log, opened.rules)


def n_unmatched(opened: Opened) -> int:
    """How many events no rule maps."""
    return int(unmatched(opened)["count"].sum())


# --- funnels and reach -----------------------------------------------------------------------


@log_query
def reach(opened: Opened, *, by: str | None = None) -> pd.DataFrame:
    """Users, sessions and events per touchpoint (:func:`mot.behaviour.touchpoint_reach`)."""
    touchpoints = opened.rules.touchpoints
    return behaviour.touchpoint_reach(
        opened.connection, opened.view, touchpoints=touchpoints, by=by
    )


@log_query
def funnel(
    opened: Opened,
    *,
    steps: list[str],
    window_days: float | None = None,
    by: str | None = None,
    column: str = "touchpoint",
    cohort: Period | None = None,
) -> pd.DataFrame:
    """The ordered funnel (:func:`mot.behaviour.ordered_funnel`)."""
    return behaviour.ordered_funnel(
        opened.connection,
        opened.view,
        steps=steps,
        step_column=column,
        window=_window(window_days),
        by=by,
        cohort=cohort,
    )


@log_query
def funnel_and_reach(
    opened: Opened, *, steps: list[str], window_days: float | None = None
) -> behaviour.FunnelAndReach:
    """The ordered funnel and the reach in one pass (:func:`mot.behaviour.funnel_and_reach`)."""
    return behaviour.funnel_and_reach(
        opened.connection,
        opened.view,
        steps=steps,
        touchpoints=opened.rules.touchpoints,
        window=_window(window_days),
    )


@log_query
def open_funnel(
    opened: Opened, *, steps: list[str], by: str | None = None, column: str = "touchpoint"
) -> pd.DataFrame:
    """Users who reached each step in any order (:func:`mot.behaviour.open_funnel`)."""
    return behaviour.open_funnel(
        opened.connection, opened.view, steps=steps, step_column=column, by=by
    )


@log_query
def compare_conversion(
    opened: Opened, *, steps: list[str], by: str, step: str, window_days: float | None = None
) -> pd.DataFrame:
    """Conversion at ``step`` compared between the groups of ``by``
    (:func:`mot.behaviour.compare_conversion` on the ordered funnel by ``by``)."""
    window = _window(window_days)
    table = behaviour.ordered_funnel(
        opened.connection, opened.view, steps=steps, window=window, by=by
    )
    return behaviour.compare_conversion(table, step=step)


# --- time, bounce, retention, trends ---------------------------------------------------------


@log_query
def time_between(opened: Opened, *, steps: list[str], by: str | None = None) -> pd.DataFrame:
    """Time between consecutive touchpoints (:func:`mot.behaviour.time_between`)."""
    return behaviour.time_between(opened.connection, opened.view, touchpoints=steps, by=by)


@log_query
def bounce(opened: Opened, *, by: str | None = None) -> pd.DataFrame:
    """Bounce at the entry touchpoint ``Opened.entry`` (:func:`mot.behaviour.bounce_rate`)."""
    return behaviour.bounce_rate(opened.connection, opened.view, entry=opened.entry, by=by)


@log_query
def retention(
    opened: Opened, *, days: tuple[int, ...] = (30, 60, 90), cohort: Period = "month"
) -> pd.DataFrame:
    """Repeat purchase within each number of days, by cohort (:func:`mot.behaviour.retention`)."""
    return behaviour.retention(opened.connection, opened.view, days=days, cohort=cohort)


@log_query
def trend(opened: Opened, *, steps: list[str], period: Period = "week") -> pd.DataFrame:
    """Users per touchpoint and period, dips and spikes flagged (:func:`mot.behaviour.trend`)."""
    return behaviour.trend(opened.connection, opened.view, touchpoints=steps, period=period)


@log_query
def event_trend(opened: Opened, *, period: Period = "week") -> pd.DataFrame:
    """Users per mapped event and period (:func:`mot.behaviour.event_trend`)."""
    events = _mapped_events(opened)
    return behaviour.event_trend(opened.connection, opened.view, events=events, period=period)


def hidden_changes(opened: Opened, *, period: Period) -> pd.DataFrame:
    """The dips and spikes the touchpoint trend hides (``behaviour.offsetting_events``):
    one event of a touchpoint dips while another spikes in the same period."""
    events = event_trend(opened, period=period)
    touchpoint_of = {event: opened.rules.match(event) for event in mapped_events(opened)}
    return behaviour.offsetting_events(events, touchpoint_of=touchpoint_of)


# --- the survey link -------------------------------------------------------------------------


def conversion_flag(converted_step: str) -> str:
    """The column of the link that says who converted, for this conversion choice."""
    return "repurchased" if converted_step == REPEAT_PURCHASE else "converted"


def _link_step(converted_step: str) -> str:
    """The event of the link: a repeat purchase is read off the link of the first purchase."""
    return converted_step or PURCHASE_EVENT


@linked_query
def link(opened: Opened, loaded: Loaded, *, converted_step: str = PURCHASE_EVENT) -> pd.DataFrame:
    """Respondents linked to the log by the survey's `customer_id` column
    (:func:`mot.behaviour.link_survey`; without that column, a MotError names it)."""
    respondents = loaded.survey.respondents
    step = _link_step(converted_step)
    return behaviour.link_survey(opened.connection, opened.view, respondents, converted_step=step)


@linked_query
def utilities_by_conversion(
    opened: Opened, loaded: Loaded, *, converted_step: str = REPEAT_PURCHASE
) -> pd.DataFrame:
    """Utilities of converters against the rest (:func:`mot.behaviour.utilities_by_conversion`)."""
    linked = link.uncached(opened, loaded, converted_step=converted_step)
    flag = conversion_flag(converted_step)
    return behaviour.utilities_by_conversion(loaded.survey.ratings, linked, flag=flag)


@linked_query
def repurchase(opened: Opened, loaded: Loaded) -> RepurchaseModels:
    """Whether each touchpoint's utility predicts buying again, and the touchpoints too few
    linked respondents rated (:func:`mot.behaviour.repurchase_models`)."""
    s = loaded.survey
    linked = link.uncached(opened, loaded)
    return behaviour.repurchase_models(s.ratings, linked, touchpoints=s.rated_touchpoints)


def link_counts(opened: Opened, loaded: Loaded) -> LinkCounts:
    """Respondents, those in the log, buyers and repeat buyers (the first purchase's link)."""
    return behaviour.link_counts(link(opened, loaded))


def conversions(opened: Opened, loaded: Loaded, converted_step: str) -> tuple[int, int]:
    """(linked respondents found in the log, how many of them converted) for a choice of
    conversion (an event, or :data:`REPEAT_PURCHASE`): why a comparison has one group."""
    found = behaviour.link_counts(link(opened, loaded, converted_step=_link_step(converted_step)))
    return found.in_log, found.converters(conversion_flag(converted_step))
