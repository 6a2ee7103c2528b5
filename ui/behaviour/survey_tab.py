"""The Behaviour page's Survey tab: respondents linked to the log, the utilities of converters
against the rest, and whether a touchpoint's utility predicts buying again."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from mot import charts
from mot.errors import MotError
from mot.vocabulary import DEFAULT_CORRECTION
from ui import data, log_queries, sentences, widgets
from ui.behaviour import words
from ui.behaviour.context import Page
from ui.i18n import number, p_value, percent, t


def _groups(by_conversion: pd.DataFrame, converted_step: str) -> pd.DataFrame:
    """The comparison with its groups named (converters, repeat buyers, the rest)."""
    groups = {g: t(f"behaviour.group.{g}") for g in ("converter", "non_converter")}
    if converted_step == log_queries.REPEAT_PURCHASE:
        groups["converter"] = t("behaviour.group.repeat_buyer")
    return by_conversion.assign(
        group_a=by_conversion["group_a"].map(groups),
        group_b=by_conversion["group_b"].map(groups),
    )


def _converters(p: Page, loaded: data.Loaded) -> None:
    opened = p.opened
    st.subheader(t("behaviour.converters_title"))
    converted_step = st.selectbox(  # a repeat purchase first: it splits buyers
        t("behaviour.converted_step"),
        [log_queries.REPEAT_PURCHASE, *log_queries.mapped_events(opened)],
        format_func=words.conversion_label,
        key=f"behaviour_converted_step_{opened.key}",
        help=t("behaviour.converted_step_help"),
    )
    by_conversion = widgets.attempt(
        lambda: log_queries.utilities_by_conversion(opened, loaded, converted_step=converted_step)
    )
    if by_conversion is not None and len(by_conversion):
        by_conversion = _groups(by_conversion, converted_step)
        st.success(
            sentences.comparison_summary(
                by_conversion,
                segment=t("behaviour.conversion"),
                labels=p.md_labels,
                correction=DEFAULT_CORRECTION,
                language=p.language,
            )
        )
        widgets.chart(
            charts.comparison_chart,
            by_conversion,
            labels=p.labels,
            text=p.text,
            key="behaviour_converters_chart",
        )
    elif by_conversion is not None:
        counts = log_queries.conversions(opened, loaded, converted_step)
        st.info(words.nothing_to_compare(*counts, converted_step))


def _repurchase(p: Page, loaded: data.Loaded) -> None:
    st.subheader(t("behaviour.repurchase_title"))
    st.caption(t("behaviour.repurchase_caption"))
    models = log_queries.repurchase(p.opened, loaded)
    if not len(models.table):
        st.info(t("behaviour.no_model"))
        return
    widgets.chart(
        charts.repurchase_chart,
        models.table,
        labels=p.labels,
        text=p.text,
        key="behaviour_repurchase_chart",
    )
    widgets.table(
        models.table,
        columns={
            "touchpoint": t("chart.touchpoint"),
            "n": t("chart.n_respondents"),
            "rate_top_box": t("behaviour.col.rate_top_box"),
            "rate_rest": t("behaviour.col.rate_rest"),
            "difference": t("behaviour.col.difference"),
            "p_value": t("common.col.p"),
            "odds_ratio_per_10": t("behaviour.col.odds_ratio"),
            "slope_p_value": t("behaviour.col.slope_p"),
        },
        key="behaviour_repurchase",
        labels=p.labels,
        formats={
            "rate_top_box": lambda v: percent(v, 1),
            "rate_rest": lambda v: percent(v, 1),
            "difference": words.points,
            "odds_ratio_per_10": lambda v: number(v, 2),
            "p_value": lambda v: p_value(v, p.language),
            "slope_p_value": lambda v: p_value(v, p.language),
        },
    )
    if models.left_out:
        names = ", ".join(p.md_label(tp) for tp in models.left_out)
        st.caption(t("behaviour.repurchase_left_out", touchpoints=names))


def render(p: Page) -> None:
    """Draw the tab (or say why the survey cannot be linked to the log)."""
    st.caption(t("behaviour.survey_caption"))
    try:
        loaded = data.current()
    except MotError as exc:  # the survey upload itself is broken: say what to fix
        st.error(t("common.load_error", error=widgets.md_message(exc)))
        widgets.link_to_data()
        return
    counts = widgets.attempt(lambda: log_queries.link_counts(p.opened, loaded))
    if counts is None:
        return
    widgets.metrics(
        {
            t("chart.n_respondents"): number(counts.respondents, 0),
            t("behaviour.in_log"): number(counts.in_log, 0),
            t("behaviour.purchased"): number(counts.converted, 0),
            t("behaviour.repurchased"): number(counts.repurchased, 0),
        }
    )
    if not counts.in_log:
        st.info(t("behaviour.nobody_linked"))
        return
    _converters(p, loaded)
    _repurchase(p, loaded)
