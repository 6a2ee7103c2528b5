"""Saved workspaces: datasets, event logs, saved views and corrective actions that outlive a tab.

One storage module on SQLAlchemy 2 Core, shared by the dashboard and the command line. The
database is an embedded SQLite file in the data folder by default (``MOT_DATA_DIR``, or
``.mot/`` beside the app: ``make run`` needs nothing new); ``MOT_DATABASE_URL`` (for
example ``postgresql+psycopg://user:password@host/db``) runs the same code on PostgreSQL, for
a hosted deployment with several replicas. The schema is created and upgraded by Alembic
migrations when the store opens.

What a workspace holds:

- **datasets**: surveys (each with its mapping and journey, as the JSON files the Data page
  downloads), the waves of one survey (a label and a date each), and optionally an event log
  (with its column roles). Their files are stored once by content hash (SHA-256): the same
  bytes saved twice, in one workspace or two, are kept once, and a file is deleted with the
  last dataset that uses it. A file larger than ``max_file_bytes`` (``MOT_MAX_UPLOAD_MB``,
  200 MB by default, the dashboard's upload limit) is refused with a clear message.
- **saved views**: a name and the link parameters that restore what was on screen.
- **corrective actions**: per touchpoint, with a version number: a save that started from an
  older version is refused (:class:`mot.errors.ActionConflictError`, carrying the stored
  action), so two people editing at once never overwrite each other silently.

A workspace id is unguessable: 136 random bits from :mod:`secrets`, URL-safe, never beginning
with ``-`` (so it passes as a command-line argument). Knowing the id is what opens a workspace.
Workspaces unused for ``retention_days`` (``MOT_RETENTION_DAYS``, 30 by default) are purged
with their files by :meth:`Store.purge`; drafts (an upload not yet saved by name) follow the
same rule.

Every method is one transaction: a write either happens whole or not at all (a server killed
during a save leaves the old workspace or the new one, never a broken one).

Examples
--------
>>> store = open_store("sqlite://")  # in memory, for the example
>>> ws = store.create_workspace("Q3 survey")
>>> ds = store.add_dataset(ws.id, kind="survey", file_name="q3.csv", content=b"id,x")
>>> [d.file_name for d in store.datasets(ws.id)], store.file_content(ds.sha256)
(['q3.csv'], b'id,x')
>>> store.delete_workspace(ws.id)
>>> store.workspace_exists(ws.id)
False
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Literal, get_args

from sqlalchemy import Engine, delete, func, insert, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError

import mot.store._tables as t
from mot.errors import (
    ActionConflictError,
    FileTooLargeError,
    StoreError,
    StoreUnavailableError,
    WorkspaceNotFoundError,
)
from mot.messages import Message
from mot.store._checks import check_json, checked_name, validate_action
from mot.store._engine import LARGE_FILE, make_engine, migrate, reading, writing
from mot.store._records import (
    Action,
    Dataset,
    Link,
    Room,
    RoomTouchpoint,
    SavedView,
    Workspace,
    action_of,
    aware,
    dataset_of,
    link_of,
    workspace_of,
)
from mot.store._rooms import Rooms, delete_rooms, stale_rooms
from mot.vocabulary import ACTION_STATUSES, GAP_KINDS

DatasetKind = Literal["survey", "events"]
DATASET_KINDS: tuple[str, ...] = get_args(DatasetKind)
LinkRole = Literal["view", "edit"]
LINK_ROLES: tuple[str, ...] = get_args(LinkRole)
"""What a shared link lets its holder do (the workspace's own id lets them do everything)."""

DEFAULT_MAX_FILE_MB = 200
DEFAULT_RETENTION_DAYS = 30
DEFAULT_DATA_DIR = Path(__file__).resolve().parents[2] / ".mot"
"""``.mot/`` beside the app (git-ignored), when ``MOT_DATA_DIR`` is not set."""

ID_PATTERN = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_-]{15,63}")
"""What a stored id looks like: anything else is unknown without a query."""

