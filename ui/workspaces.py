"""Saved workspaces on the Streamlit side: the store, the links that open them, drafts.

The store (:mod:`mot.store`) is opened once per process and database URL
(``st.cache_resource``, keyed by :func:`mot.store.database_url`, ``MOT_DATABASE_URL`` or the
SQLite file in ``MOT_DATA_DIR``); its retention purge runs at most once an hour per process
(:data:`PURGE_EVERY`). What a session shows is kept in :mod:`ui.state`; this module never
holds data of its own.

- **A link** ``?w=ID`` opens workspace ``ID`` (:func:`follow_link`, on every run before the
  sidebar): its survey (the newest one, or the link's ``wave``) is written to the session's
  private folder (:mod:`ui.uploads`) and read like an upload, its event log opened like an
  upload; the link's filter, split, touchpoint, language and large type then apply. An
  unknown, malformed or deleted id, or a store that cannot be reached, gives a message
  (:func:`follow_link` returns it) and the session stays on the demo.
- **Drafts**: uploading a survey (:func:`keep_survey`) makes a private draft workspace whose
  id goes into the URL, so that a reload or a bookmark comes back to the same data. An edit
  of the mapping or journey (:func:`remember_edit`) or of an event log's columns is saved to
  the workspace shown; an event-log upload goes into the session's own draft, or into a new
  draft holding the survey shown (a workspace saved by name is never changed by an upload).
  Editing the demo makes a draft too. Drafts expire under the retention rule.
- **Save, rename, delete, list**: :func:`save_as` (a draft of this browser becomes a named
  workspace; anything else is copied into a new one), :func:`rename`, :func:`delete` (data
  and files), :func:`mine`: the workspaces this browser created. A browser is known by a
  random key kept in a cookie (:func:`browser_watch`); workspaces store a hash of it as
  their ``creator``.

Every store call goes through :func:`_run`: a database error becomes a
``StoreUnavailableError`` with its catalogue message, never a traceback.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import replace
from datetime import timedelta
from typing import TypeVar
from urllib.parse import urlencode, urlsplit

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from mot.cli_workspace import workspace_url
from mot.errors import MotError, StoreError, StoreUnavailableError, WorkspaceNotFoundError
from mot.messages import Message, message_of
from mot.store import Action, Dataset, Link, Store, Workspace, database_url, open_store
from ui import data, state, uploads
from ui.i18n import mot_text, t

T = TypeVar("T")

PURGE_EVERY = timedelta(hours=1)
"""The retention purge (:meth:`mot.store.Store.purge`) runs at most this often per process."""


def creator_of(key: str) -> str:
    """What a workspace stores as its ``creator``: a hash of the browser's key, never the key.

    Examples
    --------
    >>> creator_of("k" * 32) == creator_of("k" * 32), len(creator_of("k" * 32))
    (True, 32)
    """
    return hashlib.sha256(f"mot-browser:{key}".encode()).hexdigest()[:32]


# --- the store --------------------------------------------------------------------------------


def _close(store: Store) -> None:
    store.close()


@st.cache_resource(max_entries=4, show_spinner=False, on_release=_close)
def _open(url: str, max_upload_mb: str | None, retention_days: str | None) -> Store:
    # one engine per process and database (the settings in the key: a change reopens it)
    return open_store(url)


@st.cache_resource(max_entries=4, ttl=PURGE_EVERY, show_spinner=False)
def _purged(url: str, _store: Store) -> int:
    return _store.purge()


def _dialect(url: str) -> str:
    return url.split(":", 1)[0].split("+", 1)[0] or "database"


@contextmanager
def _reachable(url: str) -> Iterator[None]:
    try:
        yield
    except (SQLAlchemyError, OSError) as exc:
        message = Message("store.unavailable", dialect=_dialect(url))
        raise StoreUnavailableError(message) from exc


def _run(step: Callable[[Store], T]) -> T:
    """``step(store)`` on the process's store (opened, and purged at most hourly, first).

    Raises the store's ``MotError`` (``WorkspaceNotFoundError``, ``FileTooLargeError``,
    ``StoreError``), or ``StoreUnavailableError`` when the database cannot be reached.
    """
    url = os.environ.get("MOT_DATABASE_URL") or "sqlite"
    with _reachable(url):
        url = database_url()
        settings = os.environ.get("MOT_MAX_UPLOAD_MB"), os.environ.get("MOT_RETENTION_DAYS")
        store = _open(url, *settings)
        _purged(url, store)
        return step(store)


def retention_days() -> float:
    """Days a workspace is kept after its last use (``MOT_RETENTION_DAYS``)."""
    return _run(lambda store: store.retention_days)


# --- opening a workspace ---------------------------------------------------------------------


def _wave_text(dataset: Dataset) -> str:
    if dataset.label:
        return dataset.label
    return dataset.wave_date.isoformat() if dataset.wave_date else dataset.file_name


def _opened(
    found: Workspace,
    surveys: list[Dataset],
    shown: Dataset | None,
    *,
    role: str | None = None,
    address: str | None = None,
) -> state.OpenWorkspace:
    """How the session shows ``found``: opened as ``role`` through ``address`` (by default,
    as the session already shows it; a workspace it had not: its owner, by its id)."""
    current = state.workspace()
    if role is None:
        same = current is not None and current.id == found.id
        role, address = (current.role, current.address) if same else ("owner", None)
    own = found.creator is not None and found.creator == creator_of(state.browser_key())
    waves = tuple((d.id, _wave_text(d)) for d in surveys)
    wave = shown.id if shown is not None and len(surveys) > 1 else None
    link = address if role != "owner" else None
    return state.OpenWorkspace(found.id, found.name, found.draft, own, waves, wave, role, link)


def _survey_choice(dataset: Dataset) -> state.DatasetChoice:
    content = _run(lambda store: store.file_content(dataset.sha256))
    choice = uploads.write(content, dataset.file_name, journey_json=dataset.journey_json)
    del content  # on disk now: the session reads the file as it reads an upload
    return replace(
        choice,
        mapping_json=dataset.mapping_json,
        workspace_id=dataset.workspace_id,
        dataset_id=dataset.id,
    )


def _log_choice(dataset: Dataset) -> state.EventLogChoice:
    content = _run(lambda store: store.file_content(dataset.sha256))
    return state.EventLogChoice(dataset.file_name, content, dataset.columns_json, dataset.id)


def _contents(ident: str) -> tuple[Workspace, list[Dataset]]:
    return _run(lambda store: (store.workspace(ident, touch=True), store.datasets(ident)))


def open_workspace(ident: str, *, wave: str | None = None, keep_filter: bool = False) -> None:
    """Show the workspace ``ident`` opens in this session (its id: as its owner; a shared
    link's token: with the link's role, the token staying the address): its survey ``wave``
    (a dataset id; default the newest survey) and its event log; ``keep_filter`` keeps the
    link's filter.

    Raises ``WorkspaceNotFoundError`` (unknown, malformed or deleted id) or
    ``StoreUnavailableError``; the session is unchanged then.
    """
    workspace_id, role = _run(lambda store: store.resolve(ident))
    found, datasets = _contents(workspace_id)
    surveys = [d for d in datasets if d.kind == "survey"]
    logs = [d for d in datasets if d.kind == "events"]
    shown = next((d for d in surveys if d.id == wave), surveys[-1] if surveys else None)
    survey = _survey_choice(shown) if shown is not None else state.DEMO
    log = _log_choice(logs[-1]) if logs else state.DEMO_LOG
    state.use_dataset(survey, keep_filter=keep_filter)
    state.use_event_log(log)
    state.use_workspace(_opened(found, surveys, shown, role=role, address=ident))


def wave_choice(ident: str, dataset_id: str) -> state.DatasetChoice:
    """The survey ``dataset_id`` of workspace ``ident``, written to disk as an upload is
    (for comparing it with the wave shown). Raises ``WorkspaceNotFoundError`` when it is gone.
    """
    surveys = _run(lambda store: store.datasets(ident, kind="survey"))
    found = next((d for d in surveys if d.id == dataset_id), None)
    if found is None:
        raise WorkspaceNotFoundError(Message("store.unknown_workspace"))
    return _survey_choice(found)


def _refresh(ident: str) -> None:
    """Show workspace ``ident`` again after a change the session made (its data is loaded)."""
    found, datasets = _contents(ident)
    surveys = [d for d in datasets if d.kind == "survey"]
    choice = state.dataset()
    shown = next((d for d in surveys if d.id == choice.dataset_id), None)
    state.use_workspace(_opened(found, surveys, shown))


def _open_or_fail(ident: str, wave: str | None, *, keep_filter: bool) -> object | None:
    try:
        open_workspace(ident, wave=wave, keep_filter=keep_filter)
    except MotError as exc:
        message = message_of(exc)
        state.use_dataset(state.DEMO)  # never the data the session showed before
        state.use_event_log(state.DEMO_LOG)
        state.use_workspace(None, link=False)
        state.remember_link_failure(ident, message)
        return message
    return None


def follow_link() -> object | None:
    """Open the link's workspace when it is not the one the session shows.

    Returns None when the session shows the link's workspace (or the link names none), else
    the message saying why it cannot be opened (the same message on every run, without
    asking the store again). A page change that left ``w`` or ``wave`` out of the URL gets
    them back.
    """
    wanted = state.link_param(state.WORKSPACE_PARAM)
    current = state.workspace()
    if wanted is None:
        if current is not None:
            state.use_workspace(current)
        return None
    if current is not None and current.link == wanted:
        wave = state.link_param(state.WAVE_PARAM)
        if wave is None or current.wave is None or wave == current.wave:
            state.use_workspace(current)  # puts back a wave left out, drops one that is not
            return None
        return _open_or_fail(wanted, wave, keep_filter=False)
    failed = state.link_failure()
    if failed is not None and failed[0] == wanted:
        return failed[1]
    return _open_or_fail(wanted, state.link_param(state.WAVE_PARAM), keep_filter=True)


def show_wave(wave: str) -> None:
    """Show another survey (wave) of the session's workspace."""
    current = state.workspace()
    if current is not None and wave != current.wave:
        _attempt(lambda: open_workspace(current.link, wave=wave))


