# Data: upload a survey, see how it was read, edit the column mapping and the journey, and read
# the validation report; upload an event log, correct its columns and read its bad rows.
# Each tab is a module of ui/data_tabs/; every change goes through ui.state.
import streamlit as st

from ui import frame
from ui.data_tabs import event_log_tab, survey_tab
from ui.i18n import t

frame.require_app()

st.title(t("data.title"))
st.caption(t("data.caption"))
survey, log = st.tabs([t("data.tab_survey"), t("data.tab_log")])
with log:
    event_log_tab.render()
with survey:
    survey_tab.render()
