"""The Behaviour page's Funnel tab: the ordered funnel of the chosen steps, the reach of every
touchpoint and the bounce at the entry touchpoint."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from mot import charts
from ui import log_queries, sentences, widgets
from ui.behaviour.context import Page, shares
from ui.i18n import number, percent, t


@dataclass(frozen=True)
class FunnelChoice:
    """The steps (in journey order) and the window, in days (0: none), the user chose."""

    steps: list[str]
    window: int

    @property
    def window_days(self) -> int | None:
        """The window as the queries take it (None: no window)."""
        return self.window or None


def funnel_columns() -> dict[str, str]:
    """The funnel table's columns, translated."""
    return {
        "step": t("chart.step"),
        "users": t("chart.users"),
        "conversion_from_previous": t("behaviour.col.from_previous"),
        "conversion_from_start": t("behaviour.col.from_start"),
        "ci_low": t("common.col.ci_low"),
        "ci_high": t("common.col.ci_high"),
        "drop_off": t("behaviour.col.drop_off"),
    }


def _choose(p: Page) -> FunnelChoice:
    left, right = st.columns([3, 1])
    chosen = left.multiselect(
        t("behaviour.steps"),
        options=p.steps,
        format_func=p.label,
        key=p.choice_key("steps", p.steps),
        help=t("behaviour.steps_help"),
    )
    window = right.number_input(
        t("behaviour.window"),
        min_value=0,
        max_value=3650,
        value=0,
        step=1,
        key="behaviour_window",
        help=t("behaviour.window_help"),
    )
    return FunnelChoice([s for s in p.steps if s in chosen], window)  # journey order


def _funnel(p: Page, choice: FunnelChoice) -> pd.DataFrame:
    """Draw the funnel; returns the reach computed with it."""
    opened = p.opened
    both = log_queries.funnel_and_reach(opened, steps=choice.steps, window_days=choice.window_days)
    ordered = both.funnel
    reached = log_queries.open_funnel(opened, steps=choice.steps)
    st.success(sentences.funnel_summary(ordered, labels=p.md_labels, language=p.language))
    widgets.chart(
        charts.funnel_chart,
        ordered,
        open_funnel=reached,
        labels=p.labels,
        text=p.text,
        key="behaviour_funnel_chart",
    )
    widgets.table(
        ordered.assign(step=ordered["step"].map(p.label)),
        columns=funnel_columns(),
        key="behaviour_funnel",
        formats=shares(),
    )
    return both.reach


def _bounce(p: Page) -> None:
    bounce = widgets.attempt(lambda: log_queries.bounce(p.opened))
    if bounce is None or not len(bounce):
        return
    row = bounce.iloc[0]
    st.metric(
        t("behaviour.bounce", touchpoint=p.md_label(p.opened.entry)),
        percent(row["rate"], 1),
        border=True,
        delta=t(
            "behaviour.bounce_help",
            low=percent(row["ci_low"], 1),
            high=percent(row["ci_high"], 1),
            n=number(row["sessions"], 0),
        ),
        delta_color="off",
        delta_arrow="off",
    )


def render(p: Page) -> FunnelChoice:
    """Draw the tab; returns the steps and window chosen (the Trend tab's cohorts use them)."""
    choice = _choose(p)
    reach = None
    if len(choice.steps) < 2:
        st.info(t("behaviour.two_steps"))
    else:
        reach = _funnel(p, choice)
    st.subheader(t("behaviour.reach_title"))
    st.caption(t("behaviour.reach_caption"))
    if reach is None:  # no funnel asked for: the reach alone
        reach = log_queries.reach(p.opened)
    widgets.table(
        reach,
        columns={
            "touchpoint": t("chart.touchpoint"),
            "users": t("chart.users"),
            "sessions": t("behaviour.sessions"),
            "events": t("chart.events"),
        },
        key="behaviour_reach",
        labels=p.labels,
    )
    if p.opened.entry:
        _bounce(p)
    return choice