def back_to_demo() -> None:
    """Leave the workspace: the demo survey and log, no ``w`` in the URL."""
    state.use_dataset(state.DEMO)
    state.use_event_log(state.DEMO_LOG)
    state.use_workspace(None)


# --- drafts and edits -------------------------------------------------------------------------


def _not_saved(exc: MotError) -> None:
    state.leave_notice(t("workspace.not_saved", error=mot_text(exc)))


def _attempt(step: Callable[[], T]) -> T | None:
    """Run a store step; when it fails the session goes on, told (next run) it was not saved."""
    try:
        return step()
    except MotError as exc:
        _not_saved(exc)
        return None


def _survey_bytes(choice: state.DatasetChoice) -> bytes:
    if choice.is_demo:
        return state.DEMO_SURVEY.read_bytes()
    if choice.path is not None:
        return choice.path.read_bytes()
    return choice.content or b""


def _store_new(
    store: Store,
    name: str,
    survey: tuple[state.DatasetChoice, bytes] | None,
    log: state.EventLogChoice,
    *,
    draft: bool,
) -> tuple[Workspace, Dataset | None, Dataset | None]:
    """A new workspace with the survey (its choice and bytes) and the log: whole or not at all."""
    found = store.create_workspace(name, draft=draft, creator=creator_of(state.browser_key()))
    try:
        stored_survey = stored_log = None
        if survey is not None:
            choice, content = survey
            stored_survey = store.add_dataset(
                found.id,
                kind="survey",
                file_name=choice.name,
                content=content,
                mapping_json=choice.mapping_json,
                journey_json=choice.journey_json,
            )
        if not log.is_demo:
            stored_log = store.add_dataset(
                found.id,
                kind="events",
                file_name=log.name,
                content=log.content or b"",
                columns_json=log.columns_json,
            )
    except BaseException:
        store.delete_workspace(found.id)  # never half a workspace
        raise
    return found, stored_survey, stored_log


