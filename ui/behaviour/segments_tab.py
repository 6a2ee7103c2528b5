"""The Behaviour page's Segments tab: the funnel, conversion, time between touchpoints and
bounce of each group of a property column."""

from __future__ import annotations

import streamlit as st

from mot import charts
from ui import log_queries, widgets
from ui.behaviour import words
from ui.behaviour.context import Page, shares, time_table
from ui.i18n import p_value, percent, t


def _compared(p: Page, segment: str, step: str) -> None:
    opened = p.opened
    compared = widgets.attempt(
        lambda: log_queries.compare_conversion(opened, steps=p.steps, by=segment, step=step)
    )
    if compared is None or not len(compared):
        return
    widgets.chart(
        charts.conversion_difference_chart,
        compared,
        labels=p.labels,
        text=p.text,
        key="behaviour_compare_chart",
    )
    widgets.table(
        compared,
        columns={
            "group_a": t("common.col.group_a"),
            "group_b": t("common.col.group_b"),
            "p_a": t("behaviour.col.p_a"),
            "p_b": t("behaviour.col.p_b"),
            "difference": t("behaviour.col.difference"),
            "ci_low": t("common.col.ci_low"),
            "ci_high": t("common.col.ci_high"),
            "p_value": t("common.col.p"),
            "p_adjusted": t("common.col.p_adjusted"),
        },
        key="behaviour_compare",
        formats={
            **{c: (lambda v: percent(v, 1)) for c in ("p_a", "p_b")},
            **{c: words.points for c in ("difference", "ci_low", "ci_high")},
            "p_value": lambda v: p_value(v, p.language),
            "p_adjusted": lambda v: p_value(v, p.language),
        },
    )


def _bounce(p: Page, segment: str) -> None:
    bounce = widgets.attempt(lambda: log_queries.bounce(p.opened, by=segment))
    if bounce is None or not len(bounce):
        return
    st.caption(t("behaviour.bounce_by", touchpoint=p.md_label(p.opened.entry)))
    widgets.table(
        bounce,
        columns={
            segment: segment,
            "sessions": t("behaviour.sessions"),
            "bounced": t("behaviour.col.bounced"),
            "rate": t("behaviour.col.rate"),
            "ci_low": t("common.col.ci_low"),
            "ci_high": t("common.col.ci_high"),
        },
        key="behaviour_bounce_segment",
        formats=shares(),
    )


def render(p: Page) -> None:
    """Draw the tab (or say that the log has no column to split by)."""
    opened = p.opened
    segments = log_queries.segments(opened)
    if not segments:
        st.info(t("behaviour.no_segments"))
        return
    left, right = st.columns(2)
    segment = left.selectbox(
        t("data.role.segment"), segments, key=f"behaviour_segment_{opened.key}"
    )
    step = right.selectbox(
        t("behaviour.compare_step"),
        p.steps[1:],
        format_func=p.label,
        key=p.choice_key("compare_step", p.steps[-1]),
        help=t("behaviour.compare_step_help"),
    )
    by_segment = log_queries.funnel(opened, steps=p.steps, by=segment)
    widgets.chart(
        charts.funnel_chart,
        by_segment,
        by=segment,
        labels=p.labels,
        text=p.text,
        key="behaviour_segment_funnel",
    )
    _compared(p, segment, step)
    between = widgets.attempt(lambda: log_queries.time_between(opened, steps=p.steps, by=segment))
    if between is not None and len(between):
        st.caption(t("behaviour.time_by"))
        time_table(p, between, key="behaviour_time_segment", segment=segment)
    _bounce(p, segment)
