"""The workshop room on the Streamlit side (the Workshop page): the room this session runs,
its live tables, its controls, and its answers saved as a wave.

A room belongs to the workspace the session shows; on the demo, or on an upload the store
did not keep, opening a room first saves a draft workspace holding it
(:func:`ui.workspaces.ensure_workspace`), so its answers can become a wave of it and its
actions be kept beside them. The facilitator key stays in the session
(:func:`ui.state.facilitate`); another device takes the room over with the code and the
key. Every number shown is read from the store on each refresh (nothing cached: the room
changes every second), through :mod:`mot.workshop`.
"""

from __future__ import annotations

import os
from datetime import date
from urllib.parse import urlsplit

import pandas as pd
import streamlit as st

from mot import workshop
from mot.errors import MotError, RoomNotFoundError, StoreError
from mot.messages import Message
from mot.store import Room
from ui import data, state, workspaces

LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0"}


def public_base() -> str:
    """Where phones reach this server: ``MOT_PUBLIC_URL``, else the address of this page."""
    configured = os.environ.get("MOT_PUBLIC_URL")
    if configured:
        return configured.rstrip("/")
    parts = urlsplit(st.context.url or "http://localhost:8501")
    return f"{parts.scheme}://{parts.netloc}"


def join_address(code: str) -> str:
    """The address participants open for room ``code``."""
    return f"{public_base()}/join/{code}"


def local_only(address: str) -> bool:
    """Whether ``address`` names this computer only (a phone cannot open it).

    Examples
    --------
    >>> local_only("http://127.0.0.1:8501/join/K7M2QX"), local_only("https://mot.example.org/j")
    (True, False)
    """
    return (urlsplit(address).hostname or "") in LOCAL_HOSTS


@st.cache_data(max_entries=32, show_spinner=False)
def qr_png(address: str) -> bytes:
    """A QR code of ``address`` as PNG bytes (segno, error correction M, big modules)."""
    import io

    import segno

    buffer = io.BytesIO()
    segno.make(address, error="m").save(buffer, kind="png", scale=10, border=2)
    return buffer.getvalue()


def default_name() -> str:
    """A new room's name: the named workspace's, else the dataset's ("Demo survey")."""
    from ui.i18n import t

    opened, shown = state.workspace(), state.dataset()
    if opened is not None and not opened.draft:
        return opened.name
    return t("report.demo_name") if shown.is_demo else shown.name


def _touchpoints(loaded: data.Loaded) -> list[tuple[str, str, str]]:
    return [(tp.id, tp.label_en, tp.label_es) for tp in loaded.survey.journey.touchpoints]


def open_room(loaded: data.Loaded, name: str, *, stepwise: bool, scale: tuple[int, int]) -> Room:
    """Open a room for the journey of the data shown, in the workspace shown (a new draft
    holding the data when there is none), and run it from this session."""
    opened = workspaces.ensure_workspace()
    if not opened.can_edit:
        raise StoreError(Message("store.read_only"))
    room, key = workspaces.with_store(
        lambda store: store.open_room(
            name,
            _touchpoints(loaded),
            workspace_id=opened.id,
            language=state.language(),
            scale=scale,
            stepwise=stepwise,
        )
    )
    state.facilitate(room.code, key)
    return room


def take_over(code_text: str, key: str) -> None:
    """Run room ``code_text`` from this session, with its facilitator ``key``."""
    code = workshop.clean_code(code_text)
    ok = code is not None and workspaces.with_store(lambda s: s.facilitator_ok(code, key.strip()))
    if not ok:
        raise StoreError(Message("room.no_key"))
    state.facilitate(code, key.strip())


def current() -> Room | None:
    """The room this session runs (ended ones too), or None (a purged room is let go)."""
    found = state.facilitated_room()
    if found is None:
        return None
    try:
        return workspaces.with_store(lambda store: store.room(found.code, ended=True))
    except RoomNotFoundError:
        state.leave_room()
        return None


def key() -> str:
    """The facilitator key of the room this session runs."""
    found = state.facilitated_room()
    return found.key if found is not None else ""


def answers(room: Room) -> pd.DataFrame:
    """The room's answers now (:data:`mot.workshop.ANSWER_COLUMNS`)."""
    return workspaces.with_store(lambda store: store.responses(room.code))


def participants(room: Room) -> int:
    """How many joined."""
    return workspaces.with_store(lambda store: store.n_participants(room.code))


def labels(room: Room) -> dict[str, str]:
    """Touchpoint id → label in the session's language, as typed (for tables, charts)."""
    return {tp.id: tp.label(state.language()) for tp in room.touchpoints}


def shown_labels(room: Room) -> dict[str, str]:
    """The labels as Markdown shows them literally (widget labels, captions)."""
    from ui.widgets import md_values

    return md_values(labels(room))


def _order(room: Room) -> list[str]:
    return [tp.id for tp in room.touchpoints]


def summary(room: Room, answers: pd.DataFrame) -> pd.DataFrame:
    """Per touchpoint: answers, means and gaps on the room's scale
    (:func:`mot.workshop.room_summary`)."""
    names = labels(room)
    frame = pd.DataFrame({"touchpoint": list(names), "label": list(names.values())})
    return workshop.room_summary(answers, frame)


