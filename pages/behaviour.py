# Behaviour: what customers did (the event log) mapped to the moments of truth, and how it
# links to what the same customers said in the survey. Each tab is a module of ui/behaviour/.
import streamlit as st

from mot.errors import MotError
from ui import frame, logs, widgets
from ui.behaviour import (
    context,
    funnel_tab,
    rules_tab,
    segments_tab,
    survey_tab,
    time_tab,
    trend_tab,
)
from ui.i18n import t

frame.require_app()

st.title(t("nav.behaviour"))
st.caption(t("behaviour.caption"))
try:
    opened = logs.current()
except MotError as exc:
    st.error(t("behaviour.load_error", error=widgets.md_message(exc)))
    widgets.link_to_data()
    st.stop()
page = context.page(opened)
context.header(page)

tab_names = ["funnel", "time", "trend", "segments", "survey", "rules"]
tabs = dict(zip(tab_names, st.tabs([t(f"behaviour.tab.{n}") for n in tab_names]), strict=True))

with tabs["rules"]:
    rules_tab.render(page)

if not page.steps:
    message = t("behaviour.no_rules") if not opened.steps else t("behaviour.nothing_reached")
    for name in tab_names[:-1]:
        tabs[name].info(message)
    st.stop()

with tabs["funnel"]:
    funnel = funnel_tab.render(page)
with tabs["time"]:
    time_tab.render(page)
with tabs["trend"]:
    trend_tab.render(page, funnel)
with tabs["segments"]:
    segments_tab.render(page)
with tabs["survey"]:
    survey_tab.render(page)
