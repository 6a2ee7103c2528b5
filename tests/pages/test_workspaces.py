"""Workspaces and links in the dashboard (issue 13): an upload becomes a draft whose link
brings it back, edits are saved, a link restores the view (filter, split, touchpoint,
language), an unknown link says so, no session sees another's data, save / rename / delete /
list, the hourly purge.

Each test has a store of its own (``MOT_DATA_DIR`` in its temporary folder); sessions are
AppTest runs of ``app.py`` (the first run, what opening a link does) or of the Data page (its
buttons and uploads).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import update
from streamlit.testing.v1 import AppTest

import mot.store._tables as tables
from mot.messages import Message, render
from mot.store import Store
from tests.pages.conftest import BROKEN, VALID_EXPORT, page_path
from ui import state, workspaces
from ui.state import widget_tag

# A second survey: 30 respondents, every one of them on a tablet, another file name.
OTHER_EXPORT = b"ResponseId,device,FMOT_experienced,TMOT_experienced,recomendacion\n" + b"".join(
    f"S{i},tablet,{1 + i % 5},{2 + i % 4},{i % 11}\n".encode() for i in range(30)
)
LOG = (
    b"user_id,session_id,timestamp,event\n"
    b"u1,s1,2026-03-02T10:00:00Z,landing\n"
    b"u1,s1,2026-03-02T10:01:00Z,product_view\n"
    b"u2,s2,2026-03-03T09:00:00Z,landing\n"
)


def app(**params: str) -> AppTest:
    """A browser opening the app at ``/?params`` (a new session, its first run)."""
    at = AppTest.from_file(page_path("app.py"), default_timeout=120)
    for name, value in params.items():
        at.query_params[name] = value
    return at.run()


def data_page(**params: str) -> AppTest:
    at = AppTest.from_file(page_path("pages/data.py"), default_timeout=120)
    for name, value in params.items():
        at.query_params[name] = value
    return at.run()


def sidebar(at: AppTest) -> str:
    return " ".join([m.value for m in at.sidebar.markdown] + [c.value for c in at.sidebar.caption])


def everything(at: AppTest) -> str:
    parts = [e.value for kind in ("markdown", "caption", "info", "error", "warning", "title")
             for e in getattr(at, kind)]  # fmt: skip
    return " ".join(map(str, parts))


def clean(at: AppTest) -> None:
    assert not at.exception, at.exception


def upload(at: AppTest, name: str, content: bytes, key: str = "data_upload") -> AppTest:
    at.file_uploader(key=key).upload(name, content, "text/csv")
    return at.run()


def listed_of(at: AppTest):
    """The table of the workspaces this browser created (the Data page's Workspace tab)."""
    return next(d.value for d in at.dataframe if "Kept as" in d.value.columns)


def saved(store: Store, name: str, content: bytes, **fields) -> str:
    """A workspace made as the command line makes one (no browser created it)."""
    ws = store.create_workspace(name)
    store.add_dataset(ws.id, kind="survey", file_name=name, content=content, **fields)
    return ws.id


# --- an upload survives a reload ----------------------------------------------------------


def test_an_upload_is_a_private_draft_whose_link_brings_it_back(store):
    at = upload(data_page(), "wave_a.csv", VALID_EXPORT)
    clean(at)
    ident = at.query_params["w"]
    found = store.workspace(ident)
    assert found.draft
    assert found.creator == workspaces.creator_of(at.session_state[state.BROWSER_KEY])
    (dataset,) = store.datasets(ident)
    assert (dataset.kind, dataset.file_name) == ("survey", "wave_a.csv")
    assert store.file_content(dataset.sha256) == VALID_EXPORT
    assert at.session_state["dataset"].dataset_id == dataset.id
    # A reload, a reconnect or a bookmark: a new session on the same address.
    again = app(w=ident)
    clean(again)
    assert "wave_a.csv" in sidebar(again)
    assert "40 respondents" in sidebar(again)
    assert "Draft workspace" in sidebar(again)
    assert again.query_params["w"] == ident


def test_a_journey_edit_on_the_data_page_is_saved_to_the_workspace(store):
    at = upload(data_page(), "wave_a.csv", VALID_EXPORT)
    ident = at.query_params["w"]
    journey = at.session_state["dataset"]
    from ui import data

    edited = data.journey(journey).to_dict() | {"name": "Hotel stay"}
    at.file_uploader(key="data_journey_file_upload").upload(
        "journey.json", json.dumps(edited).encode(), "application/json"
    )
    at.run()
    clean(at)
    (dataset,) = store.datasets(ident)
    assert json.loads(dataset.journey_json)["name"] == "Hotel stay"
    assert at.query_params["w"] == ident  # the same workspace: an edit is not a new draft
    again = app(w=ident)
    clean(again)
    assert "Journey: Hotel stay (5)" in sidebar(again)


def test_an_event_log_upload_goes_into_the_draft_and_comes_back(store):
    at = upload(data_page(), "wave_a.csv", VALID_EXPORT)
    ident = at.query_params["w"]
    upload(at, "shop_log.csv", LOG, key="data_log_upload")
    clean(at)
    kinds = sorted((d.kind, d.file_name) for d in store.datasets(ident))
    assert kinds == [("events", "shop_log.csv"), ("survey", "wave_a.csv")]
    again = app(w=ident)
    clean(again)
    log = again.session_state["event_log"]
    assert (log.name, log.content) == ("shop_log.csv", LOG)


def test_a_refused_upload_leaves_no_draft(store):
    at = upload(data_page(), "broken.csv", BROKEN)
    clean(at)
    assert at.session_state["dataset"] == state.DEMO
    assert "w" not in at.query_params
    assert store.list_workspaces(drafts=True) == []
    assert store.n_files() == 0


def test_a_file_over_the_store_limit_is_used_in_the_session_and_said_not_saved(store, monkeypatch):
    monkeypatch.setenv("MOT_MAX_UPLOAD_MB", "0.001")  # 1 KB: the 1.3 KB export is over it
    at = upload(data_page(), "wave_a.csv", VALID_EXPORT)
    clean(at)
    assert at.session_state["dataset"].name == "wave_a.csv"
    assert "w" not in at.query_params
    notice, _ = at.session_state[state.NOTICE_KEY]
    assert "MOT_MAX_UPLOAD_MB" in notice
    assert store.list_workspaces(drafts=True) == []


def test_back_to_the_demo_leaves_the_workspace(store):
    at = upload(data_page(), "wave_a.csv", VALID_EXPORT)
    ident = at.query_params["w"]
    at.button(key="data_demo").click().run()
    clean(at)
    assert "w" not in at.query_params
    assert at.session_state["dataset"] == state.DEMO
    assert store.workspace_exists(ident)  # left, not deleted: its link still opens it


def _open_then_add_log(ident, log):
    from ui import state, workspaces

    if state.workspace() is None:
        workspaces.open_workspace(ident)
        state.use_event_log(workspaces.keep_event_log(state.EventLogChoice("shop_log.csv", log)))


def test_an_event_log_for_a_named_workspace_goes_into_a_new_draft(store):
    ident = saved(store, "wave_a.csv", VALID_EXPORT)
    at = AppTest.from_function(_open_then_add_log, args=(ident, LOG), default_timeout=120).run()
    clean(at)
    assert [d.kind for d in store.datasets(ident)] == ["survey"]  # theirs unchanged
    draft = at.query_params["w"]
    assert draft != ident and store.workspace(draft).draft
    stored = {d.kind: store.file_content(d.sha256) for d in store.datasets(draft)}
    assert stored == {"survey": VALID_EXPORT, "events": LOG}


def test_an_upload_is_used_even_when_the_store_cannot_be_reached(monkeypatch):
    monkeypatch.setenv("MOT_DATABASE_URL", "postgresql+psycopg://mot@127.0.0.1:9/nowhere")
    at = upload(data_page(), "wave_a.csv", VALID_EXPORT)
    clean(at)
    assert at.session_state["dataset"].name == "wave_a.csv"
    assert "w" not in at.query_params
    notice, done = at.session_state[state.NOTICE_KEY]
    assert not done
    assert notice.startswith("Your change is used in this session but could not be saved")
    assert "cannot be reached" in notice


# --- a link restores the view --------------------------------------------------------------


def test_a_link_restores_the_filter_and_the_language(store):
    ident = saved(store, "wave_a.csv", VALID_EXPORT)
    at = app(w=ident, filter_segment="device", filter_values="mobile", lang="ES", large="true")
    clean(at)
    # Counted apart: the odd-numbered respondents of VALID_EXPORT are on a mobile.
    mobile = sum(1 for i in range(40) if i % 2)
    assert f"{mobile} personas" in sidebar(at)
    assert at.selectbox(key=state.FILTER_SEGMENT_KEY).value == "device"
    assert at.multiselect(key=state.FILTER_VALUES_KEY).value == ["mobile"]
    assert at.session_state[state.LARGE_KEY] is True
    assert at.title[0].value == "Resumen del recorrido"
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Personas encuestadas"] == str(mobile)


def test_a_link_filter_the_survey_does_not_have_is_dropped(store):
    ident = saved(store, "wave_a.csv", VALID_EXPORT)
    at = app(w=ident, filter_segment="device", filter_values="smart_tv")
    clean(at)
    assert "40 respondents" in sidebar(at)


def test_a_link_restores_a_page_split_and_the_picked_touchpoint(store):
    ident = saved(store, "wave_a.csv", VALID_EXPORT)
    at = AppTest.from_file(page_path("app.py"), default_timeout=120)
    at.switch_page("pages/emotion.py")
    for name, value in {"w": ident, "emotion_segment": "device", "touchpoint": "TMOT"}.items():
        at.query_params[name] = value
    at.run()
    clean(at)
    assert at.selectbox(key="emotion_segment").value == "device"
    assert "Focused on Third moment of truth." in [i.value for i in at.info]
    assert at.query_params["touchpoint"] == "TMOT"


def test_a_touchpoint_the_journey_does_not_have_focuses_nothing(store):
    ident = saved(store, "wave_a.csv", VALID_EXPORT)
    at = AppTest.from_file(page_path("app.py"), default_timeout=120)
    at.switch_page("pages/emotion.py")
    at.query_params["w"] = ident
    at.query_params["touchpoint"] = "<script>"
    at.run()
    clean(at)
    assert not [i.value for i in at.info if i.value.startswith("Focused on")]


def test_another_page_drops_the_emotion_page_touchpoint(store):
    ident = saved(store, "wave_a.csv", VALID_EXPORT)
    at = app(w=ident, touchpoint="TMOT")
    clean(at)
    assert "touchpoint" not in at.query_params
    assert at.query_params["w"] == ident


def test_a_wave_parameter_picks_the_survey_and_the_newest_is_the_default(store):
    ident = saved(store, "wave_a.csv", VALID_EXPORT, label="Q1")
    second = store.add_dataset(
        ident, kind="survey", file_name="wave_b.csv", content=OTHER_EXPORT, label="Q2"
    )
    first = next(d for d in store.datasets(ident) if d.label == "Q1")
    newest = app(w=ident)
    clean(newest)
    assert "30 respondents" in sidebar(newest)
    assert newest.query_params["wave"] == second.id
    assert newest.selectbox(key=f"sidebar_wave_{widget_tag(ident)}").value == second.id
    chosen = app(w=ident, wave=first.id)
    clean(chosen)
    assert "40 respondents" in sidebar(chosen)
    assert chosen.query_params["wave"] == first.id


# --- links that cannot be opened -----------------------------------------------------------


@pytest.mark.parametrize(
    "ident", ["x" * 23, "../../etc/passwd", "-rf", "", "ab", "ünïcode-ünïcode-ünïcode"]
)
@pytest.mark.parametrize("language", ["EN", "ES"])
def test_an_unknown_or_malformed_link_says_so_and_offers_the_demo(store, ident, language):
    at = app(w=ident, lang=language)
    clean(at)
    expected = render(Message("store.unknown_workspace"), language.lower())
    assert [e.value for e in at.error] == [expected]
    demo = "Open the demo" if language == "EN" else "Abrir la demo"
    assert [b.label for b in at.button] == [demo]
    assert not at.metric, "no data is shown under the message"
    assert at.session_state["dataset"] == state.DEMO


def test_a_deleted_workspace_link_says_so(store):
    ident = saved(store, "wave_a.csv", VALID_EXPORT)
    store.delete_workspace(ident)
    at = app(w=ident)
    clean(at)
    assert [e.value for e in at.error] == [render(Message("store.unknown_workspace"), "en")]
    assert "wave_a" not in everything(at)


def test_a_store_that_cannot_be_reached_says_so_in_the_language(monkeypatch):
    monkeypatch.setenv("MOT_DATABASE_URL", "postgresql+psycopg://mot@127.0.0.1:9/nowhere")
    at = app(w="x" * 23, lang="ES")
    clean(at)
    assert [e.value for e in at.error] == [
        render(Message("store.unavailable", dialect="postgresql"), "es")
    ]
    assert at.title[0].value == "No se puede abrir este enlace"


def _the_frame():
    import streamlit as st

    from ui import frame, state

    frame.sidebar()
    st.write(f"shown: {state.dataset().name}")


def test_the_way_back_opens_the_demo_without_the_link(store):
    at = AppTest.from_function(_the_frame, default_timeout=120)
    at.query_params["w"] = "x" * 23
    at.run()
    at.button(key="link_demo").click().run()
    clean(at)
    assert "w" not in at.query_params
    assert not at.error
    assert "shown: demo_survey.csv" in [m.value for m in at.markdown]


# --- no session sees another's data -------------------------------------------------------


def test_two_sessions_see_only_their_own_workspace(store):
    first = saved(store, "wave_a.csv", VALID_EXPORT)
    second = saved(store, "tablets.csv", OTHER_EXPORT)
    a, b, demo = app(w=first), app(w=second), app()
    for at in (a, b, demo):
        clean(at)
    assert "40 respondents" in sidebar(a) and "wave" in sidebar(a)
    assert "30 respondents" in sidebar(b) and "tablets" in sidebar(b)
    assert "2,000 respondents" in sidebar(demo)
    assert "tablets" not in everything(a) and "wave" not in everything(b)
    assert "tablets" not in everything(demo) and "wave" not in everything(demo)
    # The same process serves A again after B: A's caches give A's numbers.
    a.run()
    assert "40 respondents" in sidebar(a) and "tablets" not in everything(a)
    assert {m.label: m.value for m in a.metric}["Respondents"] == "40"
    assert {m.label: m.value for m in b.metric}["Respondents"] == "30"


# --- save, rename, delete, list --------------------------------------------------------------


def test_save_rename_and_delete_a_workspace(store):
    at = upload(data_page(), "wave_a.csv", VALID_EXPORT)
    ident = at.query_params["w"]
    at.text_input(key=f"workspace_name_{widget_tag(ident)}").input("Q3 survey")
    at.button(key="workspace_save").click().run()
    clean(at)
    found = store.workspace(ident)
    assert (found.name, found.draft) == ("Q3 survey", False)  # the draft keeps its link
    assert at.query_params["w"] == ident
    at.text_input(key=f"workspace_rename_{widget_tag(ident)}").input("Q3 survey, final")
    at.button(key="workspace_rename").click().run()
    assert store.workspace(ident).name == "Q3 survey, final"
    assert at.button(key="workspace_delete").disabled  # until the deletion is confirmed
    at.checkbox(key=f"workspace_sure_{widget_tag(ident)}").check().run()
    at.button(key="workspace_delete").click().run()
    clean(at)
    assert not store.workspace_exists(ident)
    assert store.n_files() == 0  # its file too
    assert "w" not in at.query_params
    assert at.session_state["dataset"] == state.DEMO
    assert at.session_state[state.NOTICE_KEY] == (
        "The workspace “Q3 survey, final” and its files were deleted.",
        True,
    )
    assert app(w=ident).error  # the link no longer opens it


def test_the_demo_saved_as_a_workspace_stores_its_file(store):
    at = data_page()
    at.text_input(key="workspace_name_").input("Demo for the workshop")
    at.button(key="workspace_save").click().run()
    clean(at)
    ident = at.query_params["w"]
    found = store.workspace(ident)
    assert (found.name, found.draft) == ("Demo for the workshop", False)
    (dataset,) = store.datasets(ident)
    assert store.file_content(dataset.sha256) == state.DEMO_SURVEY.read_bytes()


def test_an_empty_name_is_refused_with_its_message(store):
    at = upload(data_page(), "wave_a.csv", VALID_EXPORT)
    ident = at.query_params["w"]
    at.text_input(key=f"workspace_name_{widget_tag(ident)}").input("   ")
    at.button(key="workspace_save").click().run()
    clean(at)
    assert any("needs a name" in e.value for e in at.error)
    assert store.workspace(ident).draft


def test_each_browser_lists_the_workspaces_it_created(store):
    mine = upload(data_page(), "wave_a.csv", VALID_EXPORT)
    theirs = upload(data_page(), "tablets.csv", OTHER_EXPORT)
    mine.run()
    listed = listed_of(mine)
    assert listed["Name"].tolist() == ["wave_a.csv"]
    assert listed["Kept as"].tolist() == ["draft"]
    theirs.run()
    assert listed_of(theirs)["Name"].tolist() == ["tablets.csv"]
    # the same browser (its cookie's key) in a new session sees its list
    again = AppTest.from_file(page_path("pages/data.py"), default_timeout=120)
    again.session_state[state.BROWSER_KEY] = mine.session_state[state.BROWSER_KEY]
    again.run()
    assert listed_of(again)["Name"].tolist() == ["wave_a.csv"]
    # and opens it from there
    again.button(key="workspace_open").click().run()
    clean(again)
    assert again.query_params["w"] == mine.query_params["w"]
    assert again.session_state["dataset"].name == "wave_a.csv"


def test_opening_another_browsers_workspace_and_saving_it_makes_a_copy(store):
    ident = saved(store, "wave_a.csv", VALID_EXPORT)
    # a session showing that workspace (as a link opens it), then "Save as workspace"
    shown = AppTest.from_function(_open_then_save, args=(ident,), default_timeout=120).run()
    clean(shown)
    copies = [w for w in store.list_workspaces() if w.id != ident]
    assert [c.name for c in copies] == ["My copy"]
    (copy,) = store.datasets(copies[0].id)
    assert store.file_content(copy.sha256) == VALID_EXPORT
    assert store.workspace(ident).name == "wave_a.csv"  # theirs unchanged


def _open_then_save(ident):
    from ui import state, workspaces

    if state.workspace() is None:
        workspaces.open_workspace(ident)
        workspaces.save_as("My copy")


# --- the retention purge --------------------------------------------------------------------


def _old(store: Store, ident: str) -> None:
    past = datetime.now(UTC) - timedelta(days=400)
    with store.engine.begin() as connection:
        connection.execute(
            update(tables.workspaces).where(tables.workspaces.c.id == ident).values(used_at=past)
        )


def _touch_store():
    from ui import workspaces

    workspaces.retention_days()


def test_the_retention_purge_runs_at_most_once_an_hour_per_process(store):
    workspaces._purged.clear()
    first = saved(store, "wave_a.csv", VALID_EXPORT)
    _old(store, first)
    AppTest.from_function(_touch_store, default_timeout=60).run()
    assert not store.workspace_exists(first)  # purged on first use
    second = saved(store, "tablets.csv", OTHER_EXPORT)
    _old(store, second)
    AppTest.from_function(_touch_store, default_timeout=60).run()
    assert store.workspace_exists(second)  # within the hour: not again
    workspaces._purged.clear()  # an hour later
    AppTest.from_function(_touch_store, default_timeout=60).run()
    assert not store.workspace_exists(second)
