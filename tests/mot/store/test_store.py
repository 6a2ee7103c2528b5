"""The store: workspaces, deduplicated files, limits, retention, views, actions, migrations."""

from __future__ import annotations

import secrets
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import event

from mot import store as store_module
from mot.errors import (
    ActionConflictError,
    FileTooLargeError,
    StoreError,
    StoreUnavailableError,
    WorkspaceNotFoundError,
)
from mot.store import ID_PATTERN, Action, new_id, open_store
from mot.store._engine import MIGRATIONS, SCHEMA_REVISION

CSV = b"respondent_id,FMOT_expected\n1,70\n2,80\n"


def test_ids_are_unguessable_url_safe_and_never_start_with_a_dash(monkeypatch) -> None:
    ids = {new_id() for _ in range(2000)}
    assert len(ids) == 2000
    assert all(ID_PATTERN.fullmatch(i) and not i.startswith("-") for i in ids)
    # 17 random bytes: 136 bits, and a token that starts with "-" is drawn again
    drawn = iter(["-" + "a" * 22, "b" * 23])
    asked = []

    def token(n: int) -> str:
        asked.append(n)
        return next(drawn)

    monkeypatch.setattr(secrets, "token_urlsafe", token)
    assert new_id() == "b" * 23
    assert asked == [17, 17]


def test_workspace_lifecycle(store) -> None:
    ws = store.create_workspace("  Encuesta Q3  ", creator="browser-1")
    assert ws.name == "Encuesta Q3" and not ws.draft
    assert store.workspace(ws.id) == ws
    renamed = store.rename_workspace(ws.id, "Q3 <b>survey</b>")
    assert renamed.name == "Q3 <b>survey</b>"  # stored as typed; pages show it as text
    draft = store.create_workspace("upload", draft=True, creator="browser-1")
    other = store.create_workspace("theirs", creator="browser-2")
    mine = store.list_workspaces(creator="browser-1")
    assert [w.id for w in mine] == [ws.id]
    assert {w.id for w in store.list_workspaces(creator="browser-1", drafts=True)} == {
        ws.id,
        draft.id,
    }
    assert {w.id for w in store.list_workspaces()} == {ws.id, other.id}
    store.delete_workspace(ws.id)
    assert not store.workspace_exists(ws.id)
    with pytest.raises(WorkspaceNotFoundError) as info:
        store.workspace(ws.id)
    assert "no workspace at this address" in str(info.value)
    assert "ningún espacio de trabajo" in info.value.args[0].render("es")
    with pytest.raises(WorkspaceNotFoundError):
        store.delete_workspace(ws.id)


@pytest.mark.parametrize(
    "ident", ["", "short", "../../etc/passwd", "x" * 65, "'; DROP TABLE", "-" * 23]
)
def test_malformed_ids_are_unknown_without_a_query(store, ident: str) -> None:
    with pytest.raises(WorkspaceNotFoundError):
        store.workspace(ident)
    assert not store.workspace_exists(ident)


def test_an_empty_name_is_refused(store) -> None:
    with pytest.raises(StoreError, match="needs a name"):
        store.create_workspace("   ")


def test_files_are_stored_once_by_content(store) -> None:
    a = store.create_workspace("a")
    b = store.create_workspace("b")
    first = store.add_dataset(a.id, kind="survey", file_name="wave1.csv", content=CSV)
    again = store.add_dataset(a.id, kind="survey", file_name="wave1 copy.csv", content=CSV)
    theirs = store.add_dataset(b.id, kind="survey", file_name="/tmp/x/other.csv", content=CSV)
    assert first.sha256 == again.sha256 == theirs.sha256
    assert theirs.file_name == "other.csv"  # never a client's path
    assert store.n_files() == 1
    assert [d.position for d in store.datasets(a.id)] == [1, 2]
    store.delete_workspace(a.id)
    assert store.n_files() == 1  # b still uses it
    assert store.file_content(theirs.sha256) == CSV
    store.delete_workspace(b.id)
    assert store.n_files() == 0
    with pytest.raises(WorkspaceNotFoundError):
        store.file_content(theirs.sha256)


def test_a_dataset_keeps_its_choices_and_wave(store) -> None:
    ws = store.create_workspace("waves")
    mapping = '{"columns": {"FMOT_expected": {"role": "rating"}}}'
    ds = store.add_dataset(
        ws.id,
        kind="survey",
        file_name="q1.csv",
        content=CSV,
        mapping_json=mapping,
        label="Q1",
        wave_date=date(2026, 3, 31),
    )
    log = store.add_dataset(
        ws.id,
        kind="events",
        file_name="log.csv",
        content=b"u,t,e\n",
        columns_json='{"user_id": "u"}',
    )
    got = store.datasets(ws.id, kind="survey")
    assert got == [ds]
    assert got[0].mapping_json == mapping and got[0].wave_date == date(2026, 3, 31)
    assert store.datasets(ws.id, kind="events") == [log]
    moved = store.update_dataset(ds, label="Q1 2026", journey_json='{"touchpoints": []}')
    assert store.datasets(ws.id, kind="survey") == [moved]
    with pytest.raises(StoreError, match="not valid JSON"):
        store.update_dataset(ds, mapping_json="{broken")
    with pytest.raises(StoreError, match="no field"):
        store.update_dataset(ds, sha256="x")
    with pytest.raises(StoreError, match="kind of dataset"):
        store.add_dataset(ws.id, kind="video", file_name="a", content=b"x")  # type: ignore[arg-type]
    store.delete_dataset(log)
    assert store.datasets(ws.id, kind="events") == []