def keep_survey(
    content: bytes, name: str, *, journey_json: str | None = None
) -> state.DatasetChoice:
    """An uploaded survey: written to the session's private folder and stored as a new
    private draft (with the session's uploaded event log, if any).

    The bytes go to the store and to the file, then the caller drops them (the memory bound
    of the Data page). When the store cannot take it, the upload is still used in this
    session and the next run says that it was not saved.
    """
    choice = uploads.write(content, name, journey_json=journey_json)
    log = state.event_log()
    try:
        _, stored, _ = _run(
            lambda store: _store_new(store, name, (choice, content), log, draft=True)
        )
    except MotError as exc:
        _not_saved(exc)
        return choice
    return replace(choice, workspace_id=stored.workspace_id, dataset_id=stored.id)


def keep_upload(upload: object, *, journey_json: str | None = None) -> state.DatasetChoice:
    """An ``st.file_uploader`` survey through :func:`keep_survey`; Streamlit's copy dropped."""
    choice = keep_survey(upload.getvalue(), upload.name, journey_json=journey_json)
    uploads.forget(upload)
    return choice


def add_wave(upload: object, label: str) -> None:
    """An ``st.file_uploader`` survey added to the workspace shown as its newest wave
    ``label``, with the mapping and journey of the wave shown (the same survey measured
    again), then shown. A file that cannot be read or has nothing to analyse is refused
    with its ``MotError`` and nothing is stored.
    """
    try:
        add_survey_wave(
            upload.getvalue(), upload.name, label, mapping_json=state.dataset().mapping_json
        )
    finally:
        uploads.forget(upload)


