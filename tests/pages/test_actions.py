"""Corrective actions (issue 13): edited in a table on the Gaps page, stored in the workspace,
flagged on the journey map, listed in the report, with the before/after of their touchpoint
when a later wave exists; two people saving at once are told and shown the other change.

The editing tests run the Gaps page's section under the shared frame (which follows the
``?w=`` link), as the Data page's tests do, so that clicks rerun the section; the page
itself is drawn through ``app.py``. The editor's cells are edited the way Streamlit keeps
them: its edit state (``edited_rows``, ``added_rows``, ``deleted_rows``) set before a run.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from streamlit.testing.v1 import AppTest

from mot.actions import actions_frame
from mot.store import Action, Store
from tests.pages.conftest import page_path
from tests.pages.test_analysis_pages import chart_data
from tests.pages.test_decision_pages import demo
from ui import report_builder

DATA = Path(__file__).resolve().parents[2] / "data"


def _section():
    from ui import actions_view, frame, widgets

    frame.sidebar()
    actions_view.section(widgets.loaded_or_stop())


def _workspace(store: Store, *waves: tuple[str, str]) -> tuple[str, list[str]]:
    ws = store.create_workspace("actions")
    ids = []
    for name, label in waves or (("demo_survey.csv", "June"),):
        content = (DATA / name).read_bytes()
        ids.append(
            store.add_dataset(ws.id, kind="survey", file_name=name, content=content, label=label).id
        )
    return ws.id, ids


def _open(ident: str | None, lang: str = "EN") -> AppTest:
    at = AppTest.from_function(_section, default_timeout=180)
    if ident:
        at.query_params["w"] = ident
    at.session_state["lang"] = lang.lower()
    at.run()
    assert not at.exception, at.exception
    return at


def _edit(at: AppTest, *, edited=None, added=None, deleted=None) -> AppTest:
    """Set the editor's edits (as the browser sends them) and rerun."""
    editor = at.data_editor[0]
    at.session_state[editor.key] = {
        "edited_rows": edited or {},
        "added_rows": added or [],
        "deleted_rows": deleted or [],
    }
    at.run()
    assert not at.exception, at.exception
    return at


def _save(at: AppTest) -> AppTest:
    at.button(key="gaps_actions_save").click().run()
    assert not at.exception, at.exception
    return at


def _words(at: AppTest) -> str:
    kinds = ("markdown", "caption", "info", "warning", "error", "success", "toast")
    return " ".join(str(e.value) for kind in kinds for e in getattr(at, kind))


def _table_cells(at: AppTest) -> set[str]:
    return {str(v) for table in at.table for v in table.value.to_numpy().ravel()}


def test_an_action_added_in_the_table_is_stored_in_the_workspace(store):
    ident, (june,) = _workspace(store)
    at = _open(ident)
    assert at.data_editor[0].value.empty
    added = {
        "touchpoint": "TMOT",
        "title": "Text the delivery slot",
        "owner": "Ana",
        "status": "planned",
        "due": "2027-01-15",
        "gap": "expected",
        "note": "pilot in Madrid",
    }
    _save(_edit(at, added=[added, {}]))  # the second added row is left blank: ignored
    (stored,) = store.actions(ident)
    assert (stored.title, stored.owner, stored.status, stored.gap) == (
        "Text the delivery slot",
        "Ana",
        "planned",
        "expected",
    )
    assert stored.due == date(2027, 1, 15) and stored.note == "pilot in Madrid"
    assert stored.wave == june and stored.version == 1  # decided on the wave shown
    assert "Saved: 1 change(s)" in _words(at)
    shown = at.data_editor[0].value
    assert shown["title"].tolist() == ["Text the delivery slot"]  # the editor starts again


def test_a_row_without_a_title_stops_the_save_and_says_which(store):
    ident, _ = _workspace(store)
    at = _save(_edit(_open(ident), added=[{"touchpoint": "FMOT", "owner": "Luis"}]))
    assert "Row 1: give the action a title" in _words(at)
    assert store.actions(ident) == []
    at = _save(_edit(_open(ident), added=[{"title": "No touchpoint"}]))
    assert "Row 1 (“No touchpoint”): pick its touchpoint" in _words(at)
    assert store.actions(ident) == []


def test_editing_and_deleting_rows(store):
    ident, (june,) = _workspace(store)
    first = store.save_action(Action("", ident, "FMOT", "Shelf signs", wave=june))
    second = store.save_action(Action("", ident, "TMOT", "Call ahead", wave=june))
    at = _open(ident)
    titles = at.data_editor[0].value["title"].tolist()
    assert titles == ["Shelf signs", "Call ahead"]  # by touchpoint: FMOT, TMOT
    _save(_edit(at, edited={0: {"status": "done", "owner": "Eva"}}, deleted=[1]))
    (kept,) = store.actions(ident)
    assert (kept.id, kept.status, kept.owner, kept.version) == (first.id, "done", "Eva", 2)
    assert second.id not in {a.id for a in store.actions(ident)}
    assert "Saved: 2 change(s)" in _words(at)


