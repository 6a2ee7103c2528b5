"""What every tab of the Behaviour page reads: the opened log, labels, reached touchpoints."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from mot.errors import MotError
from ui import log_queries, state, widgets
from ui.behaviour import words
from ui.i18n import chart_text, number, percent, t
from ui.logs import Opened

SHARE_COLUMNS = ("conversion_from_previous", "conversion_from_start", "ci_low", "ci_high", "rate")
"""Columns of the behaviour tables that hold a share, shown as a percentage."""


@dataclass(frozen=True)
class Page:
    """The Behaviour page in the session's language, for one opened and mapped log."""

    opened: Opened
    language: str
    labels: dict[str, str]
    md_labels: dict[str, str]  # for Markdown texts; charts and tables take labels
    text: dict[str, str]
    steps: list[str]  # touchpoints with rules that some user reached, in journey order

    def label(self, step: str) -> str:
        """A touchpoint's label (its id when the journey has none)."""
        return self.labels.get(step, step)

    def md_label(self, step: str) -> str:
        """A touchpoint's label, safe in Markdown."""
        return widgets.md_text(self.label(step))

    def choice_key(self, name: str, default: object) -> str:
        """A widget key of this log and rules (their options differ between logs), its
        default set through the session state so that a language switch can redraw the
        label."""
        key = f"behaviour_{name}_{self.opened.key}"
        state.widget_default(key, default)
        widgets.redraw_label(key)
        return key


def page(opened: Opened) -> Page:
    """The page's context for ``opened`` in the session's language."""
    language = state.language()
    labels = opened.journey.labels(language)
    md_labels = widgets.md_values(labels)
    return Page(opened, language, labels, md_labels, chart_text(), opened.reached)


def shares() -> dict[str, Callable[[float], str]]:
    """Formats of the share columns (:data:`SHARE_COLUMNS`)."""
    return {c: (lambda v: percent(v, 1)) for c in SHARE_COLUMNS}


def bounded(step: Callable[[], object]) -> object | None:
    """Run a step whose periods may be too many for this log: its message instead of a crash."""
    try:
        return step()
    except MotError as exc:
        st.warning(t("behaviour.too_many_periods", error=widgets.md_message(exc)))
        return None


def header(p: Page) -> None:
    """The log's name and size, and a warning when it has bad rows."""
    opened, log = p.opened, p.opened.log
    name = t("behaviour.demo_log") if opened.is_demo else opened.name
    st.markdown(t("behaviour.current", name=widgets.md_text(name)))
    widgets.metrics(
        {
            t("chart.events"): number(log.n_events, 0),
            t("chart.users"): number(log.n_users, 0),
            t("behaviour.sessions"): number(log.n_sessions, 0),
            t("behaviour.unmatched_events"): number(log_queries.n_unmatched(opened), 0),
            t("behaviour.bad_rows"): number(log.n_bad_rows, 0),
        }
    )
    if log.n_bad_rows:
        st.warning(t("behaviour.bad_rows_note", n=number(log.n_bad_rows, 0)))
        widgets.link_to_data()


def time_table(p: Page, between: pd.DataFrame, *, key: str, segment: str | None = None) -> None:
    """The time-between table, touchpoints by label, durations as a person says them."""
    columns = {segment: segment} if segment else {}
    columns |= {
        "from_touchpoint": t("behaviour.col.from"),
        "to_touchpoint": t("behaviour.col.to"),
        "users": t("chart.users"),
        "median_hours": t("behaviour.col.median"),
        "q1_hours": t("behaviour.col.q1"),
        "q3_hours": t("behaviour.col.q3"),
    }
    widgets.table(
        between.assign(
            from_touchpoint=between["from_touchpoint"].map(p.label),
            to_touchpoint=between["to_touchpoint"].map(p.label),
        ),
        columns=columns,
        key=key,
        formats={c: words.hours for c in ("median_hours", "q1_hours", "q3_hours")},
    )
