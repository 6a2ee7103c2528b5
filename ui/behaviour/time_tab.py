"""The Behaviour page's Time tab: time between touchpoints, and repeat-purchase retention."""

from __future__ import annotations

import streamlit as st

from mot import charts
from ui import log_queries, widgets
from ui.behaviour.context import Page, shares, time_table
from ui.i18n import t


def render(p: Page) -> None:
    """Draw the tab."""
    opened = p.opened
    st.caption(t("behaviour.time_caption"))
    between = widgets.attempt(lambda: log_queries.time_between(opened, steps=p.steps))
    if between is not None and len(between):
        widgets.chart(
            charts.time_between_chart, between, labels=p.labels, text=p.text, key="behaviour_time"
        )
        time_table(p, between, key="behaviour_time_between")
    elif between is not None:
        st.info(t("behaviour.no_pairs"))
    st.subheader(t("behaviour.retention_title"))
    st.caption(t("behaviour.retention_caption"))
    retention = widgets.attempt(lambda: log_queries.retention(opened))
    if retention is not None and len(retention):
        widgets.table(
            retention,
            columns={
                "cohort": t("behaviour.col.cohort"),
                "days": t("behaviour.col.days"),
                "users": t("chart.users"),
                "retained": t("behaviour.repurchased"),
                "rate": t("behaviour.col.rate"),
                "ci_low": t("common.col.ci_low"),
                "ci_high": t("common.col.ci_high"),
                "censored": t("behaviour.col.censored"),
            },
            key="behaviour_retention",
            formats=shares() | {"cohort": lambda v: str(v)[:10]},
        )
    elif retention is not None:
        st.info(t("behaviour.no_purchases"))
