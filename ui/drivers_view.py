"""The Drivers page's parts too big for the page: what drives an outcome, and NPS by group.

Each reads its widgets, calls :mod:`ui.queries` and renders; the page calls them in order.
"""

from __future__ import annotations

import streamlit as st

from mot import charts
from mot.drivers import DRIVER_METHODS
from mot.survey import SurveyData
from mot.wom import NPS_MIN_N
from ui import data, queries, sentences, state, widgets
from ui.i18n import number, percent, signed, t
from ui.widgets import md_message, md_text


def importance(
    loaded: data.Loaded, *, labels: dict[str, str], text: dict[str, str], language: str
) -> None:
    """The outcome and method pickers, the strongest driver, the weights' chart and table."""
    survey: SurveyData = loaded.survey
    left, right = st.columns(2)
    outcome = left.selectbox(
        t("data.role.outcome"),
        options=list(survey.outcomes),
        format_func=lambda o: t(f"outcome.{o}"),
        key="drivers_outcome",
    )
    method = right.selectbox(
        t("drivers.method"),
        options=list(DRIVER_METHODS),
        format_func=lambda m: t(f"drivers.method.{m}"),
        key="drivers_method",
        help=t("drivers.method_help"),
    )
    drivers = widgets.attempt(lambda: queries.drivers(loaded, outcome=outcome, method=method))
    if drivers is None:
        return
    summary = sentences.driver_summary(drivers, outcome=outcome, labels=labels, language=language)
    st.markdown(md_message(summary))
    st.caption(sentences.driver_method(drivers, language=language))
    widgets.chart(charts.drivers_chart, drivers, labels=labels, text=text, key="drivers_chart")
    widgets.table(
        drivers,
        columns={
            "touchpoint": t("chart.touchpoint"),
            "r": t("chart.correlation"),
            "share": t("drivers.col.share"),
            "raw_weight": t("drivers.col.raw_weight"),
            "raw_weight_ci_low": t("common.col.ci_low"),
            "raw_weight_ci_high": t("common.col.ci_high"),
            "n": t("chart.n"),
        },
        key="drivers_weights",
        labels=labels,
        decimals=3,
        formats={"share": lambda v: percent(v, 1), "n": lambda v: number(v, 0)},
    )


def nps_by_segment(loaded: data.Loaded, *, segment: str, text: dict[str, str]) -> None:
    """NPS per group with its interval, what the interval rule left out or cut, and the
    Holm-adjusted differences between the groups."""
    st.caption(t("drivers.nps_caption", min_n=number(NPS_MIN_N, 0)))
    by_segment = widgets.attempt(lambda: queries.nps(loaded, by=segment))
    if by_segment is None:
        return
    widgets.chart(charts.nps_chart, by_segment, by=segment, text=text, key="drivers_nps_chart")
    notes = {"small_n": "drivers.nps_no_interval", "ci_clipped": "drivers.nps_clipped"}
    for flag, key in notes.items():
        groups = sentences.flagged_names(by_segment, flag, lambda row: md_text(row[segment]))
        if groups:
            st.caption(t(key, groups=groups, min_n=number(NPS_MIN_N, 0)))
    differences = widgets.attempt(lambda: queries.nps_difference(loaded, by=segment))
    if differences is None or differences.empty:
        return
    if len(differences) == 1:
        st.caption(t("drivers.nps_difference_caption_one"))
    else:
        st.caption(t("drivers.nps_differences_caption", n=number(len(differences), 0)))
    widgets.table(
        differences,
        columns={
            "group_a": t("common.col.group_a"),
            "group_b": t("common.col.group_b"),
            "difference": t("drivers.col.nps_difference"),
            "ci_low": t("common.col.ci_low"),
            "ci_high": t("common.col.ci_high"),
            "p_value": t("common.col.p"),
            "p_adjusted": t("common.col.p_adjusted"),
            "significant": t("drivers.col.significant"),
        },
        key="drivers_nps_differences",
        formats={
            "difference": signed,
            "ci_low": signed,
            "ci_high": signed,
            "p_value": lambda v: sentences.p_cell(v, state.language()),
            "p_adjusted": lambda v: sentences.p_cell(v, state.language()),
        },
    )
