"""The comparison of two waves on an analysis page: when the session's workspace holds
several waves of its survey, the wave shown (B) against one the user picks (A), for the
page's measures: plain sentences, the chart of the differences, the table, and the trend
when there are more than two waves (:mod:`mot.waves`, through :mod:`ui.queries`)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import streamlit as st

from mot.charts.waves import WAVE_MEASURES, wave_changes_chart, wave_trend_chart
from mot.messages import Message
from mot.waves import change_sentences, pairing_columns
from ui import data, queries, state, widgets, workspaces
from ui.i18n import MEASURE_KEYS, chart_text, mot_text, number, p_value, signed, t

UTILITY_MEASURES = ("anticipated", "experienced", "retrospective")
"""What the Utilities page compares across waves."""
GAP_MEASURES = ("gap_expected", "gap_excellent")
"""What the Gaps page compares: each respondent's two gaps (:data:`mot.waves.GAPS`)."""
EMOTION_MEASURES = ("emotion",)
"""What the Emotion page compares: the emotion curve's points."""


def _measure(value: object) -> str:
    if value in MEASURE_KEYS:
        return t(MEASURE_KEYS[value])
    return mot_text(Message(f"waves.{value}"))


def _sentences(rows: pd.DataFrame, labels: dict[str, str]) -> None:
    said = change_sentences(rows, labels)
    for sentence in said:
        st.markdown("- " + widgets.md_message(sentence))
    if not said:
        st.caption(t("waves.none_changed"))


def _nps(b: data.Loaded, a: data.Loaded, pair_on: str) -> None:
    row = widgets.attempt(lambda: queries.nps_wave_change(b, a, pair_on=pair_on))
    if row is None:
        return
    r = row.iloc[0]
    text = t(
        "waves.nps_sentence",
        a=number(r["mean_a"]),
        b=number(r["mean_b"]),
        difference=signed(r["difference"]),
        p=p_value(r["p_adjusted"]),
        method=t(f"waves.method.{r['method']}"),
    )
    verdict = t(f"waves.change.{r['change']}")
    st.markdown(f"**{verdict[:1].upper()}{verdict[1:]}** · {text}")


def _trend(opened: state.OpenWorkspace, measures: Sequence[str], key: str) -> None:
    drawn = [m for m in measures if m in UTILITY_MEASURES]
    if len(opened.waves) < 3 or not drawn:
        return
    loaded = tuple(
        data.wave(opened.id, ident, lambda i=ident: workspaces.wave_choice(opened.id, i))
        for ident, _ in opened.waves
    )
    labels = tuple(label for _, label in opened.waves)
    trend = widgets.attempt(lambda: queries.wave_trend(loaded, labels))
    if trend is None:
        return
    st.markdown(f"**{t('waves.trend', n=len(labels))}**")
    names = widgets.touchpoint_labels(loaded[-1])
    for utility in drawn:
        widgets.chart(
            wave_trend_chart,
            trend,
            utility=utility,
            labels=names,
            text=chart_text(),
            key=f"{key}_wave_trend_{utility}",
        )


def pairing_chosen(opened: state.OpenWorkspace, key: str) -> str | None:
    """The pairing column picked in the comparison of page ``key`` (None: not drawn yet)."""
    found = state.widget_value(_pair_key(opened, key))
    return found if isinstance(found, str) else None


def _pair_key(opened: state.OpenWorkspace, key: str) -> str:
    return f"{key}_wave_pair_{opened.tag}"


def compare(loaded: data.Loaded, measures: Sequence[str], *, key: str, nps: bool = False) -> None:
    """Wave B (shown) against a wave A the user picks, for ``measures`` (and the NPS with
    ``nps``); nothing when the session's workspace has fewer than two waves."""
    opened = state.workspace()
    if opened is None or opened.wave is None or len(opened.waves) < 2:
        return
    names = dict(opened.waves)
    order = [ident for ident, _ in opened.waves]
    others = [ident for ident in order if ident != opened.wave]
    previous = order.index(opened.wave) - 1  # the wave before the one shown, by default
    st.subheader(t("waves.heading"))
    st.caption(t("waves.intro", b=widgets.md_text(names[opened.wave])))
    against = st.selectbox(
        t("waves.against"),
        others,
        index=max(previous, 0),
        format_func=lambda ident: names.get(ident, ident),
        key=f"{key}_wave_against_{opened.tag}",
    )
    baseline = widgets.attempt(
        lambda: data.wave(opened.id, against, lambda: workspaces.wave_choice(opened.id, against))
    )
    if baseline is None:
        return
    pair_on = st.selectbox(
        t("waves.pair_on"),
        pairing_columns(baseline.survey, loaded.survey),
        help=t("waves.pair_help"),
        key=_pair_key(opened, key),
    )
    if nps:
        _nps(loaded, baseline, pair_on)
    if measures:
        _measures(loaded, baseline, pair_on, measures, key)
    _trend(opened, measures, key)


def _measures(
    b: data.Loaded, a: data.Loaded, pair_on: str, measures: Sequence[str], key: str
) -> None:
    table = widgets.attempt(lambda: queries.wave_changes(b, a, pair_on=pair_on))
    if table is None:
        return
    rows = table[table["measure"].isin(list(measures))]
    if rows.empty:
        return
    labels = widgets.touchpoint_labels(b)
    paired = int(rows["n_paired"].max())
    if paired:
        st.caption(t("waves.paired", n=number(paired, 0), column=pair_on))
    _sentences(rows, labels)
    if rows["measure"].isin(WAVE_MEASURES).any():
        widgets.chart(
            wave_changes_chart, rows, labels=labels, text=chart_text(), key=f"{key}_wave_changes"
        )
    ci = t("waves.col.ci")
    columns = {
        "touchpoint": t("chart.touchpoint"),
        "measure": t("data.col.measure"),
        "mean_a": t("waves.col.mean_a"),
        "mean_b": t("waves.col.mean_b"),
        "difference": t("waves.col.difference"),
        "ci_low": f"{ci} ↓",
        "ci_high": f"{ci} ↑",
        "method": t("chart.test"),
        "p_adjusted": t("waves.col.p_adjusted"),
        "effect_size": t("waves.col.effect_size"),
        "change": t("chart.change"),
    }
    widgets.table(
        rows,
        columns=columns,
        key=f"{key}_waves",
        labels=labels,
        formats={
            "measure": _measure,
            "method": lambda v: t(f"waves.method.{v}"),
            "p_adjusted": p_value,
            "change": lambda v: t(f"waves.change.{v}"),
        },
    )