def test_two_people_saving_at_once_are_told_and_shown_the_other_change(store):
    ident, (june,) = _workspace(store)
    action = store.save_action(Action("", ident, "TMOT", "Call ahead", owner="Ana", wave=june))
    ana, luis = _open(ident), _open(ident)  # two sessions, both at version 1
    _edit(luis, edited={0: {"status": "doing"}})  # Luis starts editing, does not save yet
    _save(_edit(ana, edited={0: {"owner": "Ana and Eva", "due": "2027-02-01"}}))
    assert store.actions(ident)[0].version == 2
    luis.run()  # Luis's page reruns: his edit is pending, the versions he started from stay
    _save(luis)
    words = _words(luis)
    assert "Someone else saved “Call ahead” while you were editing it" in words
    assert store.actions(ident)[0].status == "idea"  # nothing overwritten silently
    cells = _table_cells(luis)
    assert {"Ana and Eva", "2027-02-01", "Doing", "Idea"} <= cells  # theirs and his, side by side
    assert "(unchanged)" in cells  # the owner he did not touch
    luis.button(key="gaps_actions_mine_0").click().run()
    assert not luis.exception
    (merged,) = store.actions(ident)
    # his change on top of hers: her owner and date kept, his status applied
    assert (merged.owner, merged.due, merged.status) == ("Ana and Eva", date(2027, 2, 1), "doing")
    assert merged.version == 3 and merged.id == action.id
    assert "Someone else saved" not in _words(luis)
    assert luis.data_editor[0].value["status"].tolist() == ["doing"]


def test_keeping_theirs_and_an_action_deleted_meanwhile(store):
    ident, (june,) = _workspace(store)
    store.save_action(Action("", ident, "TMOT", "Call ahead", wave=june))
    ana, luis = _open(ident), _open(ident)
    _edit(luis, edited={0: {"note": "mine"}})
    _save(_edit(ana, edited={0: {"note": "hers"}}))
    _save(luis)
    luis.button(key="gaps_actions_theirs_0").click().run()
    assert store.actions(ident)[0].note == "hers"
    assert luis.data_editor[0].value["note"].tolist() == ["hers"]
    assert "Someone else" not in _words(luis)
    # deleted by Ana while Luis edits: he is told, and may save his as a new action
    _edit(luis, edited={0: {"owner": "Luis"}})
    _save(_edit(ana.run(), deleted=[0]))
    assert store.actions(ident) == []
    _save(luis)
    assert "Someone else deleted “Call ahead”" in _words(luis)
    luis.button(key="gaps_actions_mine_0").click().run()
    (again,) = store.actions(ident)
    assert (again.title, again.owner, again.note, again.version) == (
        "Call ahead",
        "Luis",
        "hers",
        1,
    )


def test_the_demo_starts_a_draft_workspace_for_its_actions(store):
    at = _open(None)
    assert "Actions are kept in a workspace" in _words(at)
    assert not at.data_editor
    at.button(key="gaps_actions_start").click().run()
    assert not at.exception
    ident = at.query_params["w"]
    assert store.workspace(ident).draft
    assert at.data_editor and at.data_editor[0].value.empty


def test_before_and_after_of_each_action_in_the_later_wave(store):
    ident, (june, september) = _workspace(
        store, ("demo_survey.csv", "June"), ("demo_survey_wave2.csv", "September")
    )
    # the planted improvement: the action at delivery (TMOT) decided on June's results
    store.save_action(Action("", ident, "TMOT", "Call ahead", gap="expected", wave=june))
    store.save_action(Action("", ident, "SMOT", "Later idea", wave=september))
    at = _open(ident)
    words = _words(at)
    assert "Before and after" in words
    assert "Call ahead · TMOT (Third moment of truth), experienced utility: " in words
    table = next(d.value for d in at.dataframe if "Decided on" in d.value.columns)
    assert table["Decided on"].unique().tolist() == ["June"]
    assert table["Measured again"].unique().tolist() == ["September"]
    rows = table.set_index("Measure")
    assert set(rows.index) == {"experienced utility", "gap to expected"}
    assert rows.loc["experienced utility", "Change"] == "improved"
    assert "Later idea" not in set(table["Action"])  # decided on the newest wave: no after yet
    es = _words(_open(ident, "ES"))
    assert "Antes y después" in es and "utilidad vivida" in es and "mejoró" in es


def test_a_hostile_title_is_shown_as_text(store):
    ident, (june, _) = _workspace(
        store, ("demo_survey.csv", "June"), ("demo_survey_wave2.csv", "September")
    )
    hostile = "![x](http://127.0.0.1:9/pixel) <script>alert(1)</script> **loud**"
    store.save_action(Action("", ident, "TMOT", hostile, wave=june))
    at = _open(ident)
    shown = [m.value for m in at.markdown if "pixel" in m.value]
    assert shown, "the before/after names the action"
    for value in shown:
        assert "![x](" not in value and "<script>" not in value and "**loud**" not in value
        assert "&lt;script&gt;" in value


def test_actions_are_flagged_on_the_journey_map_and_listed_in_the_report(store):
    ident, (june,) = _workspace(store)
    store.save_action(
        Action("", ident, "TMOT", '=HYPERLINK("http://x")', owner="<b>Ana</b>", wave=june)
    )
    store.save_action(Action("", ident, "TMOT", "Call ahead", status="done", wave=june))
    at = AppTest.from_file(page_path("app.py"), default_timeout=180)
    at.switch_page("pages/overview.py")
    at.query_params["w"] = ident
    at.run()
    assert not at.exception
    flags = next(f for f in chart_data(at.get("vega_lite_chart")[0]) if "flag" in f.columns)
    assert flags[["touchpoint", "flag", "n_open"]].to_dict("records") == [
        {"touchpoint": "TMOT", "flag": "⚑ 2", "n_open": 1}  # one flag: two actions at TMOT
    ]
    built = report_builder.build_report(
        demo(),
        language="en",
        run=report_builder.direct,
        actions=actions_frame(store.actions(ident)),
        actions_key="k",
    )
    assert "Corrective actions" in built.sections
    assert "2 corrective action(s): 1 not done yet." in built.html
    assert "&lt;b&gt;Ana&lt;/b&gt;" in built.html and "<b>Ana</b>" not in built.html
    assert b"'=HYPERLINK" in built.csv("actions")  # a formula is neutralised in the CSV
    assert built.key.endswith("|k")
