"""What the Behaviour page says in words: durations, percentage points, the cohort table, the
dips and spikes of a trend, and why converters cannot be compared with the rest.

Presentation only (the numbers come from :mod:`mot.behaviour` through :mod:`ui.log_queries`); the
page stays a thin script that calls these.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd
import streamlit as st

from ui import log_queries
from ui.i18n import number, signed, t
from ui.widgets import md_text


def points(value: float) -> str:
    """A difference of two shares in percentage points: +4.2 pp."""
    if value != value:
        return "–"
    return t("behaviour.pp", value=signed(value * 100, 1))


def hours(value: float) -> str:
    """A duration in hours as a person says it: 45 min, 5.2 h, 3.1 days."""
    if value != value:  # NaN
        return "–"
    if value < 1:
        return t("behaviour.minutes", n=number(value * 60, 0))
    if value < 48:
        return t("behaviour.hours", n=number(value, 1))
    return t("behaviour.days", n=number(value / 24, 1))


def cohort_table(funnel: pd.DataFrame, label: Callable[[str], str]) -> pd.DataFrame:
    """One row per cohort: its entrants, then the conversion from the step before at each
    later step (a presentation of the funnel table, no new numbers)."""
    later = funnel[funnel["position"] > 1]
    shares = later.pivot(index="cohort", columns="step", values="conversion_from_previous")
    shares = shares[list(dict.fromkeys(later["step"]))].rename(columns=label)
    shares.columns.name = None
    entrants = funnel[funnel["position"] == 1].set_index("cohort")["users"]
    table = shares.assign(**{t("behaviour.col.entrants"): entrants})
    table = table[[t("behaviour.col.entrants"), *shares.columns]]
    table.index = table.index.strftime("%Y-%m-%d")
    return table.rename_axis(t("behaviour.col.cohort")).reset_index()


def _day(value: object) -> str:
    return str(value)[:10]


def _flagged(rows: pd.DataFrame, period: str, labels: Mapping[str, str]) -> list[str]:
    return [
        "- "
        + t(
            f"behaviour.flagged.{period}",
            touchpoint=labels.get(row.touchpoint, md_text(row.touchpoint)),
            start=_day(row.period_start),
            users=number(row.users, 0),
            baseline=number(row.baseline, 0),
        )
        for row in rows.itertuples()
    ]


def _hidden(hidden: pd.DataFrame, period: str, labels: Mapping[str, str]) -> list[str]:
    lines = []
    for (start, touchpoint), rows in hidden.groupby(["period_start", "touchpoint"], sort=False):
        changes = "; ".join(
            t(
                f"behaviour.change.{row.change}",
                event=md_text(row.event),
                users=number(row.users, 0),
                baseline=number(row.baseline, 0),
            )
            for row in rows.itertuples()
        )
        where = labels.get(touchpoint, md_text(touchpoint))
        lines.append(
            "- "
            + t(f"behaviour.hidden.{period}", touchpoint=where, start=_day(start), changes=changes)
        )
    return lines


def trend_notes(
    trend: pd.DataFrame,
    *,
    period: str,
    labels: Mapping[str, str],
    hidden: pd.DataFrame | None = None,
) -> None:
    """Name the trend's dips and spikes (the rules of ``mot.behaviour.trend``), the dips and
    spikes a touchpoint's total hides (``hidden``: ``mot.behaviour.offsetting_events``), and
    which periods are partial and so never judged. ``labels`` are Markdown-safe."""
    dips, spikes = trend[trend["dip"]], trend[trend["spike"]]
    hidden = hidden if hidden is not None else pd.DataFrame(columns=["period_start"])
    if dips.empty and spikes.empty and hidden.empty:
        st.success(t("behaviour.no_dips"))
    blocks = []  # a heading and its list each; a blank line ends a list
    if len(dips):
        blocks.append("\n".join([t("behaviour.dips"), *_flagged(dips, period, labels)]))
    if len(hidden):
        blocks.append("\n".join([t("behaviour.hidden"), *_hidden(hidden, period, labels)]))
    if blocks:
        st.warning("\n\n".join(blocks))
    if len(spikes):
        st.info("\n".join([t("behaviour.spikes"), *_flagged(spikes, period, labels)]))
    partial = trend.loc[trend["partial"], "period_start"].drop_duplicates().sort_values()
    if len(partial):
        periods = ", ".join(_day(start) for start in partial)
        st.caption(t(f"behaviour.partial.{period}", periods=periods))


def conversion_label(step: str) -> str:
    """An option of the conversion choice: an event name, or the repeat purchase."""
    return t("behaviour.repeat_purchase") if step == log_queries.REPEAT_PURCHASE else step


def nothing_to_compare(n_linked: int, n_converted: int, step: str) -> str:
    """Why converters cannot be compared with the rest: everyone or no one converted, or
    one group has too few ratings (Markdown-safe)."""
    event = md_text(conversion_label(step))
    if n_converted == n_linked:
        return t("behaviour.all_converted", event=event, n=number(n_linked, 0))
    if n_converted == 0:
        return t("behaviour.none_converted", event=event, n=number(n_linked, 0))
    k, n = number(n_converted, 0), number(n_linked, 0)
    return t("behaviour.few_ratings", event=event, k=k, n=n)
