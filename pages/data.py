# Data: upload a survey, see how it was read, edit the column mapping and the journey, and read
# the validation report; upload an event log, correct its columns and read its bad rows; save
# the session as a workspace, rename, delete or open one. Each tab is a module of
# ui/data_tabs/; every change goes through ui.state (and ui.workspaces for the store).
import streamlit as st

from ui import frame
from ui.data_tabs import event_log_tab, survey_tab, workspace_tab
from ui.i18n import t

frame.require_app()

st.title(t("data.title"))
st.caption(t("data.caption"))
survey, log, saved = st.tabs([t("data.tab_survey"), t("data.tab_log"), t("workspace.tab")])
with log:
    event_log_tab.render()
with saved:
    workspace_tab.render()
with survey:
    survey_tab.render()  # last: it stops the page when the data cannot be read