def add_survey_wave(
    content: bytes, file_name: str, label: str, *, mapping_json: str | None = None
) -> None:
    """``content`` (a survey file) added to the workspace shown as its newest wave ``label``,
    with the journey of the wave shown and ``mapping_json``, then shown; refused with its
    ``MotError`` (nothing stored) when it cannot be read or has nothing to analyse."""
    current, shown = _editable(), state.dataset()
    choice = uploads.write(content, file_name, journey_json=shown.journey_json)
    choice = replace(choice, mapping_json=mapping_json)
    try:
        for _ in data.prepare(choice, new_file=True):
            pass
        stored = _run(
            lambda store: store.add_dataset(
                current.id,
                kind="survey",
                file_name=file_name,
                content=content,
                mapping_json=mapping_json,
                journey_json=shown.journey_json,
                label=label,
            )
        )
    except MotError:
        uploads.discard(choice)  # refused: its folder goes, nothing was stored
        raise
    open_workspace(current.link, wave=stored.id)


def with_store(step: Callable[[Store], T]) -> T:
    """``step(store)`` on the process's store; the store's errors as ``MotError`` (the
    workshop room's calls, :mod:`ui.rooms`)."""
    return _run(step)


# --- corrective actions -----------------------------------------------------------------------


def actions(ident: str) -> list[Action]:
    """The corrective actions of workspace ``ident`` (``StoreUnavailableError`` when the
    store cannot be reached)."""
    return _run(lambda store: store.actions(ident))


def _editable(workspace_id: str | None = None) -> state.OpenWorkspace:
    """The workspace shown, when this session may change it (and it is ``workspace_id``).

    Raises ``StoreError`` for a view-only link, ``WorkspaceNotFoundError`` without one.
    """
    current = state.workspace()
    if current is None or (workspace_id is not None and workspace_id != current.id):
        raise WorkspaceNotFoundError(Message("store.unknown_workspace"))
    if not current.can_edit:
        raise StoreError(Message("store.read_only"))
    return current


def _owned() -> state.OpenWorkspace:
    """The workspace shown, when this session opened it by its own id (its owner)."""
    current = _editable()
    if current.role != "owner":
        raise StoreError(Message("store.owner_only"))
    return current


def save_action(action: Action) -> Action:
    """Store a new or edited action of the workspace shown; ``ActionConflictError`` when
    someone saved it first, ``StoreError`` through a view-only link."""
    _editable(action.workspace_id)
    return _run(lambda store: store.save_action(action))


def delete_action(action: Action) -> None:
    """Delete an action; ``ActionConflictError`` when someone saved it since it was read."""
    _editable(action.workspace_id)
    _run(lambda store: store.delete_action(action))


def ensure_workspace() -> state.OpenWorkspace:
    """The workspace the session shows; when it shows data the store does not hold (the
    demo, or an upload that could not be saved), a new draft holding it, then shown."""
    current = state.workspace()
    if current is not None:
        return current
    survey, _ = _new_draft(state.dataset(), state.event_log())
    state.use_dataset(survey, keep_filter=True)
    opened = state.workspace()
    if opened is None:  # pragma: no cover - _new_draft always shows it
        raise WorkspaceNotFoundError(Message("store.unknown_workspace"))
    return opened


def discard(choice: state.DatasetChoice) -> None:
    """A refused upload: its folder and its draft are deleted."""
    uploads.discard(choice)
    if choice.workspace_id is not None and choice.workspace_id != state.workspace_id():
        with suppress(MotError):
            _run(lambda store: store.delete_workspace(choice.workspace_id))


def _stored(store: Store, workspace_id: str, dataset_id: str) -> Dataset:
    found = next((d for d in store.datasets(workspace_id) if d.id == dataset_id), None)
    if found is None:
        raise WorkspaceNotFoundError(Message("store.unknown_workspace"))
    return found