def test_a_file_over_the_limit_is_refused_and_nothing_is_stored(store_url) -> None:
    small = open_store(store_url, max_file_bytes=10)
    ws = small.create_workspace("limits")
    with pytest.raises(FileTooLargeError) as info:
        small.add_dataset(ws.id, kind="survey", file_name="big.csv", content=b"x" * 11)
    assert "MOT_MAX_UPLOAD_MB" in str(info.value) and "big.csv" in str(info.value)
    assert "MOT_MAX_UPLOAD_MB" in info.value.args[0].render("es")
    assert small.datasets(ws.id) == [] and small.n_files() == 0
    small.close()


def test_the_limit_comes_from_the_environment(store_url, monkeypatch) -> None:
    monkeypatch.setenv("MOT_MAX_UPLOAD_MB", "0.5")
    opened = open_store(store_url)
    assert opened.max_file_bytes == 2**19
    opened.close()
    monkeypatch.setenv("MOT_MAX_UPLOAD_MB", "lots")
    with pytest.raises(StoreError, match="MOT_MAX_UPLOAD_MB"):
        open_store(store_url)


def test_a_failed_write_keeps_what_was_stored(store) -> None:
    ws = store.create_workspace("safe")
    store.add_dataset(ws.id, kind="survey", file_name="one.csv", content=CSV)

    def fail_on_dataset(conn, cursor, statement, *args) -> None:
        if statement.lstrip().upper().startswith("INSERT INTO DATASETS"):
            raise RuntimeError("disk full")

    event.listen(store.engine, "before_cursor_execute", fail_on_dataset)
    try:
        with pytest.raises(RuntimeError):
            store.add_dataset(ws.id, kind="survey", file_name="two.csv", content=b"new bytes")
    finally:
        event.remove(store.engine, "before_cursor_execute", fail_on_dataset)
    # the new file went in before the failure: the transaction took it back out
    assert store.n_files() == 1
    assert [d.file_name for d in store.datasets(ws.id)] == ["one.csv"]


def test_retention_purges_unused_workspaces_and_their_files(store_url) -> None:
    opened = open_store(store_url, retention_days=30)
    old = opened.create_workspace("old", draft=True)
    opened.add_dataset(old.id, kind="survey", file_name="old.csv", content=b"old")
    kept = opened.create_workspace("kept")
    opened.add_dataset(kept.id, kind="survey", file_name="kept.csv", content=CSV)
    later = datetime.now(UTC) + timedelta(days=31)
    with opened.engine.begin() as connection:  # kept was used since
        from sqlalchemy import update

        import mot.store._tables as _tables

        connection.execute(
            update(_tables.workspaces)
            .where(_tables.workspaces.c.id == kept.id)
            .values(used_at=later - timedelta(days=1))
        )
    assert opened.purge(now=later) == 1
    assert not opened.workspace_exists(old.id) and opened.workspace_exists(kept.id)
    assert opened.n_files() == 1
    assert opened.purge(now=later) == 0
    opened.close()


def test_opening_a_workspace_marks_its_use_at_most_hourly(store, monkeypatch) -> None:
    ws = store.create_workspace("used")
    assert store.workspace(ws.id, touch=True).used_at == ws.used_at  # just used
    later = ws.used_at + timedelta(hours=2)
    monkeypatch.setattr(store_module, "_now", lambda: later)
    assert store.workspace(ws.id, touch=True).used_at == later
    assert store.workspace(ws.id).used_at == later


def test_saved_views(store) -> None:
    ws = store.create_workspace("views")
    view = store.save_view(ws.id, "TMOT focus", {"page": "emotion", "tp": "TMOT", "lang": "es"})
    assert store.views(ws.id) == [view]
    store.delete_view(view)
    assert store.views(ws.id) == []
    with pytest.raises(WorkspaceNotFoundError):
        store.save_view(new_id(), "x", {})


def test_two_editors_never_overwrite_each_other_silently(store) -> None:
    ws = store.create_workspace("actions")
    draft = Action("", ws.id, "TMOT", "Text the delivery slot", owner="Ana", status="planned")
    saved = store.save_action(draft)
    assert saved.version == 1 and store.actions(ws.id) == [saved]
    # both open version 1; the first save wins, the second is told and shown it
    mine = store.save_action(
        Action(**{**saved.__dict__, "status": "doing", "due": date(2027, 1, 15)})
    )
    assert mine.version == 2
    with pytest.raises(ActionConflictError) as info:
        store.save_action(Action(**{**saved.__dict__, "title": "Call instead"}))
    assert info.value.current == store.actions(ws.id)[0]
    assert info.value.current.status == "doing" and info.value.current.title == saved.title
    assert "Someone else changed" in str(info.value)
    with pytest.raises(ActionConflictError):
        store.delete_action(saved)  # still version 1 in hand
    store.delete_action(mine)
    assert store.actions(ws.id) == []