USE_RESOLUTION = timedelta(hours=1)
"""A workspace's last use is written at most this often (reading it is not a write each time)."""


def new_id() -> str:
    """An unguessable id: 136 bits from :mod:`secrets`, URL-safe, not beginning with ``-``.

    Examples
    --------
    >>> ident = new_id()
    >>> len(ident), ident[0] != "-", bool(ID_PATTERN.fullmatch(ident))
    (23, True, True)
    """
    while True:
        ident = secrets.token_urlsafe(17)
        if not ident.startswith("-"):
            return ident


def _now() -> datetime:
    return datetime.now(UTC)


def _settings_url(data_dir: Path | None) -> str:
    url = os.environ.get("MOT_DATABASE_URL")
    if url:
        return url
    folder = Path(data_dir or os.environ.get("MOT_DATA_DIR") or DEFAULT_DATA_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'mot.sqlite3'}"


def database_url(data_dir: Path | str | None = None) -> str:
    """The database :func:`open_store` opens by default.

    ``MOT_DATABASE_URL``, else the SQLite file ``mot.sqlite3`` in ``data_dir`` (``MOT_DATA_DIR``,
    else :data:`DEFAULT_DATA_DIR`; created): the dashboard's one store per process and URL.

    Examples
    --------
    >>> import os, tempfile
    >>> url = database_url(tempfile.mkdtemp())
    >>> url.startswith("sqlite:///") or url == os.environ["MOT_DATABASE_URL"]
    True
    """
    return _settings_url(Path(data_dir) if data_dir else None)