def remember_edit(choice: state.DatasetChoice) -> state.DatasetChoice:
    """The dataset the session switches to (an upload, or an edit of its mapping or journey),
    saved: an upload is in its draft already, an edit updates the stored dataset, an edited
    demo, or an edit through a view-only link, becomes a new draft. Then the session shows
    that workspace."""
    current = state.workspace()
    if choice.workspace_id is not None and choice.workspace_id != state.workspace_id():
        _attempt(lambda: _refresh_to(choice))  # a new upload's draft
    elif choice.workspace_id is not None and current is not None and not current.can_edit:
        # a view-only link: the edit becomes a copy of one's own, the workspace is untouched
        mine = replace(choice, workspace_id=None, dataset_id=None)
        saved = _attempt(lambda: _new_draft(mine, state.event_log()))
        choice = saved[0] if saved is not None else mine
    elif choice.dataset_id is not None and choice.workspace_id is not None:
        _attempt(
            lambda: _run(
                lambda store: store.update_dataset(
                    _stored(store, choice.workspace_id, choice.dataset_id),
                    mapping_json=choice.mapping_json,
                    journey_json=choice.journey_json,
                )
            )
        )
    elif choice.is_demo and not choice.is_default_demo:
        saved = _attempt(lambda: _new_draft(choice, state.event_log()))
        choice = saved[0] if saved is not None else choice
    if choice.workspace_id is None:
        state.use_workspace(None)  # data the store does not hold: the link no longer names it
    return choice


def _refresh_to(choice: state.DatasetChoice) -> None:
    found, datasets = _contents(choice.workspace_id)
    surveys = [d for d in datasets if d.kind == "survey"]
    logs = [d for d in datasets if d.kind == "events"]
    log = state.event_log()
    if logs and not log.is_demo:
        state.use_event_log(replace(log, dataset_id=logs[-1].id))
    shown = next((d for d in surveys if d.id == choice.dataset_id), None)
    state.use_workspace(_opened(found, surveys, shown))


def _new_draft(
    survey: state.DatasetChoice,
    log: state.EventLogChoice,
    *,
    name: str | None = None,
    draft: bool = True,
) -> tuple[state.DatasetChoice, state.EventLogChoice]:
    """A new workspace holding what the session shows (``survey`` and ``log``); the session
    then shows it. Returns the two choices with their stored datasets."""
    content = _survey_bytes(survey)
    found, stored_survey, stored_log = _run(
        lambda store: _store_new(store, name or survey.name, (survey, content), log, draft=draft)
    )
    survey = replace(survey, workspace_id=found.id, dataset_id=stored_survey.id)
    log = replace(log, dataset_id=stored_log.id) if stored_log is not None else log
    state.use_event_log(log)
    state.use_workspace(_opened(found, [stored_survey], stored_survey))
    return survey, log


def _own_draft() -> state.OpenWorkspace | None:
    current = state.workspace()
    return current if current is not None and current.own and current.draft else None


def keep_event_log(log: state.EventLogChoice) -> state.EventLogChoice:
    """An event log the session switches to (opened already), saved.

    A columns edit of the stored log updates it; a new log goes into this browser's draft
    (replacing its log), or else into a new draft with the survey shown. Returns the choice
    with its stored dataset (unchanged when the store cannot take it: the next run says so).
    """
    current = state.workspace()
    if log.dataset_id is not None and current is not None and current.can_edit:
        _attempt(
            lambda: _run(
                lambda store: store.update_dataset(
                    _stored(store, current.id, log.dataset_id), columns_json=log.columns_json
                )
            )
        )
        return log
    draft = _own_draft()
    if draft is not None:
        stored = _attempt(lambda: _replace_log(draft.id, log))
        return replace(log, dataset_id=stored) if stored is not None else log

    def new() -> state.EventLogChoice:
        survey, stored = _new_draft(state.dataset(), log)
        state.use_dataset(survey, keep_filter=True)
        return stored

    return _attempt(new) or log


def _replace_log(workspace_id: str, log: state.EventLogChoice | None) -> str | None:
    """The workspace's event log replaced by ``log`` (None: removed); the new dataset's id."""

    def step(store: Store) -> str | None:
        old = store.datasets(workspace_id, kind="events")
        added = None
        if log is not None:
            added = store.add_dataset(
                workspace_id,
                kind="events",
                file_name=log.name,
                content=log.content or b"",
                columns_json=log.columns_json,
            )
        for dataset in old:
            store.delete_dataset(dataset)
        return added.id if added is not None else None

    return _run(step)


def back_to_demo_log() -> None:
    """The demo event log: removed from this browser's draft, or a new draft without it."""
    state.use_event_log(state.DEMO_LOG)
    current = state.workspace()
    if current is None:
        return
    if current.own and current.draft:
        _attempt(lambda: _replace_log(current.id, None))
        return

    def new() -> None:
        survey, _ = _new_draft(state.dataset(), state.DEMO_LOG)
        state.use_dataset(survey, keep_filter=True)

    _attempt(new)


