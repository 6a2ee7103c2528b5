"""The shared sidebar and the display mode, drawn by app.py on every page."""

from __future__ import annotations

import altair as alt
import streamlit as st

from mot import charts
from mot.errors import MotError
from ui import data, state, widgets
from ui.i18n import LANGUAGES, number, t

LARGE_TYPE_CSS = """
<style>
html, body, [class*="st-"] { font-size: 1.25rem; }
h1 { font-size: 3rem !important; }
h2, h3 { font-size: 2.1rem !important; }
[data-testid="stMetricValue"] { font-size: 3.2rem !important; }
</style>
"""


def require_app() -> None:
    """Make sure a page runs inside app.py's navigation and frame.

    Streamlit keeps a legacy mode for apps with a ``pages/`` folder: when the very first
    request after a server start is a page URL (a shared deep link), it runs that page file
    on its own, without app.py, until some session runs ``st.navigation``. Leaving that
    mode and rerunning sends the request through app.py, which then opens the same page.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def language_switch() -> None:
    """Language first: every other label depends on it."""
    st.sidebar.segmented_control(
        t("sidebar.language"),
        options=list(LANGUAGES),
        format_func=str.upper,
        key=state.LANGUAGE_KEY,
        default="en",
        bind="query-params",
    )


def sidebar() -> None:
    """Dataset, journey, respondent filter and display mode."""
    choice = state.dataset()
    with st.sidebar:
        st.toggle(t("sidebar.large"), key=state.LARGE_KEY, bind="query-params")
        st.divider()
        st.caption(t("sidebar.dataset"))
        st.markdown(f"**{t('sidebar.demo') if choice.is_demo else widgets.md_text(choice.name)}**")
        try:
            whole = data.survey(choice)
        except MotError as exc:
            st.error(t("common.load_error", error=widgets.md_message(exc)))
            whole = None
        if not choice.is_default_demo and st.button(t("sidebar.back_to_demo"), key="sidebar_demo"):
            state.use_dataset(state.DEMO)
            st.rerun()
        if whole is None:
            return
        st.caption(
            t("sidebar.journey")
            + f": {widgets.md_text(whole.journey.name)} ({len(whole.journey.touchpoints)})"
        )
        _filter(whole)


def _filter(whole) -> None:
    segments = list(whole.segments)
    widgets.redraw_label(state.FILTER_SEGMENT_KEY)
    st.selectbox(  # "" = everyone (None in session state would mean "no choice")
        t("sidebar.filter"),
        options=["", *segments],
        key=state.FILTER_SEGMENT_KEY,
        format_func=lambda s: s or t("sidebar.filter_none"),
    )
    segment = st.session_state.get(state.FILTER_SEGMENT_KEY)
    if segment in segments:
        values = sorted(whole.respondents[segment].dropna().astype(str).unique())
        st.multiselect(
            t("sidebar.filter_values"),
            options=values,
            key=state.FILTER_VALUES_KEY,
            placeholder=t("sidebar.filter_placeholder"),
        )
    loaded = data.current()
    st.caption(t("sidebar.respondents", n=number(loaded.survey.n_respondents, 0)))


def display_mode() -> None:
    """Chart theme and type size for the chosen mode."""
    charts.register_themes()
    if state.large_type():
        st.html(LARGE_TYPE_CSS)
    alt.data_transformers.disable_max_rows()
