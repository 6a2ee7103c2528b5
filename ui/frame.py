"""The shared sidebar and the display mode, drawn by app.py on every page."""

from __future__ import annotations

import altair as alt
import streamlit as st

from mot import charts
from mot.errors import MotError
from ui import data, state, widgets, workspaces
from ui.i18n import LANGUAGES, number, t

# Every page, both sizes: a card's label, its number and the text under it wrap instead of
# being cut with an ellipsis ("−15.9 below expe…"), and so do the navigation's page names.
BASE_CSS = """
<style>
[data-testid="stMetric"] .stMarkdownEllipsis,
[data-testid="stMetric"] .stMarkdownEllipsis p,
[data-testid="stSidebarNav"] .stMarkdownEllipsis,
[data-testid="stSidebarNav"] .stMarkdownEllipsis p {
  white-space: normal !important;
  overflow: visible !important;
  text-overflow: clip !important;
  overflow-wrap: break-word;
}
[data-testid="stMetricDelta"] { height: auto !important; max-width: 100%; }
</style>
"""

# Large type (projectors). Streamlit sizes its text in rem (the table grid too: it converts
# rem with the page's root size), so one larger root size enlarges titles, headline numbers,
# card labels, navigation, widgets and tables together; the charts get the "mot_large" theme.
# Columns wrap onto a new line rather than squeeze their content: a card or a control needs
# 12rem, a chart 26rem (its axis labels alone take half of that).
LARGE_ROOT_PX = 20
LARGE_TYPE_CSS = f"""
<style>
html {{ font-size: {LARGE_ROOT_PX}px !important; }}
[data-testid="stSidebar"] {{ width: 18rem !important; min-width: 18rem !important; }}
[data-testid="stMainBlockContainer"] {{ padding: 2.5rem 2rem 4rem 2rem; }}
[data-testid="stHorizontalBlock"] {{ flex-wrap: wrap; }}
[data-testid="stColumn"] {{ min-width: min(100%, 12rem); }}
[data-testid="stColumn"]:has(.vega-embed) {{ min-width: min(100%, 26rem); }}
</style>
"""


PRESENT_PAGE = "present"
"""The presenter view's ``url_path`` (``pages/present.py``): large type and no sidebar."""

# The presenter view (a projector, 1280×720 and up), on top of the large type: no sidebar nor
# the button that opens it; the header's bar see-through and click-through but for its menu
# (⋮, the light/dark switch), so that the slide starts at the top, its controls left of the
# menu; the page's full width; a smaller page title and compact cards side by side (a slide
# fits the screen without scrolling). Constant: nothing from the data.
PRESENT_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"] { display: none !important; }
[data-testid="stHeader"] { background: transparent !important; }
[data-testid="stHeader"], [data-testid="stHeader"] * { pointer-events: none; }
[data-testid="stHeader"] button, [data-testid="stHeader"] a { pointer-events: auto; }
[data-testid="stMainBlockContainer"] {
  max-width: 100% !important; padding: 0.6rem 2rem 0.5rem 2rem !important;
}
[data-testid="stMainBlockContainer"] h1 { font-size: 2.3rem; padding: 0; }
[data-testid="stMainBlockContainer"] [data-testid="stVerticalBlock"] { gap: 0.55rem; }
.st-key-present_keys { display: none !important; }
.st-key-present_bar { padding-right: 2.5rem; }
.st-key-present_bar [data-testid="stCaptionContainer"] p { font-size: 0.95rem; }
[class*="st-key-present_cards_"] [data-testid="stMetric"] { padding: 0 !important; }
[class*="st-key-present_cards_"] [data-testid="stMetric"] > div {
  padding: 0.35rem 0.7rem !important; gap: 0.1rem !important;
}
[class*="st-key-present_cards_"] [data-testid="stHorizontalBlock"] > * {
  flex: 1 1 0 !important; min-width: 0 !important;
}
[class*="st-key-present_cards_"] [data-testid="stMetricValue"] { font-size: 1.9rem; }
.st-key-present_cards_end [data-testid="stMetricValue"] { font-size: 1.6rem; }
.st-key-present_title h1 { font-size: 3.2rem; }
.st-key-present_journey p { font-size: 1.4rem; line-height: 1.7; }
.st-key-present_sentence p { font-size: 1.2rem; font-weight: 600; }
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


def display_controls() -> None:
    """The language and large-type switches, which keep their value in the URL.

    Drawn after ``st.navigation``: a switch bound to the URL that runs before it is reset by
    a page change. What runs earlier (the page titles, the display mode) reads the value the
    switch will have through :func:`ui.state.language` and :func:`ui.state.large_type`.
    """
    st.sidebar.segmented_control(
        t("sidebar.language"),
        options=list(LANGUAGES),
        format_func=str.upper,
        key=state.LANGUAGE_KEY,
        default="en",
        bind="query-params",
    )
    st.sidebar.toggle(
        t("sidebar.large"), key=state.LARGE_KEY, bind="query-params", help=t("sidebar.large_help")
    )


def sidebar(page: object | None = None) -> None:
    """Under the navigation: the dataset (and its workspace), journey and respondent filter
    (what changes while working, so that the filter's values show without scrolling on a
    900-pixel screen), then the language and large type.

    First the link is followed (:func:`ui.workspaces.follow_link`): a workspace that cannot
    be opened stops the page with its message and a way back to the demo. Parameters of
    other pages than ``page`` (the one ``st.navigation`` chose) leave the URL.
    """
    if page is not None:
        state.keep_page_params(getattr(page, "url_path", ""))
    problem = workspaces.follow_link()
    if problem is not None:
        _link_problem(problem)
    if notice := state.take_notice():
        text, done = notice
        show = st.success if done else st.warning
        show(
            widgets.md_message(text),
            icon=":material/cloud_done:" if done else ":material/cloud_off:",
        )
    _dataset()
    st.sidebar.divider()
    display_controls()


