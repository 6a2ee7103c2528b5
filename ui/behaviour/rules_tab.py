"""The Behaviour page's Rules tab: the event → touchpoint rules, editable, and the events no
rule maps."""

from __future__ import annotations

import json

import streamlit as st

from mot.behaviour import journey_with_rules, rules_from_frame
from mot.errors import MotError
from ui import log_queries, state, widgets
from ui.behaviour.context import Page
from ui.i18n import t


def render(p: Page) -> None:
    """Draw the tab; applying edited rules switches the session to the journey with them."""
    opened = p.opened
    st.caption(t("behaviour.rules_caption"))
    edited = st.data_editor(
        opened.rules.to_frame(),
        key=f"behaviour_rules_{opened.key}",
        num_rows="dynamic",
        hide_index=True,
        column_config={
            "touchpoint": st.column_config.SelectboxColumn(
                t("chart.touchpoint"),
                options=list(opened.journey.ids),
                format_func=p.label,
                required=True,
            ),
            "keyword": st.column_config.TextColumn(
                t("behaviour.col.keyword"), help=t("behaviour.keyword_help"), required=True
            ),
        },
    )
    if st.button(t("behaviour.apply_rules"), key="behaviour_apply_rules", type="primary"):
        try:
            rules = rules_from_frame(edited, opened.journey)
            journey = journey_with_rules(opened.journey, rules)
        except MotError as exc:
            st.error(t("behaviour.rules_error", error=widgets.md_message(exc)))
        else:
            state.use_dataset(state.dataset().with_journey(journey.to_dict()))
            st.rerun()
    st.download_button(
        t("behaviour.download_journey"),
        json.dumps(opened.journey.to_dict(), ensure_ascii=False, indent=2).encode("utf-8"),
        file_name="journey.json",
        mime="application/json",
        key="behaviour_journey_download",
        help=t("behaviour.download_journey_help"),
    )
    st.subheader(t("behaviour.unmatched_events"))
    unmatched = log_queries.unmatched(opened)
    if unmatched.empty:
        st.success(t("behaviour.all_matched"))
    else:
        st.caption(t("behaviour.unmatched_caption"))
        widgets.table(
            unmatched,
            columns={"event": t("behaviour.col.event"), "count": t("behaviour.col.count")},
            key="behaviour_unmatched",
        )
