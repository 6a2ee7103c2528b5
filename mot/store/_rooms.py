"""Live workshop rooms in the store (private to :mod:`mot.store`: :class:`Store` has these).

A room is a row of ``rooms`` with its touchpoints (``room_touchpoints``, each open or
closed), its participants (a random id and the SHA-256 of their bearer token, never the
token) and their answers (``responses``: one row per participant and touchpoint, the last
answer counting). The facilitator's key is kept the same way, as a hash. Every method is one
transaction; an answer is one upsert, so a send retried after a lost reply stores one answer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta

import pandas as pd
from sqlalchemy import Engine, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

import mot.store._tables as t
from mot.errors import (
    RoomFullError,
    RoomLockedError,
    RoomNotFoundError,
    StoreError,
    TouchpointClosedError,
    UnknownTouchpointError,
    WorkspaceNotFoundError,
)
from mot.messages import Message
from mot.store._checks import checked_name
from mot.store._engine import reading, writing
from mot.store._records import Room, RoomTouchpoint, aware, room_of
from mot.workshop import (
    ANSWER_COLUMNS,
    DEFAULT_SCALE,
    SCALES,
    check_answer,
    new_code,
    new_secret,
    secret_hash,
    secret_matches,
)

CODE_TRIES = 8
"""New codes tried before giving up (31⁶ codes: a clash is already rare)."""
MAX_PARTICIPANTS = 500
"""The most participants a room takes (its projector view reads every answer each refresh)."""


def _now() -> datetime:
    return datetime.now(UTC)


def _upsert(connection: object, table: object, row: dict, keys: Sequence[str], changes: dict):
    """INSERT … ON CONFLICT (keys) DO UPDATE SET changes, on SQLite or PostgreSQL."""
    if connection.dialect.name == "postgresql":  # type: ignore[attr-defined]
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    statement = dialect_insert(table).values(**row)
    return connection.execute(  # type: ignore[attr-defined]
        statement.on_conflict_do_update(index_elements=list(keys), set_=changes)
    )


def delete_rooms(connection: object, *, workspaces: Sequence[str] = (), codes: Sequence[str] = ()):
    """Delete the rooms of ``workspaces`` and the rooms ``codes``, with all they hold."""
    c = connection
    found = set(codes)
    if workspaces:
        found |= set(
            c.execute(  # type: ignore[attr-defined]
                select(t.rooms.c.code).where(t.rooms.c.workspace_id.in_(workspaces))
            ).scalars()
        )
    if not found:
        return
    for table in (t.responses, t.participants, t.room_touchpoints):
        c.execute(delete(table).where(table.c.room_code.in_(found)))  # type: ignore[attr-defined]
    c.execute(delete(t.rooms).where(t.rooms.c.code.in_(found)))  # type: ignore[attr-defined]


def stale_rooms(connection: object, limit: datetime) -> list[str]:
    """The rooms unused since ``limit``: neither changed nor answered."""
    answered = (
        select(t.responses.c.room_code)
        .where(t.responses.c.updated_at >= limit)
        .distinct()
        .scalar_subquery()
    )
    query = select(t.rooms.c.code).where(t.rooms.c.used_at < limit, t.rooms.c.code.not_in(answered))
    return list(connection.execute(query).scalars())  # type: ignore[attr-defined]


class Rooms:
    """The rooms part of :class:`mot.store.Store` (its ``engine`` is the store's)."""

    engine: Engine

    def open_room(
        self,
        name: str,
        touchpoints: Sequence[tuple[str, str, str]],
        *,
        workspace_id: str | None = None,
        language: str = "en",
        scale: tuple[int, int] = DEFAULT_SCALE,
        stepwise: bool = False,
    ) -> tuple[Room, str]:
        """Open a room for ``touchpoints`` (``(id, label_en, label_es)`` in journey order).

        Every touchpoint starts open, or only the first when ``stepwise``. Returns the room
        and the facilitator's key (shown once: the store keeps its hash only).

        Raises
        ------
        StoreError
            For an empty name or journey, a scale not in :data:`mot.workshop.SCALES`, or a
            language other than ``en``/``es``.
        WorkspaceNotFoundError
            If ``workspace_id`` names no workspace.
        """
        scale = (int(scale[0]), int(scale[1]))
        if scale not in SCALES:
            shown = ", ".join(f"{lo}-{hi}" for lo, hi in SCALES)
            message = Message("room.bad_scale", scales=shown, scale=f"{scale[0]}-{scale[1]}")
            raise StoreError(message)
        if not touchpoints:
            raise StoreError(Message("room.no_touchpoints"))
        key = new_secret()
        now = _now()
        row = {
            "workspace_id": workspace_id,
            "name": checked_name(name, "room"),
            "language": "es" if language == "es" else "en",
            "scale_low": scale[0],
            "scale_high": scale[1],
            "key_hash": secret_hash(key),
            "stepwise": stepwise,
            "joining_locked": False,
            "results_hidden": False,
            "created_at": now,
            "used_at": now,
        }
        for _ in range(CODE_TRIES):
            code = new_code()
            try:
                with writing(self.engine) as connection:
                    self._insert_room(connection, {**row, "code": code}, touchpoints, stepwise)
                return self.room(code), key
            except IntegrityError:
                if workspace_id is not None and not self._workspace_there(workspace_id):
                    raise WorkspaceNotFoundError(Message("store.unknown_workspace")) from None
        raise StoreError(Message("room.unknown"))  # pragma: no cover - 31⁶ codes

    def _workspace_there(self, ident: str) -> bool:
        with reading(self.engine) as connection:
            found = connection.execute(select(t.workspaces.c.id).where(t.workspaces.c.id == ident))
            return found.first() is not None

    @staticmethod
    def _insert_room(
        connection: object, row: dict, touchpoints: Sequence[tuple[str, str, str]], stepwise: bool
    ) -> None:
        connection.execute(insert(t.rooms).values(**row))  # type: ignore[attr-defined]
        rows = [
            {
                "room_code": row["code"],
                "touchpoint": str(ident),
                "position": i,
                "label_en": str(en),
                "label_es": str(es),
                "is_open": not stepwise or i == 0,
            }
            for i, (ident, en, es) in enumerate(touchpoints)
        ]
        connection.execute(insert(t.room_touchpoints), rows)  # type: ignore[attr-defined]

    def room(self, code: str, *, ended: bool = False) -> Room:
        """The room ``code`` (an ended one only with ``ended``).

        Raises
        ------
        RoomNotFoundError
            If there is no such room, or it ended and ``ended`` is false.
        """
        with reading(self.engine) as connection:
            return self._room(connection, code, ended=ended)

    @staticmethod
    def _room(connection: object, code: str, *, ended: bool = False, share: bool = False) -> Room:
        """The room; with ``share`` its row is read ``FOR SHARE``.

        On PostgreSQL a close, an end or a lock then waits for this transaction; SQLite's
        write lock already orders them.
        """
        if not isinstance(code, str) or len(code) > 8:
            raise RoomNotFoundError(Message("room.unknown"))
        c = connection
        query = select(t.rooms).where(t.rooms.c.code == code)
        if share:
            query = query.with_for_update(read=True)
        row = c.execute(query).first()  # type: ignore[attr-defined]
        if row is None or (row.ended_at is not None and not ended):
            raise RoomNotFoundError(Message("room.unknown"))
        tps = c.execute(  # type: ignore[attr-defined]
            select(t.room_touchpoints)
            .where(t.room_touchpoints.c.room_code == code)
            .order_by(t.room_touchpoints.c.position)
        )
        found = [RoomTouchpoint(r.touchpoint, r.label_en, r.label_es, bool(r.is_open)) for r in tps]
        return room_of(row, found)

    def room_exists(self, code: str) -> bool:
        """Whether a room ``code`` was opened and is still kept (ended ones too)."""
        try:
            self.room(code, ended=True)
        except RoomNotFoundError:
            return False
        return True

    def rooms(self, workspace_id: str | None) -> list[Room]:
        """The rooms of a workspace (ended ones too), newest first."""
        with reading(self.engine) as connection:
            codes = connection.execute(
                select(t.rooms.c.code)
                .where(t.rooms.c.workspace_id == workspace_id)
                .order_by(t.rooms.c.created_at.desc())
            ).scalars()
            return [self._room(connection, c, ended=True) for c in list(codes)]

    def facilitator_ok(self, code: str, key: object) -> bool:
        """Whether ``key`` is the facilitator key of room ``code`` (ended rooms too)."""
        with reading(self.engine) as connection:
            stored = connection.execute(
                select(t.rooms.c.key_hash).where(t.rooms.c.code == str(code)[:8])
            ).scalar()
        return stored is not None and secret_matches(key, stored)

    def update_room(self, code: str, **changes: bool) -> Room:
        """Set ``joining_locked``, ``results_hidden`` or ``stepwise`` of a running room."""
        allowed = {"joining_locked", "results_hidden", "stepwise"}
        values = {k: bool(v) for k, v in changes.items() if k in allowed}
        with writing(self.engine) as connection:
            room = self._room(connection, code)
            connection.execute(
                update(t.rooms).where(t.rooms.c.code == code).values(**values, used_at=_now())
            )
            if values.get("stepwise") and not room.stepwise:  # one open: the first open one
                first = next((tp.id for tp in room.touchpoints if tp.is_open), None)
                first = first or room.touchpoints[0].id
                tps = t.room_touchpoints
                connection.execute(
                    update(tps)
                    .where(tps.c.room_code == code)
                    .values(is_open=tps.c.touchpoint == first)
                )
            return self._room(connection, code)

    def open_touchpoint(self, code: str, touchpoint: str, is_open: bool, *, only: bool = False):
        """Open or close one touchpoint; ``only``: open it and close every other one.

        Raises
        ------
        RoomNotFoundError
            If the room is unknown or ended, or has no such touchpoint.
        """
        tps = t.room_touchpoints
        with writing(self.engine) as connection:
            room = self._room(connection, code)
            if room.touchpoint(touchpoint) is None:
                shown = str(touchpoint)[:200]
                raise UnknownTouchpointError(Message("room.unknown_touchpoint", touchpoint=shown))
            if only:
                connection.execute(update(tps).where(tps.c.room_code == code).values(is_open=False))
            connection.execute(
                update(tps)
                .where(tps.c.room_code == code, tps.c.touchpoint == touchpoint)
                .values(is_open=bool(is_open))
            )
            connection.execute(update(t.rooms).where(t.rooms.c.code == code).values(used_at=_now()))
            return self._room(connection, code)

    def end_room(self, code: str) -> None:
        """End the room: participants can no longer reach it; its answers stay."""
        with writing(self.engine) as connection:
            self._room(connection, code)
            now = _now()
            connection.execute(
                update(t.rooms).where(t.rooms.c.code == code).values(ended_at=now, used_at=now)
            )

    def delete_room(self, code: str) -> None:
        """Delete the room and every answer in it."""
        with writing(self.engine) as connection:
            self._room(connection, code, ended=True)
            delete_rooms(connection, codes=[code])

    def join_room(self, code: str) -> tuple[str, str]:
        """A new participant of room ``code``: ``(participant_id, token)``.

        Raises
        ------
        RoomNotFoundError
            If the room is unknown or ended.
        RoomLockedError
            If its facilitator locked joining.
        """
        token = new_secret()
        ident = new_secret()[:22]
        with writing(self.engine) as connection:
            room = self._room(connection, code, share=True)
            if room.joining_locked:
                raise RoomLockedError(Message("room.locked"))
            if self._count(connection, code) >= MAX_PARTICIPANTS:
                raise RoomFullError(Message("room.full", limit=MAX_PARTICIPANTS))
            connection.execute(
                insert(t.participants).values(
                    id=ident, room_code=code, token_hash=secret_hash(token), created_at=_now()
                )
            )
        return ident, token

    def participant_of(self, code: str, token: object) -> str | None:
        """The participant of room ``code`` whose token is ``token``, or None."""
        if not isinstance(token, str) or not token or len(token) > 128:
            return None
        with reading(self.engine) as connection:
            return connection.execute(
                select(t.participants.c.id).where(
                    t.participants.c.token_hash == secret_hash(token),
                    t.participants.c.room_code == code,
                )
            ).scalar()

    def save_response(
        self, code: str, participant: str, touchpoint: str, answer: Mapping[str, object]
    ) -> dict:
        """Store ``participant``'s answer to ``touchpoint``; returns the stored answer.

        The fields given replace the stored ones (the last answer counts).

        Raises
        ------
        RoomNotFoundError
            If the room is unknown or ended, or has no such touchpoint.
        TouchpointClosedError
            If the touchpoint is closed.
        mot.workshop.AnswerError
            If a value is off the room's scale (with the field and the range).
        """
        with writing(self.engine) as connection:
            room = self._room(connection, code, share=True)
            found = room.touchpoint(touchpoint)
            if found is None:
                shown = str(touchpoint)[:200]
                raise UnknownTouchpointError(Message("room.unknown_touchpoint", touchpoint=shown))
            if not found.is_open:
                label = found.label(room.language)
                raise TouchpointClosedError(Message("room.closed", touchpoint=label))
            clean = check_answer(answer, scale=room.scale)
            now = _now()
            row = {
                "room_code": code,
                "participant_id": participant,
                "touchpoint": touchpoint,
                "comment_hidden": False,
                "updated_at": now,
                **clean,
            }
            changes = {**clean, "updated_at": now}
            _upsert(connection, t.responses, row, ["participant_id", "touchpoint"], changes)
            stored = connection.execute(
                select(t.responses).where(
                    t.responses.c.participant_id == participant,
                    t.responses.c.touchpoint == touchpoint,
                )
            ).first()
        return _answer_of(stored)

    def answers_of(self, code: str, participant: str) -> dict[str, dict]:
        """A participant's stored answers, by touchpoint (what their phone shows as saved)."""
        with reading(self.engine) as connection:
            rows = connection.execute(
                select(t.responses).where(
                    t.responses.c.room_code == code, t.responses.c.participant_id == participant
                )
            )
            return {r.touchpoint: _answer_of(r) for r in rows}

    def responses(self, code: str) -> pd.DataFrame:
        """Every answer of room ``code``, in the order they were last changed.

        Columns :data:`mot.workshop.ANSWER_COLUMNS` (ratings as floats, NaN when not given).
        """
        joined = t.participants.c.created_at.label("joined_at")
        with reading(self.engine) as connection:
            rows = connection.execute(
                select(t.responses, joined)
                .join(t.participants, t.participants.c.id == t.responses.c.participant_id)
                .where(t.responses.c.room_code == code)
                .order_by(t.responses.c.updated_at, t.responses.c.participant_id)
            ).all()
        frame = pd.DataFrame(
            {
                "participant": [r.participant_id for r in rows],
                "touchpoint": [r.touchpoint for r in rows],
                **{
                    f: pd.array([getattr(r, f) for r in rows], dtype="Float64").to_numpy(
                        dtype="float64", na_value=float("nan")
                    )
                    for f in ("expected", "excellent", "experienced", "emotion")
                },
                "comment": pd.Series([r.comment for r in rows], dtype=object),
                "comment_hidden": [bool(r.comment_hidden) for r in rows],
                "updated_at": pd.to_datetime([aware(r.updated_at) for r in rows], utc=True),
                "joined_at": pd.to_datetime([aware(r.joined_at) for r in rows], utc=True),
            }
        )
        return frame[list(ANSWER_COLUMNS)]

    def hide_comment(self, code: str, participant: str, touchpoint: str, hidden: bool = True):
        """Hide (or show again) one participant's comment on the projector and in exports."""
        r = t.responses
        with writing(self.engine) as connection:
            self._room(connection, code, ended=True)
            connection.execute(
                update(r)
                .where(r.c.room_code == code, r.c.participant_id == participant)
                .where(r.c.touchpoint == touchpoint)
                .values(comment_hidden=bool(hidden))
            )

    def n_participants(self, code: str) -> int:
        """How many joined room ``code``."""
        with reading(self.engine) as connection:
            return self._count(connection, code)

    @staticmethod
    def _count(connection: object, code: str) -> int:
        from sqlalchemy import func

        query = select(func.count()).select_from(t.participants)
        found = connection.execute(query.where(t.participants.c.room_code == code))  # type: ignore[attr-defined]
        return int(found.scalar() or 0)


def _answer_of(row: object) -> dict:
    if row is None:
        return {}
    m = row._mapping  # type: ignore[attr-defined]
    out = {f: m[f] for f in ("expected", "excellent", "experienced", "emotion", "comment")}
    out["updated_at"] = aware(m["updated_at"]).isoformat()
    return out


def room_limit(retention_days: float, now: datetime | None = None) -> datetime:
    """The oldest last use a room may have and be kept."""
    return (now or _now()) - timedelta(days=retention_days)