def _link_problem(problem: object) -> None:
    """The link's workspace cannot be opened: say why, offer the demo, draw nothing else."""
    st.title(t("workspace.problem_title"))
    st.error(widgets.md_message(problem), icon=":material/link_off:")
    if st.button(t("workspace.open_demo"), key="link_demo", type="primary"):
        workspaces.back_to_demo()
        st.rerun()
    display_controls()
    st.stop()


def _dataset() -> None:
    choice = state.dataset()
    with st.sidebar:
        st.caption(t("sidebar.dataset"))
        st.markdown(f"**{t('sidebar.demo') if choice.is_demo else widgets.md_text(choice.name)}**")
        try:
            whole = data.survey(choice)
        except MotError as exc:
            st.error(t("common.load_error", error=widgets.md_message(exc)))
            whole = None
        _workspace()
        if not choice.is_default_demo and st.button(t("sidebar.back_to_demo"), key="sidebar_demo"):
            workspaces.back_to_demo()
            st.rerun()
        if whole is None:
            return
        st.caption(
            t("sidebar.journey")
            + f": {widgets.md_text(whole.journey.name)} ({len(whole.journey.touchpoints)})"
        )
        _filter(whole)


def _workspace() -> None:
    """The workspace shown (draft or named) and, when it holds several surveys, the wave."""
    shown = state.workspace()
    if shown is None:
        return
    name = widgets.md_text(shown.name)
    key = "workspace.sidebar_draft" if shown.draft else "workspace.sidebar_named"
    st.caption(t(key, name=name))
    if len(shown.waves) < 2:
        return
    ids, texts = [w for w, _ in shown.waves], dict(shown.waves)
    picked = st.selectbox(
        t("workspace.wave"),
        ids,
        index=ids.index(shown.wave) if shown.wave in ids else len(ids) - 1,
        format_func=texts.get,
        key=f"sidebar_wave_{shown.tag}",
    )
    if picked != shown.wave:
        workspaces.show_wave(picked)
        st.rerun()


def _filter(whole) -> None:
    # Both widgets keep their value in the link (?filter_segment=device&filter_values=mobile);
    # a link's values that this survey does not have are dropped by Streamlit.
    segments = list(whole.segments)
    state.apply_filter_reset()
    widgets.redraw_label(state.FILTER_SEGMENT_KEY)
    segment = st.selectbox(  # "" = everyone (None in session state would mean "no choice")
        t("sidebar.filter"),
        options=["", *segments],
        key=state.FILTER_SEGMENT_KEY,
        format_func=lambda s: s or t("sidebar.filter_none"),
        bind="query-params",
    )
    if segment in segments:
        values = sorted(whole.respondents[segment].dropna().astype(str).unique())
        st.multiselect(
            t("sidebar.filter_values"),
            options=values,
            key=state.FILTER_VALUES_KEY,
            placeholder=t("sidebar.filter_placeholder"),
            bind="query-params",
        )
    loaded = data.current()
    st.caption(t("sidebar.respondents", n=number(loaded.survey.n_respondents, 0)))


# The viewer switches between the light and the dark theme in the app menu without a rerun,
# so the server would not know until the next click: this watcher compares the page's
# background with the theme the charts were drawn for and asks for a rerun when they differ.
# Trusted code of the app (no user text reaches it); nothing is drawn.
_THEME_WATCH_JS = """
export default function ({ data, setTriggerValue }) {
  const scheme = () => {
    const app = document.querySelector(".stApp") || document.body;
    const rgb = (getComputedStyle(app).backgroundColor.match(/[0-9.]+/g) || [255, 255, 255]);
    const [r, g, b] = rgb.map(Number);
    return 0.299 * r + 0.587 * g + 0.114 * b < 128 ? "dark" : "light";
  };
  const timer = setInterval(() => {
    const now = scheme();
    if (now !== data) {
      clearInterval(timer);
      setTriggerValue("scheme", now);
    }
  }, 400);
  return () => clearInterval(timer);
}
"""
_THEME_WATCH_CSS = "<style>.st-key-" + state.THEME_WATCH_KEY + " { display: none; }</style>"
_theme_watch = st.components.v2.component("mot_theme_watch", js=_THEME_WATCH_JS)


def _scheme_changed() -> None:
    reported = getattr(st.session_state[state.THEME_WATCH_KEY], "scheme", None)
    state.remember_scheme(reported)


def display_mode(page: object | None = None) -> None:
    """Chart theme and type size for the chosen mode, the watcher of the light/dark theme
    (charts are recoloured for the dark one: :func:`ui.state.dark`), and the snippet that
    keeps this browser's key in a cookie (:func:`ui.workspaces.browser_watch`).

    On the presenter view (``page``, the one ``st.navigation`` chose, at
    :data:`PRESENT_PAGE`) large type is forced and the sidebar hidden from the first
    moment of the run, before the sidebar is drawn (:func:`ui.state.presenting`).
    """
    charts.register_themes()
    presenting = getattr(page, "url_path", None) == PRESENT_PAGE
    state.presenting(presenting)
    large = LARGE_TYPE_CSS if state.large_type() else ""
    shown = PRESENT_CSS if presenting else ""
    st.html(BASE_CSS + _THEME_WATCH_CSS + workspaces.BROWSER_CSS + large + shown)
    workspaces.browser_watch()
    _theme_watch(
        data="dark" if state.dark() else "light",
        key=state.THEME_WATCH_KEY,
        on_scheme_change=_scheme_changed,
    )
    alt.data_transformers.disable_max_rows()