def _env_number(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = float(raw)
    except ValueError:
        message = Message("store.bad_setting", name=name, value=raw)
        raise StoreError(message) from None
    if value <= 0:
        message = Message("store.bad_setting", name=name, value=raw)
        raise StoreError(message)
    return value


def open_store(
    url: str | None = None,
    *,
    data_dir: Path | str | None = None,
    max_file_bytes: int | None = None,
    retention_days: float | None = None,
) -> Store:
    """Open (and create or upgrade) the store.

    Parameters
    ----------
    url : str, optional
        A SQLAlchemy URL. Default: ``MOT_DATABASE_URL``, else a SQLite file ``mot.sqlite3`` in
        ``data_dir`` (``MOT_DATA_DIR``, else :data:`DEFAULT_DATA_DIR`).
    data_dir : path, optional
        The data folder of the default SQLite database.
    max_file_bytes : int, optional
        The largest file a dataset may hold (default ``MOT_MAX_UPLOAD_MB`` × 2²⁰, 200 MB).
    retention_days : float, optional
        Days a workspace is kept after its last use (default ``MOT_RETENTION_DAYS``, 30).

    Raises
    ------
    StoreUnavailableError
        If the database cannot be reached or migrated.
    StoreError
        If a setting is not a positive number.
    """
    url = url or database_url(data_dir)
    if max_file_bytes is None:
        max_file_bytes = int(_env_number("MOT_MAX_UPLOAD_MB", DEFAULT_MAX_FILE_MB) * 2**20)
    if retention_days is None:
        retention_days = _env_number("MOT_RETENTION_DAYS", DEFAULT_RETENTION_DAYS)
    engine = make_engine(url)
    try:
        migrate(engine)
    except DBAPIError as exc:
        engine.dispose()
        raise StoreUnavailableError(
            Message("store.unavailable", dialect=engine.dialect.name)
        ) from exc
    return Store(engine, max_file_bytes=max_file_bytes, retention_days=retention_days)


def _check_id(ident: str) -> None:
    if not isinstance(ident, str) or not ID_PATTERN.fullmatch(ident):
        raise WorkspaceNotFoundError(Message("store.unknown_workspace"))


class Store(Rooms):
    """The saved workspaces and workshop rooms, on one database.

    Open it with :func:`open_store`.

    Safe to share between threads: each call takes a connection from the engine's pool for
    one transaction.
    """

    def __init__(self, engine: Engine, *, max_file_bytes: int, retention_days: float) -> None:
        self.engine = engine
        self.max_file_bytes = max_file_bytes
        self.retention_days = retention_days

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    def close(self) -> None:
        """Close the engine's connections."""
        self.engine.dispose()

    def healthy(self) -> bool:
        """Whether the database answers a query."""
        try:
            with reading(self.engine) as connection:
                return connection.execute(select(1)).scalar() == 1
        except DBAPIError:
            return False

    # --- workspaces ---------------------------------------------------------------------

    def create_workspace(
        self, name: str, *, draft: bool = False, creator: str | None = None
    ) -> Workspace:
        """Create an empty workspace named ``name``; ``creator`` is the browser's key."""
        now = _now()
        row = {
            "id": new_id(),
            "name": checked_name(name, "workspace"),
            "draft": draft,
            "creator": creator,
            "created_at": now,
            "updated_at": now,
            "used_at": now,
        }
        with writing(self.engine) as connection:
            connection.execute(insert(t.workspaces).values(**row))
        return Workspace(**row)

    def workspace(self, ident: str, *, touch: bool = False) -> Workspace:
        """The workspace ``ident``; with ``touch``, its last use is now (for the retention).

        Raises
        ------
        WorkspaceNotFoundError
            If there is no such workspace (never created, deleted or purged).
        """
        _check_id(ident)
        with reading(self.engine) as connection:
            row = connection.execute(select(t.workspaces).where(t.workspaces.c.id == ident)).first()
        if row is None:
            raise WorkspaceNotFoundError(Message("store.unknown_workspace"))
        found = workspace_of(row)
        if touch and _now() - found.used_at > USE_RESOLUTION:
            now = _now()
            with writing(self.engine) as connection:
                connection.execute(
                    update(t.workspaces).where(t.workspaces.c.id == ident).values(used_at=now)
                )
            found = replace(found, used_at=now)
        return found

    def workspace_exists(self, ident: str) -> bool:
        """Whether ``ident`` names a stored workspace."""
        try:
            self.workspace(ident)
        except WorkspaceNotFoundError:
            return False
        return True

    def list_workspaces(
        self, *, creator: str | None = None, drafts: bool = False
    ) -> list[Workspace]:
        """Workspaces, most recently used first.

        Those ``creator`` made (all when None); named ones only unless ``drafts``.
        """
        query = select(t.workspaces).order_by(t.workspaces.c.used_at.desc(), t.workspaces.c.id)
        if creator is not None:
            query = query.where(t.workspaces.c.creator == creator)
        if not drafts:
            query = query.where(t.workspaces.c.draft.is_(False))
        with reading(self.engine) as connection:
            return [workspace_of(row) for row in connection.execute(query)]

    def rename_workspace(self, ident: str, name: str, *, keep: bool = True) -> Workspace:
        """Give workspace ``ident`` a new name; ``keep`` makes a draft a named workspace."""
        _check_id(ident)
        values: dict[str, object] = {"name": checked_name(name, "workspace"), "updated_at": _now()}
        if keep:
            values["draft"] = False
        with writing(self.engine) as connection:
            done = connection.execute(
                update(t.workspaces).where(t.workspaces.c.id == ident).values(**values)
            )
            if done.rowcount == 0:
                raise WorkspaceNotFoundError(Message("store.unknown_workspace"))
        return self.workspace(ident)

    def delete_workspace(self, ident: str) -> None:
        """Delete workspace ``ident`` and all it holds.

        Its datasets, views, actions, links and workshop rooms go, and every file no other
        workspace uses.

        Raises
        ------
        WorkspaceNotFoundError
            If there is no such workspace.
        """
        _check_id(ident)
        with writing(self.engine) as connection:
            self._delete(connection, [ident])

    def purge(self, *, now: datetime | None = None) -> int:
        """Delete what was not used for :attr:`retention_days`.

        The workspaces (drafts included) unused for that long, and the workshop rooms
        neither changed nor answered for as long.

        Returns how many workspaces were deleted.
        """
        limit = (now or _now()) - timedelta(days=self.retention_days)
        with writing(self.engine) as connection:
            old = connection.execute(
                select(t.workspaces.c.id).where(t.workspaces.c.used_at < limit)
            ).scalars()
            idents = list(old)
            if idents:
                self._delete(connection, idents)
            delete_rooms(connection, codes=stale_rooms(connection, limit))
        return len(idents)

    def _delete(self, connection: object, idents: Sequence[str]) -> None:
        c = connection  # one transaction: children, then the workspaces, then orphan files
        hashes = set(
            c.execute(  # type: ignore[attr-defined]
                select(t.datasets.c.sha256).where(t.datasets.c.workspace_id.in_(idents))
            ).scalars()
        )
        delete_rooms(c, workspaces=idents)
        for table in (t.datasets, t.views, t.actions, t.links):
            c.execute(delete(table).where(table.c.workspace_id.in_(idents)))  # type: ignore[attr-defined]
        done = c.execute(delete(t.workspaces).where(t.workspaces.c.id.in_(idents)))  # type: ignore[attr-defined]
        if done.rowcount == 0:
            raise WorkspaceNotFoundError(Message("store.unknown_workspace"))
        if hashes:
            used = select(t.datasets.c.sha256).where(t.datasets.c.sha256.in_(hashes))
            c.execute(  # type: ignore[attr-defined]
                delete(t.files).where(t.files.c.sha256.in_(hashes), t.files.c.sha256.not_in(used))
            )

    # --- files and datasets -------------------------------------------------------------

    def _put_file(self, connection: object, content: bytes, file_name: str) -> tuple[str, int]:
        size = len(content)
        if size > self.max_file_bytes:
            message = Message(
                "store.file_too_large",
                name=Path(file_name).name,
                size_mb=size / 2**20,
                limit_mb=self.max_file_bytes / 2**20,
            )
            raise FileTooLargeError(message)
        digest = hashlib.sha256(content).hexdigest()
        c = connection
        known = c.execute(select(t.files.c.sha256).where(t.files.c.sha256 == digest)).first()  # type: ignore[attr-defined]
        if known is None:
            # a parameter of the call: a value of the (cached, compiled) statement would stay
            row = {"sha256": digest, "size": size, "content": content, "created_at": _now()}
            c.execute(insert(t.files), row)  # type: ignore[attr-defined]
        return digest, size

    def add_dataset(
        self,
        workspace_id: str,
        *,
        kind: DatasetKind,
        file_name: str,
        content: bytes,
        mapping_json: str | None = None,
        journey_json: str | None = None,
        columns_json: str | None = None,
        label: str | None = None,
        wave_date: date | None = None,
    ) -> Dataset:
        """Add a survey (a wave) or an event log to workspace ``workspace_id``.

        Raises
        ------
        WorkspaceNotFoundError
            If there is no such workspace.
        FileTooLargeError
            If ``content`` is larger than :attr:`max_file_bytes`.
        StoreError
            If ``kind`` is not one of :data:`DATASET_KINDS`.
        """
        _check_id(workspace_id)
        if kind not in DATASET_KINDS:
            raise StoreError(Message("store.bad_kind", kind=str(kind)))
        for name, value in (
            ("mapping_json", mapping_json),
            ("journey_json", journey_json),
            ("columns_json", columns_json),
        ):
            if value is not None:
                check_json(value, name)
        now = _now()
        try:
            with writing(self.engine, large=len(content) > LARGE_FILE) as connection:
                self._require(connection, workspace_id)  # locked: positions stay distinct
                digest, size = self._put_file(connection, content, file_name)
                position = connection.execute(
                    select(func.coalesce(func.max(t.datasets.c.position), 0)).where(
                        t.datasets.c.workspace_id == workspace_id
                    )
                ).scalar_one()
                row = {
                    "id": new_id(),
                    "workspace_id": workspace_id,
                    "kind": kind,
                    "position": int(position) + 1,
                    "file_name": Path(file_name).name[:500] or "file",
                    "sha256": digest,
                    "label": label,
                    "wave_date": wave_date,
                    "mapping_json": mapping_json,
                    "journey_json": journey_json,
                    "columns_json": columns_json,
                    "created_at": now,
                }
                connection.execute(insert(t.datasets).values(**row))
                connection.execute(
                    update(t.workspaces)
                    .where(t.workspaces.c.id == workspace_id)
                    .values(updated_at=now, used_at=now)
                )
        except IntegrityError as exc:  # the same new file saved at once by another replica
            raise StoreError(Message("store.busy")) from exc
        return Dataset(size=size, **row)

    def datasets(self, workspace_id: str, *, kind: DatasetKind | None = None) -> list[Dataset]:
        """The workspace's datasets in order (all, or those of one ``kind``)."""
        _check_id(workspace_id)
        query = (
            select(*t.datasets.c, t.files.c.size)
            .join(t.files, t.files.c.sha256 == t.datasets.c.sha256)
            .where(t.datasets.c.workspace_id == workspace_id)
            .order_by(t.datasets.c.position)
        )
        if kind is not None:
            query = query.where(t.datasets.c.kind == kind)
        with reading(self.engine) as connection:
            return [dataset_of(row) for row in connection.execute(query)]

    def update_dataset(self, dataset: Dataset, **changes: object) -> Dataset:
        """Store new choices for a dataset.

        Any of ``mapping_json``, ``journey_json``, ``columns_json``, ``label``,
        ``wave_date``, ``position``.
        """
        allowed = {"mapping_json", "journey_json", "columns_json", "label", "wave_date", "position"}
        unknown = sorted(set(changes) - allowed)
        if unknown:
            raise StoreError(Message("store.bad_field", field=", ".join(unknown)))
        for name in ("mapping_json", "journey_json", "columns_json"):
            if changes.get(name) is not None:
                check_json(changes[name], name)  # type: ignore[arg-type]
        with writing(self.engine) as connection:
            done = connection.execute(
                update(t.datasets).where(t.datasets.c.id == dataset.id).values(**changes)
            )
            if done.rowcount == 0:
                raise WorkspaceNotFoundError(Message("store.unknown_workspace"))
            connection.execute(
                update(t.workspaces)
                .where(t.workspaces.c.id == dataset.workspace_id)
                .values(updated_at=_now())
            )
        return replace(dataset, **changes)  # type: ignore[arg-type]

    def delete_dataset(self, dataset: Dataset) -> None:
        """Remove one dataset (its file too, when nothing else uses it)."""
        with writing(self.engine) as connection:
            connection.execute(delete(t.datasets).where(t.datasets.c.id == dataset.id))
            used = select(t.datasets.c.sha256).where(t.datasets.c.sha256 == dataset.sha256)
            connection.execute(
                delete(t.files).where(t.files.c.sha256 == dataset.sha256, ~used.exists())
            )

    def file_content(self, sha256: str) -> bytes:
        """The bytes of a stored file.

        Raises
        ------
        WorkspaceNotFoundError
            If no dataset holds a file with that hash any more.
        """
        with reading(self.engine, large=True) as connection:
            content = connection.execute(
                select(t.files.c.content).where(t.files.c.sha256 == sha256)
            ).scalar()
        if content is None:
            raise WorkspaceNotFoundError(Message("store.unknown_workspace"))
        return bytes(content)

    def n_files(self) -> int:
        """How many distinct files are stored (all workspaces)."""
        with reading(self.engine) as connection:
            return int(connection.execute(select(func.count()).select_from(t.files)).scalar_one())

    # --- saved views ----------------------------------------------------------------------

    def save_view(self, workspace_id: str, name: str, params: dict[str, str]) -> SavedView:
        """Save the link parameters ``params`` under ``name`` in the workspace."""
        _check_id(workspace_id)
        view = SavedView(new_id(), workspace_id, checked_name(name, "view"), dict(params), _now())
        with writing(self.engine) as connection:
            self._require(connection, workspace_id)
            connection.execute(
                insert(t.views).values(
                    id=view.id,
                    workspace_id=workspace_id,
                    name=view.name,
                    params_json=json.dumps(view.params, ensure_ascii=False, sort_keys=True),
                    created_at=view.created_at,
                )
            )
        return view

    def views(self, workspace_id: str) -> list[SavedView]:
        """The workspace's saved views, oldest first."""
        _check_id(workspace_id)
        with reading(self.engine) as connection:
            rows = connection.execute(
                select(t.views)
                .where(t.views.c.workspace_id == workspace_id)
                .order_by(t.views.c.created_at, t.views.c.id)
            )
            return [
                SavedView(
                    r.id, r.workspace_id, r.name, json.loads(r.params_json), aware(r.created_at)
                )
                for r in rows
            ]

    def delete_view(self, view: SavedView) -> None:
        """Forget a saved view."""
        with writing(self.engine) as connection:
            connection.execute(delete(t.views).where(t.views.c.id == view.id))

    # --- corrective actions ---------------------------------------------------------------

    def actions(self, workspace_id: str) -> list[Action]:
        """The workspace's actions, by touchpoint then due date then title."""
        _check_id(workspace_id)
        with reading(self.engine) as connection:
            rows = connection.execute(
                select(t.actions)
                .where(t.actions.c.workspace_id == workspace_id)
                .order_by(
                    t.actions.c.touchpoint, t.actions.c.due, t.actions.c.title, t.actions.c.id
                )
            )
            return [action_of(row) for row in rows]

    def save_action(self, action: Action) -> Action:
        """Store ``action``: a new one (``version`` 0) or an edit of the stored ``version``.

        Returns the stored action, its ``version`` one higher.

        Raises
        ------
        ActionConflictError
            If the stored action has moved on since ``action.version`` was read (someone
            else saved it) or was deleted; the error's ``current`` is the stored one (None
            when deleted), for the page to show.
        StoreError
            If the title is empty, or the status or gap is unknown.
        """
        _check_id(action.workspace_id)
        validate_action(action)
        now = _now()
        values = {
            "touchpoint": action.touchpoint,
            "title": action.title.strip()[:500],
            "owner": action.owner.strip()[:200],
            "status": action.status,
            "due": action.due,
            "gap": action.gap,
            "note": action.note[:5000],
            "updated_at": now,
        }
        with writing(self.engine) as connection:
            self._require(connection, action.workspace_id)
            if action.version == 0:
                ident = action.id or new_id()
                connection.execute(
                    insert(t.actions).values(
                        id=ident,
                        workspace_id=action.workspace_id,
                        version=1,
                        wave=action.wave,
                        **values,
                    )
                )
                return replace(action, id=ident, version=1, **values)
            done = connection.execute(
                update(t.actions)
                .where(
                    t.actions.c.id == action.id,
                    t.actions.c.workspace_id == action.workspace_id,
                    t.actions.c.version == action.version,
                )
                .values(version=action.version + 1, **values)
            )
            if done.rowcount == 1:
                wave = connection.execute(
                    select(t.actions.c.wave).where(t.actions.c.id == action.id)
                ).scalar()
                return replace(action, version=action.version + 1, wave=wave, **values)
            row = connection.execute(
                select(t.actions).where(
                    t.actions.c.id == action.id, t.actions.c.workspace_id == action.workspace_id
                )
            ).first()
        current = action_of(row) if row is not None else None
        raise ActionConflictError(Message("store.action_conflict", title=action.title), current)

    def delete_action(self, action: Action) -> None:
        """Delete ``action`` (of its workspace only) if it is still at ``action.version``.

        Raises
        ------
        ActionConflictError
            If someone saved it since (its ``current`` is the stored one).
        """
        with writing(self.engine) as connection:
            mine = (t.actions.c.id == action.id, t.actions.c.workspace_id == action.workspace_id)
            done = connection.execute(
                delete(t.actions).where(*mine, t.actions.c.version == action.version)
            )
            if done.rowcount == 1:
                return
            row = connection.execute(select(t.actions).where(*mine)).first()
        if row is None:
            return  # already gone: what was asked for
        message = Message("store.action_conflict", title=action.title)
        raise ActionConflictError(message, action_of(row))

    # --- shared links -----------------------------------------------------------------------

    def make_link(self, workspace_id: str, role: str) -> Link:
        """A new link that opens the workspace with ``role`` (:data:`LINK_ROLES`).

        Its token is unguessable like an id (:func:`new_id`) and says nothing of the
        workspace's own id, which stays with whoever made the workspace.

        Raises
        ------
        StoreError
            If ``role`` is not one of :data:`LINK_ROLES`.
        WorkspaceNotFoundError
            If there is no such workspace.
        """
        _check_id(workspace_id)
        if role not in LINK_ROLES:
            raise StoreError(Message("store.bad_role", role=str(role), known=", ".join(LINK_ROLES)))
        link = Link(new_id(), workspace_id, role, _now())
        with writing(self.engine) as connection:
            self._require(connection, workspace_id)
            connection.execute(
                insert(t.links).values(
                    token=link.token,
                    workspace_id=workspace_id,
                    role=role,
                    created_at=link.created_at,
                    revoked_at=None,
                )
            )
        return link

    def links(self, workspace_id: str) -> list[Link]:
        """The workspace's links, revoked ones too, newest first."""
        _check_id(workspace_id)
        with reading(self.engine) as connection:
            rows = connection.execute(
                select(t.links)
                .where(t.links.c.workspace_id == workspace_id)
                .order_by(t.links.c.created_at.desc(), t.links.c.token)
            )
            return [link_of(row) for row in rows]

    def revoke_link(self, workspace_id: str, token: str) -> None:
        """Revoke a link of the workspace: it opens nothing from now on (the workspace stays)."""
        _check_id(workspace_id)
        with writing(self.engine) as connection:
            connection.execute(
                update(t.links)
                .where(
                    t.links.c.token == token,
                    t.links.c.workspace_id == workspace_id,
                    t.links.c.revoked_at.is_(None),
                )
                .values(revoked_at=_now())
            )

    def resolve(self, ident: str) -> tuple[str, str]:
        """What an address's ``w`` opens: ``(workspace id, role)``.

        The workspace's own id gives ``owner``; a link's token its workspace and its role.

        Raises
        ------
        WorkspaceNotFoundError
            If it names nothing (never saved, deleted, purged), or a revoked link (said so).
        """
        _check_id(ident)
        with reading(self.engine) as connection:
            if connection.execute(
                select(t.workspaces.c.id).where(t.workspaces.c.id == ident)
            ).first():
                return ident, "owner"
            row = connection.execute(select(t.links).where(t.links.c.token == ident)).first()
        if row is None:
            raise WorkspaceNotFoundError(Message("store.unknown_workspace"))
        if row._mapping["revoked_at"] is not None:
            raise WorkspaceNotFoundError(Message("store.link_revoked"))
        return row._mapping["workspace_id"], row._mapping["role"]

    def _require(self, connection: object, workspace_id: str) -> None:
        # FOR UPDATE on PostgreSQL: concurrent writes to one workspace queue here (SQLite's
        # BEGIN IMMEDIATE has already queued them)
        found = connection.execute(  # type: ignore[attr-defined]
            select(t.workspaces.c.id).where(t.workspaces.c.id == workspace_id).with_for_update()
        ).first()
        if found is None:
            raise WorkspaceNotFoundError(Message("store.unknown_workspace"))


__all__ = [
    "ACTION_STATUSES",
    "DATASET_KINDS",
    "GAP_KINDS",
    "LINK_ROLES",
    "Action",
    "Dataset",
    "Link",
    "Room",
    "RoomTouchpoint",
    "SavedView",
    "Store",
    "Workspace",
    "database_url",
    "new_id",
    "open_store",
]