def test_an_action_keeps_the_wave_it_was_decided_on_and_its_workspace(store) -> None:
    ws, other = store.create_workspace("waves"), store.create_workspace("someone else")
    first = store.save_action(Action("", ws.id, "TMOT", "Call ahead", wave="wave-1"))
    edited = store.save_action(replace(first, status="done", wave="wave-2"))
    assert edited.wave == "wave-1" == store.actions(ws.id)[0].wave  # an edit keeps it
    # an action is edited and deleted only through its own workspace
    with pytest.raises(ActionConflictError) as info:
        store.save_action(replace(edited, workspace_id=other.id, title="Hijack"))
    assert info.value.current is None
    store.delete_action(replace(edited, workspace_id=other.id))
    assert store.actions(ws.id) == [edited] and store.actions(other.id) == []


def test_shared_links_open_one_workspace_with_their_role_until_revoked(store) -> None:
    ws, other = store.create_workspace("shared"), store.create_workspace("not shared")
    view, edit = store.make_link(ws.id, "view"), store.make_link(ws.id, "edit")
    assert view.token != ws.id and ID_PATTERN.fullmatch(view.token)
    assert store.resolve(ws.id) == (ws.id, "owner")
    assert store.resolve(view.token) == (ws.id, "view")
    assert store.resolve(edit.token) == (ws.id, "edit")
    assert {link.token for link in store.links(ws.id)} == {view.token, edit.token}
    assert store.links(other.id) == []
    store.revoke_link(other.id, view.token)  # another workspace cannot revoke it
    assert store.resolve(view.token) == (ws.id, "view")
    store.revoke_link(ws.id, view.token)
    with pytest.raises(WorkspaceNotFoundError, match="revoked"):
        store.resolve(view.token)
    assert store.resolve(edit.token) == (ws.id, "edit")  # the other link still works
    revoked = {link.token: link.revoked_at for link in store.links(ws.id)}
    assert revoked[view.token] is not None and revoked[edit.token] is None
    with pytest.raises(StoreError, match="not a kind of link"):
        store.make_link(ws.id, "admin")
    with pytest.raises(WorkspaceNotFoundError):
        store.resolve(new_id())
    store.delete_workspace(ws.id)  # its links go with it
    with pytest.raises(WorkspaceNotFoundError, match="no workspace"):
        store.resolve(edit.token)


def test_a_database_of_the_first_schema_is_migrated_with_its_actions(store_url) -> None:
    from alembic import command
    from sqlalchemy import create_engine, text

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    engine, ident = create_engine(store_url), new_id()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
        connection.execute(
            text(
                "INSERT INTO workspaces (id, name, draft, created_at, updated_at, used_at)"
                " VALUES (:id, 'old', false, :now, :now, :now)"
            ),
            {"id": ident, "now": datetime.now(UTC)},
        )
    engine.dispose()
    upgraded = open_store(store_url)
    assert upgraded.workspace(ident).name == "old"
    saved = upgraded.save_action(Action("", ident, "FMOT", "From before", wave="d1"))
    assert upgraded.actions(ident) == [saved] and saved.wave == "d1"
    upgraded.close()


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"title": " "}, "needs a name"),
        ({"status": "someday"}, "not an action status"),
        ({"gap": "huge"}, "not a gap"),
    ],
)
def test_an_invalid_action_is_refused(store, change: dict, words: str) -> None:
    ws = store.create_workspace("bad actions")
    fields = {"id": "", "workspace_id": ws.id, "touchpoint": "FMOT", "title": "t", **change}
    with pytest.raises(StoreError, match=words):
        store.save_action(Action(**fields))


def test_the_schema_revision_is_the_migrations_head(store) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert ScriptDirectory.from_config(config).get_current_head() == SCHEMA_REVISION
    assert store.healthy()


def test_opening_again_keeps_the_data(store_url) -> None:
    first = open_store(store_url)
    ws = first.create_workspace("kept")
    first.close()
    again = open_store(store_url)
    assert again.workspace(ws.id).name == "kept"
    again.close()


def test_an_unreachable_database_says_so() -> None:
    with pytest.raises(StoreUnavailableError) as info:
        open_store("postgresql+psycopg://nobody@127.0.0.1:9/none?connect_timeout=2")
    assert "MOT_DATABASE_URL" in str(info.value)
    assert "127.0.0.1" not in str(info.value)  # no server address shown to a visitor


def test_the_default_database_is_a_file_in_the_data_folder(tmp_path, monkeypatch) -> None:
    monkeypatch.delenv("MOT_DATABASE_URL", raising=False)
    monkeypatch.setenv("MOT_DATA_DIR", str(tmp_path / "data"))
    opened = open_store()
    assert opened.dialect == "sqlite"
    opened.create_workspace("here")
    opened.close()
    assert (tmp_path / "data" / "mot.sqlite3").is_file()
