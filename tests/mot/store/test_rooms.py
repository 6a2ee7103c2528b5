"""Workshop rooms in the store, on SQLite and PostgreSQL: codes, joining, answers, controls,
deletion with the workspace and the retention purge."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest

from mot.errors import (
    RoomLockedError,
    RoomNotFoundError,
    StoreError,
    TouchpointClosedError,
    WorkspaceNotFoundError,
)
from mot.workshop import CODE_ALPHABET, AnswerError, secret_hash

TOUCHPOINTS = [("ZMOT", "Search", "Búsqueda"), ("FMOT", "Shelf", "Estante"), ("TMOT", "Use", "Uso")]


def test_a_room_opens_with_every_touchpoint_open_and_keeps_only_the_key_hash(store):
    room, key = store.open_room("Lisbon workshop", TOUCHPOINTS)
    assert len(room.code) == 6 and set(room.code) <= set(CODE_ALPHABET)
    assert [tp.is_open for tp in room.touchpoints] == [True, True, True]
    assert [tp.label("es") for tp in room.touchpoints] == ["Búsqueda", "Estante", "Uso"]
    assert room.scale == (1, 7) and not room.ended and room.workspace_id is None
    assert store.facilitator_ok(room.code, key)
    assert not store.facilitator_ok(room.code, key[:-1] + ("A" if key[-1] != "A" else "B"))
    assert not store.facilitator_ok(room.code, None)
    from sqlalchemy import text

    with store.engine.connect() as connection:
        stored = connection.execute(text("SELECT key_hash FROM rooms")).scalar()
    assert stored == secret_hash(key) and key not in stored


def test_a_stepwise_room_opens_its_first_touchpoint_only(store):
    room, _ = store.open_room("Step", TOUCHPOINTS, stepwise=True)
    assert [tp.is_open for tp in room.touchpoints] == [True, False, False]
    moved = store.open_touchpoint(room.code, "FMOT", True, only=True)
    assert [tp.is_open for tp in moved.touchpoints] == [False, True, False]
    both = store.open_touchpoint(room.code, "TMOT", True)
    assert [tp.is_open for tp in both.touchpoints] == [False, True, True]


@pytest.mark.parametrize(
    ("touchpoints", "options"),
    [([], {}), (TOUCHPOINTS, {"scale": (1, 6)}), (TOUCHPOINTS, {"scale": (0, 100)})],
)
def test_a_room_needs_touchpoints_and_a_known_scale(store, touchpoints, options):
    with pytest.raises(StoreError):
        store.open_room("Bad", touchpoints, **options)


def test_a_room_of_an_unknown_workspace_is_refused(store):
    with pytest.raises(WorkspaceNotFoundError):
        store.open_room("Ghost", TOUCHPOINTS, workspace_id="no-such-workspace-0001")


def test_answers_merge_and_the_last_one_counts(store):
    room, _ = store.open_room("R", TOUCHPOINTS)
    who, _ = store.join_room(room.code)
    store.save_response(room.code, who, "ZMOT", {"expected": 6, "comment": "ok"})
    saved = store.save_response(room.code, who, "ZMOT", {"expected": 2, "experienced": 5})
    assert (saved["expected"], saved["experienced"], saved["comment"]) == (2, 5, "ok")
    cleared = store.save_response(room.code, who, "ZMOT", {"comment": None})
    assert cleared["comment"] is None and cleared["expected"] == 2
    answers = store.responses(room.code)
    assert len(answers) == 1 and answers.iloc[0]["experienced"] == 5.0
    assert store.answers_of(room.code, who)["ZMOT"]["expected"] == 2


def test_a_closed_touchpoint_an_ended_room_and_a_bad_value_store_nothing(store):
    room, _ = store.open_room("R", TOUCHPOINTS, scale=(1, 5))
    who, _ = store.join_room(room.code)
    store.open_touchpoint(room.code, "FMOT", False)
    with pytest.raises(TouchpointClosedError, match="Shelf"):
        store.save_response(room.code, who, "FMOT", {"expected": 3})
    with pytest.raises(AnswerError) as bad:
        store.save_response(room.code, who, "ZMOT", {"expected": 6})  # a 1–5 room
    assert (bad.value.field, bad.value.low, bad.value.high) == ("expected", 1, 5)
    with pytest.raises(RoomNotFoundError):
        store.save_response(room.code, who, "NOPE", {"expected": 3})
    store.end_room(room.code)
    with pytest.raises(RoomNotFoundError):
        store.save_response(room.code, who, "ZMOT", {"expected": 3})
    with pytest.raises(RoomNotFoundError):
        store.room(room.code)
    assert store.room(room.code, ended=True).ended
    assert store.responses(room.code).empty


def test_joining_a_locked_room_is_refused_and_tokens_belong_to_one_room(store):
    room, _ = store.open_room("A", TOUCHPOINTS)
    other, _ = store.open_room("B", TOUCHPOINTS)
    who, token = store.join_room(room.code)
    assert store.participant_of(room.code, token) == who
    assert store.participant_of(other.code, token) is None
    assert (
        store.participant_of(room.code, "") is None and store.participant_of(room.code, 3) is None
    )
    store.update_room(room.code, joining_locked=True)
    with pytest.raises(RoomLockedError):
        store.join_room(room.code)
    assert store.n_participants(room.code) == 1


def test_a_hidden_comment_is_marked_and_shown_again(store):
    room, _ = store.open_room("R", TOUCHPOINTS)
    who, _ = store.join_room(room.code)
    store.save_response(room.code, who, "ZMOT", {"comment": "rude words"})
    store.hide_comment(room.code, who, "ZMOT")
    assert bool(store.responses(room.code).iloc[0]["comment_hidden"])
    store.hide_comment(room.code, who, "ZMOT", hidden=False)
    assert not bool(store.responses(room.code).iloc[0]["comment_hidden"])


def test_rooms_go_with_their_workspace_and_after_the_retention_period(store):
    ws = store.create_workspace("W")
    kept, _ = store.open_room("Of the workspace", TOUCHPOINTS, workspace_id=ws.id)
    who, _ = store.join_room(kept.code)
    store.save_response(kept.code, who, "ZMOT", {"expected": 3})
    assert [r.code for r in store.rooms(ws.id)] == [kept.code]
    store.delete_workspace(ws.id)
    with pytest.raises(RoomNotFoundError):
        store.room(kept.code, ended=True)
    assert store.responses(kept.code).empty
    old, _ = store.open_room("Demo room", TOUCHPOINTS)
    later = store.room(old.code).created_at + timedelta(days=store.retention_days + 1)
    store.purge(now=store.room(old.code).created_at + timedelta(days=1))
    assert store.room(old.code).code == old.code  # still in use
    store.purge(now=later)
    with pytest.raises(RoomNotFoundError):
        store.room(old.code, ended=True)


def test_concurrent_answers_from_many_participants_are_all_stored(store):
    room, _ = store.open_room("Busy", TOUCHPOINTS)
    people = [store.join_room(room.code)[0] for _ in range(12)]
    errors: list[BaseException] = []

    def answer(who: str) -> None:
        try:
            for tp, _, _ in TOUCHPOINTS:
                for value in (1, 4, 6):  # each repeated: the last one counts
                    store.save_response(room.code, who, tp, {"experienced": value})
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=answer, args=(p,)) for p in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors
    answers = store.responses(room.code)
    assert len(answers) == 12 * 3 and set(answers["experienced"]) == {6.0}
