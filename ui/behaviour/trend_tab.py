"""The Behaviour page's Trend tab: users per period (touchpoints or events) with the dips and
spikes named, and the funnel by cohort."""

from __future__ import annotations

import streamlit as st

from mot import charts
from mot.vocabulary import Period
from ui import log_queries, widgets
from ui.behaviour import words
from ui.behaviour.context import Page, bounded
from ui.behaviour.funnel_tab import FunnelChoice
from ui.i18n import percent, t

PERIOD_ORDER: tuple[Period, ...] = ("week", "day", "month")
"""The periods offered (every :data:`mot.vocabulary.Period`), the default first."""


def _trend(p: Page) -> str:
    """Draw the trend and its notes; returns the period chosen."""
    opened = p.opened
    periods = {x: t(f"behaviour.period.{x}") for x in PERIOD_ORDER}
    levels = {"touchpoint": t("behaviour.level.touchpoint"), "event": t("chart.events")}
    left, right = st.columns(2)
    period = left.segmented_control(
        t("behaviour.period"),
        options=list(periods),
        format_func=periods.get,
        key=p.choice_key("period", "week"),
    )
    level = right.segmented_control(
        t("behaviour.level"),
        options=list(levels),
        format_func=levels.get,
        key=p.choice_key("level", "touchpoint"),
        help=t("behaviour.level_help"),
    )
    period = period or "week"
    if level == "event":
        trend = bounded(lambda: log_queries.event_trend(opened, period=period))
    else:
        trend = bounded(lambda: log_queries.trend(opened, steps=p.steps, period=period))
    st.caption(t("behaviour.trend_caption"))
    if trend is not None:
        bounded(
            lambda: widgets.chart(
                charts.behaviour_trend_chart,
                trend,
                labels=p.labels,
                text=p.text,
                key="behaviour_trend",
            )
        )
        # at touchpoint level, also what a touchpoint's total hides (one event down, one up)
        hidden = None if level == "event" else log_queries.hidden_changes(opened, period=period)
        words.trend_notes(trend, period=period, labels=p.md_labels, hidden=hidden)
    return period


def render(p: Page, choice: FunnelChoice) -> None:
    """Draw the tab; the cohorts follow the funnel's steps and window (``choice``)."""
    period = _trend(p)
    if len(choice.steps) < 2:
        return
    st.subheader(t(f"behaviour.cohort_title.{period}"))
    st.caption(t("behaviour.cohort_caption"))
    cohorts = bounded(
        lambda: log_queries.funnel(
            p.opened, steps=choice.steps, window_days=choice.window_days, cohort=period
        )
    )
    if cohorts is not None:
        by_cohort = words.cohort_table(cohorts, p.label)
        widgets.table(
            by_cohort,
            columns={c: c for c in by_cohort.columns},
            key="behaviour_cohorts",
            formats={p.label(s): (lambda v: percent(v, 1)) for s in choice.steps[1:]},
        )
