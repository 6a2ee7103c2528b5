"""The store's records: frozen dataclasses of what it keeps, built from database rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime


def aware(value: datetime) -> datetime:
    """A stored time as UTC (SQLite gives it back without its zone)."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)


@dataclass(frozen=True)
class Workspace:
    """A saved workspace.

    ``id``, ``name``, whether it is a ``draft``, ``creator`` (the browser key that made it, or
    None), and its ``created_at``, ``updated_at`` and ``used_at`` (UTC).
    """

    id: str
    name: str
    draft: bool
    creator: str | None
    created_at: datetime
    updated_at: datetime
    used_at: datetime


@dataclass(frozen=True)
class Dataset:
    """A survey wave or an event log of a workspace.

    ``kind`` is ``survey`` or ``events``; ``position`` orders a workspace's datasets (waves in
    the order they were added unless moved); ``sha256`` names the stored file;
    ``mapping_json``, ``journey_json`` (surveys) and ``columns_json`` (event logs) are the
    JSON texts of the choices made on the Data page (None: the suggested ones); ``label`` and
    ``wave_date`` name a wave.
    """

    id: str
    workspace_id: str
    kind: str
    position: int
    file_name: str
    sha256: str
    size: int
    label: str | None
    wave_date: date | None
    mapping_json: str | None
    journey_json: str | None
    columns_json: str | None
    created_at: datetime


@dataclass(frozen=True)
class SavedView:
    """A saved view: its ``name`` and the link ``params`` (query parameters) that restore it."""

    id: str
    workspace_id: str
    name: str
    params: dict[str, str] = field(default_factory=dict)
    created_at: datetime | None = None


@dataclass(frozen=True)
class Action:
    """A corrective action on a touchpoint.

    ``status`` is one of :data:`ACTION_STATUSES`; ``gap`` the gap it addresses (``expected``:
    experienced vs expected, ``excellent``: experienced vs excellent, or None); ``version``
    counts its saves (1 for a new one) and is what :meth:`Store.save_action` checks;
    ``wave`` is the survey dataset (wave) it was decided on, kept from its first save, so
    that a later wave shows its before and after.
    """

    id: str
    workspace_id: str
    touchpoint: str
    title: str
    owner: str = ""
    status: str = "idea"
    due: date | None = None
    gap: str | None = None
    note: str = ""
    version: int = 0
    updated_at: datetime | None = None
    wave: str | None = None


@dataclass(frozen=True)
class Link:
    """A shared link to one workspace, revocable.

    Its ``token`` is what the address carries instead of the workspace's id; ``role`` is
    ``view`` (look, filter, download) or ``edit`` (also change the mapping, the journey, the
    actions and the waves); ``created_at`` and ``revoked_at`` (None while it works).
    """

    token: str
    workspace_id: str
    role: str
    created_at: datetime
    revoked_at: datetime | None = None


def workspace_of(row: object) -> Workspace:
    m = row._mapping  # type: ignore[attr-defined]
    return Workspace(
        m["id"],
        m["name"],
        bool(m["draft"]),
        m["creator"],
        aware(m["created_at"]),
        aware(m["updated_at"]),
        aware(m["used_at"]),
    )


def dataset_of(row: object) -> Dataset:
    m = dict(row._mapping)  # type: ignore[attr-defined]
    m["created_at"] = aware(m["created_at"])
    return Dataset(**m)


def action_of(row: object) -> Action:
    m = dict(row._mapping)  # type: ignore[attr-defined]
    m["updated_at"] = aware(m["updated_at"])
    return Action(**m)


def link_of(row: object) -> Link:
    """A :class:`Link` from its row."""
    m = dict(row._mapping)  # type: ignore[attr-defined]
    m["created_at"] = aware(m["created_at"])
    m["revoked_at"] = aware(m["revoked_at"]) if m["revoked_at"] is not None else None
    return Link(**m)
