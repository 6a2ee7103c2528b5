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


@dataclass(frozen=True)
class RoomTouchpoint:
    """A touchpoint of a workshop room: its ``id``, labels and whether it ``is_open``."""

    id: str
    label_en: str
    label_es: str
    is_open: bool

    def label(self, language: str) -> str:
        """The label in ``language`` (``en`` or ``es``)."""
        return self.label_es if language == "es" else self.label_en


@dataclass(frozen=True)
class Room:
    """A live workshop room (:meth:`mot.store.Store.open_room`).

    ``code`` is what participants type; ``workspace_id`` the workspace it belongs to (None on
    the demo); ``scale`` the ``(low, high)`` of its three ratings; ``stepwise``: the
    facilitator opens one touchpoint at a time; ``joining_locked``, ``results_hidden`` (the
    projector shows no numbers until revealed), ``ended_at`` (None while it runs), and its
    ``touchpoints`` in journey order.
    """

    code: str
    workspace_id: str | None
    name: str
    language: str
    scale: tuple[int, int]
    stepwise: bool
    joining_locked: bool
    results_hidden: bool
    created_at: datetime
    ended_at: datetime | None
    touchpoints: tuple[RoomTouchpoint, ...] = ()

    @property
    def ended(self) -> bool:
        """Whether the facilitator ended the room."""
        return self.ended_at is not None

    def touchpoint(self, ident: str) -> RoomTouchpoint | None:
        """The touchpoint ``ident``, or None."""
        return next((tp for tp in self.touchpoints if tp.id == ident), None)


def room_of(row: object, touchpoints: list[RoomTouchpoint]) -> Room:
    """A :class:`Room` from its row and its touchpoints."""
    m = row._mapping  # type: ignore[attr-defined]
    return Room(
        m["code"],
        m["workspace_id"],
        m["name"],
        m["language"],
        (int(m["scale_low"]), int(m["scale_high"])),
        bool(m["stepwise"]),
        bool(m["joining_locked"]),
        bool(m["results_hidden"]),
        aware(m["created_at"]),
        aware(m["ended_at"]) if m["ended_at"] is not None else None,
        tuple(touchpoints),
    )