def scored(room: Room, answers: pd.DataFrame) -> pd.DataFrame:
    """The answers on the product's scales (:func:`mot.workshop.room_scored`)."""
    return workshop.room_scored(answers, scale=room.scale, touchpoints=_order(room))


def gaps(room: Room, answers: pd.DataFrame) -> pd.DataFrame | None:
    """The live gap table (:func:`mot.gaps.gap_table`), None while it cannot be computed."""
    from mot.gaps import gap_table

    try:
        return gap_table(scored(room, answers))
    except MotError:
        return None


def curve(room: Room, answers: pd.DataFrame) -> pd.DataFrame | None:
    """The room's emotion curve (:func:`mot.curves.emotion_curve`), None without ratings."""
    from mot.curves import emotion_curve

    try:
        return emotion_curve(scored(room, answers))
    except MotError:
        return None


def distribution(room: Room, answers: pd.DataFrame, touchpoint: str) -> pd.DataFrame:
    """How many chose each point of each question at ``touchpoint``."""
    found = workshop.room_distribution(answers, scale=room.scale)
    if found.empty:
        return found
    return found[found["touchpoint"] == touchpoint].reset_index(drop=True)


def latest_touchpoint(room: Room, answers: pd.DataFrame) -> str:
    """The touchpoint answered last (else the first open one, else the first)."""
    if len(answers):
        return str(answers.sort_values("updated_at")["touchpoint"].iloc[-1])
    return next((tp.id for tp in room.touchpoints if tp.is_open), room.touchpoints[0].id)


def comments(room: Room, answers: pd.DataFrame) -> pd.DataFrame:
    """The room's comments, newest first: ``participant, touchpoint, label, comment, hidden``."""
    said = answers[answers["comment"].notna()].sort_values("updated_at", ascending=False)
    names = labels(room)
    return pd.DataFrame(
        {
            "participant": said["participant"].to_numpy(dtype=object),
            "touchpoint": said["touchpoint"].to_numpy(dtype=object),
            "label": said["touchpoint"].map(names).to_numpy(dtype=object),
            "comment": said["comment"].to_numpy(dtype=object),
            "hidden": said["comment_hidden"].astype(bool).to_numpy(),
        }
    )


def answered(answers: pd.DataFrame) -> int:
    """How many ratings the room holds (each question of each touchpoint counts once)."""
    return int(answers[[*workshop.RATINGS, "emotion"]].notna().to_numpy().sum())


# --- the facilitator's controls ----------------------------------------------------------


def set_open(room: Room, touchpoint: str, is_open: bool, *, only: bool = False) -> None:
    """Open or close a touchpoint (``only``: open it and close the others)."""
    workspaces.with_store(
        lambda store: store.open_touchpoint(room.code, touchpoint, is_open, only=only)
    )


def set_flags(room: Room, **flags: bool) -> None:
    """Lock joining, hide results, or step through touchpoints."""
    workspaces.with_store(lambda store: store.update_room(room.code, **flags))


def hide_comment(room: Room, participant: str, touchpoint: str, hidden: bool) -> None:
    """Hide (or show again) one comment."""
    workspaces.with_store(
        lambda store: store.hide_comment(room.code, participant, touchpoint, hidden)
    )


def end(room: Room) -> None:
    """End the room: phones can no longer answer; the answers stay."""
    workspaces.with_store(lambda store: store.end_room(room.code))


def leave() -> None:
    """Stop running the room from this session (the room goes on)."""
    state.leave_room()


# --- the answers as a dataset ------------------------------------------------------------


def csv(room: Room, answers: pd.DataFrame) -> bytes:
    """The tidy answers as a CSV file (:func:`mot.workshop.room_csv`)."""
    tidy = workshop.room_ratings(answers, scale=room.scale, touchpoints=_order(room))
    return workshop.room_csv(tidy)


def deck(room: Room) -> bytes:
    """The follow-up deck (:func:`mot.deck.workshop_deck`): the room's numbers, its visible
    comments and, when this session shows the room's workspace, its actions; in the
    session's language."""
    from mot.actions import actions_frame
    from mot.deck import workshop_deck

    now = answers(room)
    said = comments(room, now)
    visible = said.loc[~said["hidden"], ["touchpoint", "comment"]]
    # The workspace's actions only for a session that shows it: the key opens the room only.
    shows = room.workspace_id is not None and state.workspace_id() == room.workspace_id
    kept = workspaces.actions(room.workspace_id) if shows else []
    return workshop_deck(
        summary(room, now),
        visible.reset_index(drop=True),
        actions_frame(kept),
        title=room.name,
        scale=room.scale,
        language=state.language(),
    )


def file_name(room: Room, extension: str = "csv") -> str:
    """A file of the room: ``room-CODE-DATE.csv`` (or another ``extension``)."""
    return f"room-{room.code}-{date.today().isoformat()}.{extension}"


def save_wave(room: Room, answers: pd.DataFrame) -> None:
    """Save the answers as the newest wave of the room's workspace, and show it (every
    analysis page then shows the room).

    Only from a session that shows that workspace with edits allowed: the facilitator key
    runs the room, it never opens the workspace (``StoreError`` otherwise).
    """
    if room.workspace_id is None or state.workspace_id() != room.workspace_id:
        raise StoreError(Message("room.other_workspace"))
    label = f"{room.name} · {date.today().isoformat()}"
    workspaces.add_survey_wave(csv(room, answers), file_name(room), label)
