"""What a careless or hostile file must not do to the dashboard (issue 9, the UI side)."""

import json

from streamlit.testing.v1 import AppTest

from ui import state

from .conftest import page_path

NO_EDITS = {"edited_rows": {}, "added_rows": [], "deleted_rows": []}


def run_page(page: str, **session) -> AppTest:
    at = AppTest.from_file(page_path(page), default_timeout=120)
    for key, value in session.items():
        at.session_state[key] = value
    return at.run()


# --- edits on the demo data are honoured ----------------------------------------------------


def test_a_journey_edit_on_the_demo_is_shown_on_the_overview_and_not_shared():
    at = run_page("pages/data.py")
    editor = at.data_editor(key=f"data_journey_{state.DEMO.key}")
    smot = int(editor.value.index[editor.value["touchpoint"] == "SMOT"][0])
    at.session_state[f"data_journey_{state.DEMO.key}"] = {
        **NO_EDITS,
        "edited_rows": {smot: {"label_en": "Our shop visit"}},
    }
    at.button(key="data_apply_journey").click().run()
    assert not at.exception, at.exception
    edited = at.session_state["dataset"]
    assert edited.is_demo and not edited.is_default_demo
    overview = run_page("pages/overview.py", dataset=edited)
    assert not overview.exception, overview.exception
    deltas = {m.label: m.delta for m in overview.metric}
    assert deltas["Best moment"].startswith("Our shop visit")
    other = run_page("pages/overview.py")  # another session, on the plain demo
    deltas = {m.label: m.delta for m in other.metric}
    assert deltas["Best moment"].startswith("Second moment of truth")


def test_a_mapping_edit_on_the_demo_is_honoured():
    at = run_page("pages/data.py")
    table = at.data_editor(key=f"data_mapping_{state.DEMO.key}").value
    device = int(table.index[table["column"] == "device"][0])
    at.session_state[f"data_mapping_{state.DEMO.key}"] = {
        **NO_EDITS,
        "edited_rows": {device: {"role": "ignore"}},
    }
    at.button(key="data_apply_mapping").click().run()
    assert not at.exception, at.exception
    edited = at.session_state["dataset"]
    plain = run_page("pages/utilities.py")
    assert "device" in plain.selectbox(key="utilities_segment").options
    mine = run_page("pages/utilities.py", dataset=edited)
    assert not mine.exception, mine.exception
    options = mine.selectbox(key="utilities_segment").options
    assert "device" not in options and "channel" in options