# --- save, rename, delete, list ---------------------------------------------------------------


def save_as(name: str) -> None:
    """Save what the session shows as workspace ``name``: this browser's draft is kept under
    that name; anything else (the demo, another's workspace) is copied into a new one.

    Raises ``StoreError`` (an empty name, a file over the limit) or ``StoreUnavailableError``.
    """
    draft = _own_draft()
    if draft is not None:
        _run(lambda store: store.rename_workspace(draft.id, name, keep=True))
        _refresh(draft.id)
        return
    survey, _ = _new_draft(state.dataset(), state.event_log(), name=name, draft=False)
    state.use_dataset(survey, keep_filter=True)


def rename(name: str) -> None:
    """Rename the session's workspace (a draft becomes a named workspace); not through a
    view-only link (``StoreError``)."""
    current = _editable()
    _run(lambda store: store.rename_workspace(current.id, name, keep=True))
    _refresh(current.id)


def delete() -> str | None:
    """Delete the session's workspace with its files, then show the demo; returns its name.
    Only its owner may (``StoreError`` through a shared link)."""
    if state.workspace() is None:
        return None
    current = _owned()
    _run(lambda store: store.delete_workspace(current.id))
    back_to_demo()
    return current.name


def make_link(role: str) -> str:
    """A new shared link to the workspace shown (``view`` or ``edit``), as an address; only
    its owner may make one."""
    current = _owned()
    made = _run(lambda store: store.make_link(current.id, role))
    return link(made.token)


def links() -> list[Link]:
    """The shared links of the workspace shown (its owner's view; none for anyone else)."""
    current = state.workspace()
    if current is None or current.role != "owner":
        return []
    return _run(lambda store: store.links(current.id))


def revoke(token: str) -> None:
    """Revoke a shared link of the workspace shown (its owner only)."""
    current = _owned()
    _run(lambda store: store.revoke_link(current.id, token))


def mine() -> list[Workspace]:
    """The workspaces this browser created (drafts too), most recently used first."""
    creator = creator_of(state.browser_key())
    return _run(lambda store: store.list_workspaces(creator=creator, drafts=True))


def link(ident: str) -> str:
    """The address that opens workspace ``ident``: ``MOT_PUBLIC_URL`` when it is set, else the
    address the browser uses for the app."""
    here = None if os.environ.get("MOT_PUBLIC_URL") else st.context.url
    if not here:
        return workspace_url(ident)
    parts = urlsplit(here)
    base = str(st.get_option("server.baseUrlPath") or "").strip("/")
    root = f"{parts.scheme}://{parts.netloc}/" + (f"{base}/" if base else "")
    return f"{root}?{urlencode({state.WORKSPACE_PARAM: ident})}"


# --- the browser's key ------------------------------------------------------------------------

# Keeps the browser's random key in a cookie (a year), or reports the key a cookie already
# holds. Trusted code of the app: the key is made by the server (secrets), no user text.
_BROWSER_JS = """
export default function ({ data, setTriggerValue }) {
  const name = "mot_browser";
  const valid = (v) => /^[A-Za-z0-9_-]{22,64}$/.test(v || "");
  const found = document.cookie.split("; ").find((c) => c.startsWith(name + "="));
  const kept = found ? found.slice(name.length + 1) : "";
  if (valid(kept)) {
    if (kept !== data) setTriggerValue("key", kept);
    return;
  }
  if (!valid(data)) return;
  const secure = location.protocol === "https:" ? "; Secure" : "";
  document.cookie = `${name}=${data}; Path=/; Max-Age=31536000; SameSite=Lax${secure}`;
}
"""
BROWSER_CSS = "<style>.st-key-" + state.BROWSER_WATCH_KEY + " { display: none; }</style>"
_browser = st.components.v2.component("mot_browser_key", js=_BROWSER_JS)


def _key_reported() -> None:
    reported = getattr(state.widget_value(state.BROWSER_WATCH_KEY), "key", None)
    state.remember_browser_key(reported)


def browser_watch() -> None:
    """The hidden snippet that keeps this browser's key in its cookie (nothing is drawn;
    ``BROWSER_CSS`` hides its box)."""
    _browser(data=state.browser_key(), key=state.BROWSER_WATCH_KEY, on_key_change=_key_reported)
