"""Workspace links as capabilities (issue 14): the owner makes view-only and edit links on
the Workspace tab and revokes them; a view-only link shows the workspace but changes
nothing (no editing of actions, no rename, delete, wave or link; an edit of the journey
makes a copy of one's own); no page shows the workspace's own id to a link's holder (not in
the address, not in a widget's key, not in a text); a revoked link opens nothing.
"""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from mot.store import Action, Store
from tests.pages.conftest import page_path
from tests.pages.test_workspaces import everything
from ui.state import widget_tag

DATA = Path(__file__).resolve().parents[2] / "data"


def _workspace(store: Store) -> tuple[str, str]:
    ws = store.create_workspace("Shared programme")
    survey = store.add_dataset(
        ws.id,
        kind="survey",
        file_name="demo_survey.csv",
        content=(DATA / "demo_survey.csv").read_bytes(),
        label="June",
    )
    store.save_action(Action("", ws.id, "TMOT", "Call ahead", wave=survey.id))
    return ws.id, survey.id


def _gaps(w: str) -> AppTest:
    at = AppTest.from_file(page_path("app.py"), default_timeout=180)
    at.switch_page("pages/gaps.py")
    at.query_params["w"] = w
    at.run()
    assert not at.exception, at.exception
    return at


def _workspace_tab():
    from ui import frame
    from ui.data_tabs import workspace_tab

    frame.sidebar()
    workspace_tab.render()


def data_page(w: str) -> AppTest:
    """The Data page's Workspace tab under the shared frame, which follows the link."""
    at = AppTest.from_function(_workspace_tab, default_timeout=180)
    at.query_params["w"] = w
    at.run()
    assert not at.exception, at.exception
    return at


def _keys(at: AppTest) -> list[str]:
    """Every widget key on the page (they are class names in the browser)."""
    found = []
    for kind in ("button", "selectbox", "text_input", "checkbox", "data_editor", "dataframe"):
        found += [str(e.key) for e in getattr(at, kind) if getattr(e, "key", None)]
    return found


def test_the_owner_makes_and_revokes_links(store):
    ident, _ = _workspace(store)
    at = data_page(w=ident)
    at.button(key="workspace_make_view").click().run()
    at.button(key="workspace_make_edit").click().run()
    assert not at.exception
    links = {link.role: link for link in store.links(ident)}
    assert set(links) == {"view", "edit"}
    table = next(d.value for d in at.dataframe if "Address" in d.value.columns)
    addresses = " ".join(table["Address"])
    assert links["view"].token in addresses and links["edit"].token in addresses
    assert set(table["State"]) == {"works"}
    at.selectbox(key="workspace_revoke_pick_2").set_value(links["view"].token)
    at.button(key="workspace_revoke").click().run()
    assert not at.exception
    revoked = {link.role: link.revoked_at for link in store.links(ident)}
    assert revoked["view"] is not None and revoked["edit"] is None
    assert "The link was revoked" in " ".join(str(e.value) for e in at.success)


def test_a_view_only_link_shows_the_workspace_and_changes_nothing(store):
    ident, _ = _workspace(store)
    token = store.make_link(ident, "view").token
    at = _gaps(token)
    assert at.query_params["w"] == token  # the address keeps the link, never the id
    assert "Call ahead" in at.data_editor[0].value["title"].tolist()
    assert at.data_editor[0].proto.disabled  # the team's actions, not editable
    assert not [b for b in at.button if b.key == "gaps_actions_save"]
    assert "A view-only link" in everything(at)
    words = everything(at) + " ".join(str(c.value) for c in at.code)
    assert ident not in words and all(ident not in key for key in _keys(at))
    tab = data_page(w=token)
    assert "You opened a view-only link" in everything(tab)
    assert token in " ".join(str(c.value) for c in tab.code) and ident not in " ".join(
        str(c.value) for c in tab.code
    )
    present = {b.key for b in tab.button}
    assert not present & {"workspace_delete", "workspace_rename", "workspace_add_wave"}
    assert not present & {"workspace_make_view", "workspace_make_edit", "workspace_revoke"}
    assert all(ident not in key for key in _keys(tab))
    assert f"workspace_name_{widget_tag(ident)}" in [t.key for t in tab.text_input]


def test_an_edit_through_a_view_only_link_makes_a_copy_of_ones_own(store):
    ident, _ = _workspace(store)
    token = store.make_link(ident, "view").token
    at = AppTest.from_function(_edit_the_journey, default_timeout=180)
    at.query_params["w"] = token
    at.run()
    at.button(key="edit_journey").click().run()
    assert not at.exception, at.exception
    copy = at.query_params["w"]
    assert copy not in (token, ident)  # a new draft of this browser's own
    assert store.workspace(copy).draft
    (original,) = store.datasets(ident)
    assert original.journey_json is None  # the shared workspace is untouched
    assert "Renamed by a viewer" in (store.datasets(copy)[0].journey_json or "")


def _edit_the_journey():
    import json
    from dataclasses import replace

    import streamlit as st

    from ui import frame, state, workspaces

    frame.sidebar()
    if st.button("edit", key="edit_journey"):
        journey = {"name": "Renamed by a viewer", "touchpoints": [{"id": "TMOT"}]}
        choice = replace(state.dataset(), journey_json=json.dumps(journey))
        state.use_dataset(workspaces.remember_edit(choice), keep_filter=True)


def test_a_link_with_edits_edits_but_does_not_delete_or_share(store):
    ident, _ = _workspace(store)
    token = store.make_link(ident, "edit").token
    at = _gaps(token)
    assert not at.data_editor[0].proto.disabled
    tab = data_page(w=token)
    present = {b.key for b in tab.button}
    assert "workspace_rename" in present and "workspace_add_wave" in present
    assert not present & {"workspace_delete", "workspace_make_view", "workspace_revoke"}


def test_a_revoked_link_opens_nothing(store):
    ident, _ = _workspace(store)
    token = store.make_link(ident, "view").token
    store.revoke_link(ident, token)
    at = _gaps(token)
    words = everything(at)
    assert "This link was revoked" in words
    assert "Shared programme" not in words and "Call ahead" not in words
    assert not at.data_editor or "Call ahead" not in at.data_editor[0].value["title"].tolist()
