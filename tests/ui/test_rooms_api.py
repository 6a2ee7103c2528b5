"""The workshop room's API (ui.rooms_api), called in process through Starlette's TestClient.

Each test gets a store of its own (a SQLite file in a temporary ``MOT_DATA_DIR``); the
server's rate limits are reset between tests. The real server, with 50 participants and a
kill in the middle, is in tests/e2e/test_room_load.py.
"""

from __future__ import annotations

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from mot.store import open_store
from ui import hosting, rooms_api

TOUCHPOINTS = [("ZMOT", "Search", "Búsqueda"), ("FMOT", "Shelf", "Estante")]


@pytest.fixture
def setup(tmp_path, monkeypatch):
    monkeypatch.setenv("MOT_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("MOT_DATABASE_URL", raising=False)
    rooms_api.sends.reset()
    rooms_api.joins.reset()
    rooms_api.misses.reset()
    store = open_store(data_dir=tmp_path)
    app = Starlette(routes=hosting.ROUTES, middleware=hosting.MIDDLEWARE)
    with TestClient(app) as client:
        yield client, store
    store.close()


def opened(store, **options):
    room, key = store.open_room("Room <b>one</b>", TOUCHPOINTS, **options)
    return room.code, key


def joined(client, code) -> dict:
    answer = client.post(f"/api/rooms/{code}/participants", json={})
    assert answer.status_code == 201
    return answer.json()


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def test_a_room_says_its_name_scale_and_touchpoints(setup):
    client, store = setup
    code, _ = opened(store, stepwise=True, language="es", scale=(1, 5))
    answer = client.get(f"/api/rooms/{code}")
    assert answer.status_code == 200
    body = answer.json()
    assert body["name"] == "Room <b>one</b>" and body["language"] == "es"
    assert body["scale"] == {"low": 1, "high": 5} and body["emotion"] == {"low": -3, "high": 3}
    assert [(t["id"], t["label"], t["open"]) for t in body["touchpoints"]] == [
        ("ZMOT", "Búsqueda", True),
        ("FMOT", "Estante", False),
    ]
    assert "key" not in answer.text.lower().replace("key_", "")  # no secret in it
    assert answer.headers["cache-control"] == "no-store"
    # lower case and a dash are the same code; a wrong one, a malformed one, an ended one: 404
    assert client.get(f"/api/rooms/{code[:3].lower()}-{code[3:]}").status_code == 200
    assert client.get("/api/rooms/ZZZZZZ").status_code == 404
    assert client.get("/api/rooms/..%2F..%2Fetc").status_code == 404
    store.end_room(code)
    gone = client.get(f"/api/rooms/{code}")
    assert gone.status_code == 404 and gone.json()["error"] == "unknown_room"


def test_joining_gives_a_token_and_a_locked_room_says_423(setup):
    client, store = setup
    code, _ = opened(store)
    first, second = joined(client, code), joined(client, code)
    assert first["token"] != second["token"] and first["participant_id"] != second["participant_id"]
    assert client.get(f"/api/rooms/{code}").json()["participants"] == 2
    store.update_room(code, joining_locked=True)
    locked = client.post(f"/api/rooms/{code}/participants", json={})
    assert locked.status_code == 423 and locked.json()["error"] == "locked"
    assert "locked joining" in locked.json()["message"]


def test_an_answer_is_stored_and_the_last_one_counts(setup):
    client, store = setup
    code, _ = opened(store)
    token = joined(client, code)["token"]
    url = f"/api/rooms/{code}/responses/ZMOT"
    answer = client.put(url, json={"expected": 6, "excellent": 7}, headers=bearer(token))
    assert answer.status_code == 200
    assert answer.json()["saved"]["expected"] == 6
    for _ in range(3):  # a retried send stores one answer
        again = client.put(url, json={"expected": 4, "experienced": 3}, headers=bearer(token))
        assert again.status_code == 200
    stored = store.responses(code)
    assert len(stored) == 1
    row = stored.iloc[0]
    assert (row["expected"], row["excellent"], row["experienced"]) == (4, 7, 3)
    mine = client.get(f"/api/rooms/{code}/responses", headers=bearer(token)).json()["answers"]
    assert mine["ZMOT"]["expected"] == 4 and mine["ZMOT"]["excellent"] == 7


def test_a_comment_is_stored_as_typed_and_length_limited(setup):
    client, store = setup
    code, _ = opened(store)
    token = joined(client, code)["token"]
    url = f"/api/rooms/{code}/responses/FMOT"
    typed = '<script>alert(1)</script> ![x](http://evil.test/a.png) =HYPERLINK("x")'
    assert client.put(url, json={"comment": typed}, headers=bearer(token)).status_code == 200
    assert store.responses(code).iloc[0]["comment"] == typed
    long = client.put(url, json={"comment": "x" * 501}, headers=bearer(token))
    assert long.status_code == 422 and long.json()["field"] == "comment"
    assert "500" in long.json()["message"]
    as_json = {**bearer(token), "Content-Type": "application/json"}
    huge = client.put(url, content=b'{"comment": "' + b"y" * 9000 + b'"}', headers=as_json)
    assert huge.status_code == 413 and huge.json()["error"] == "too_large"
    assert "8192 bytes" in huge.json()["message"]

    def chunks():  # a body sent in pieces, without a length: refused once past the limit
        yield from [b"z" * 4096] * 10

    streamed = client.put(url, content=chunks(), headers=as_json)
    assert streamed.status_code == 413


@pytest.mark.parametrize(
    ("field", "value", "low", "high"),
    [
        ("expected", 8, 1, 7),
        ("experienced", 0, 1, 7),
        ("excellent", 3.5, 1, 7),
        ("emotion", 4, -3, 3),
        ("emotion", "bad", -3, 3),
        ("excellent", True, 1, 7),
    ],
)
def test_a_bad_value_is_422_with_its_field_and_range(setup, field, value, low, high):
    client, store = setup
    code, _ = opened(store)
    token = joined(client, code)["token"]
    answer = client.put(
        f"/api/rooms/{code}/responses/ZMOT", json={field: value}, headers=bearer(token)
    )
    assert answer.status_code == 422
    body = answer.json()
    assert (body["field"], body["low"], body["high"]) == (field, low, high)
    assert store.responses(code).empty  # nothing stored


def test_unknown_fields_non_objects_and_unknown_touchpoints_are_refused(setup):
    client, store = setup
    code, _ = opened(store)
    token = joined(client, code)["token"]
    url = f"/api/rooms/{code}/responses/ZMOT"
    unknown = client.put(url, json={"price": 3}, headers=bearer(token))
    assert unknown.status_code == 422 and unknown.json()["field"] == "price"
    assert client.put(url, json=[1, 2], headers=bearer(token)).status_code == 422
    as_json = {**bearer(token), "Content-Type": "application/json"}
    assert client.put(url, content=b"not json", headers=as_json).status_code == 422
    deep = b'{"expected": ' + b"[" * 3000 + b"]" * 3000 + b"}"  # 6 KB, 3,000 deep
    assert client.put(url, content=deep, headers=as_json).status_code == 422  # not a 500
    form = client.put(
        url, content=b"expected=3", headers={**bearer(token), "Content-Type": "text/plain"}
    )
    assert form.status_code == 415 and form.json()["error"] == "not_json"
    assert client.post(f"/api/rooms/{code}/participants", content=b"{}").status_code == 415
    nowhere = client.put(f"/api/rooms/{code}/responses/NOPE", json={}, headers=bearer(token))
    assert nowhere.status_code == 404 and nowhere.json()["error"] == "unknown_touchpoint"
    assert client.get(f"/api/rooms/{code}").status_code == 200  # a touchpoint is no guess


def test_a_closed_touchpoint_is_409(setup):
    client, store = setup
    code, _ = opened(store, stepwise=True)
    token = joined(client, code)["token"]
    closed = client.put(
        f"/api/rooms/{code}/responses/FMOT", json={"expected": 3}, headers=bearer(token)
    )
    assert closed.status_code == 409 and "Shelf" in closed.json()["message"]
    store.open_touchpoint(code, "FMOT", True, only=True)
    url = f"/api/rooms/{code}/responses/FMOT"
    assert client.put(url, json={"expected": 3}, headers=bearer(token)).status_code == 200
    zmot = client.put(
        f"/api/rooms/{code}/responses/ZMOT", json={"expected": 3}, headers=bearer(token)
    )
    assert zmot.status_code == 409  # "only": opening one closed the other


def test_without_a_valid_token_an_answer_is_401_and_rooms_never_mix(setup):
    client, store = setup
    code, _ = opened(store)
    other, _ = opened(store)
    token = joined(client, code)["token"]
    url = f"/api/rooms/{other}/responses/ZMOT"
    assert client.put(url, json={"expected": 3}).status_code == 401
    assert client.put(url, json={"expected": 3}, headers=bearer("made-up")).status_code == 401
    wrong_room = client.put(url, json={"expected": 3}, headers=bearer(token))
    assert wrong_room.status_code == 401  # a token of one room opens nothing in another
    assert store.responses(other).empty
    basic = client.put(url, json={"expected": 3}, headers={"Authorization": f"Basic {token}"})
    assert basic.status_code == 401


def test_past_the_rate_limit_a_participant_gets_429_with_retry_after(setup):
    client, store = setup
    code, _ = opened(store)
    token = joined(client, code)["token"]
    other = joined(client, code)["token"]
    url = f"/api/rooms/{code}/responses/ZMOT"
    count, _ = rooms_api.SEND_LIMIT
    statuses = [
        client.put(url, json={"expected": 1 + i % 7}, headers=bearer(token)).status_code
        for i in range(count + 3)
    ]
    assert statuses[:count] == [200] * count and statuses[count:] == [429] * 3
    limited = client.put(url, json={"expected": 2}, headers=bearer(token))
    assert int(limited.headers["retry-after"]) >= 1
    assert client.put(url, json={"expected": 2}, headers=bearer(other)).status_code == 200


def test_guessing_codes_is_slowed_down_but_a_polling_room_is_not(setup):
    client, store = setup
    code, _ = opened(store)
    ended, _ = opened(store)
    store.end_room(ended)
    count, _ = rooms_api.MISS_LIMIT
    for _ in range(count * 2):  # a phone left on an ended room, and one on a mistyped code
        assert client.get(f"/api/rooms/{ended}").status_code == 404
        assert client.get("/api/rooms/ZZZZZZ").status_code == 404
    assert client.get(f"/api/rooms/{code}").status_code == 200  # they count once: no guess
    guesses = [f"{c}2345{d}" for c in "ABCDEFGH" for d in "ABCD"][: count - 1]
    assert [client.get(f"/api/rooms/{g}").status_code for g in guesses] == [404] * (count - 1)
    guessed = client.get("/api/rooms/YYYYYY")
    assert guessed.status_code == 429 and int(guessed.headers["retry-after"]) >= 1
    assert guessed.json()["error"] == "too_many_codes"
    assert client.get(f"/api/rooms/{code}").status_code == 429  # the guesser waits for all
    rooms_api.misses.reset()
    polls = [client.get(f"/api/rooms/{code}").status_code for _ in range(count * 3)]
    assert polls == [200] * (count * 3)  # phones polling a real room are never limited


def test_a_full_room_says_so(setup, monkeypatch):
    from mot.store import _rooms

    client, store = setup
    code, _ = opened(store)
    monkeypatch.setattr(_rooms, "MAX_PARTICIPANTS", 2)
    joined(client, code)
    joined(client, code)
    full = client.post(f"/api/rooms/{code}/participants", json={})
    assert full.status_code == 423 and full.json()["error"] == "full"


def test_a_store_that_cannot_be_reached_answers_503(setup, monkeypatch):
    from mot.errors import StoreUnavailableError
    from mot.messages import Message

    client, store = setup
    code, _ = opened(store)

    def down():
        raise StoreUnavailableError(Message("store.unavailable", dialect="sqlite"))

    monkeypatch.setattr(rooms_api, "_store", down)
    answer = client.get(f"/api/rooms/{code}")
    assert answer.status_code == 503 and answer.json()["error"] == "unavailable"
    assert "/" not in answer.json()["message"]  # no server path


def test_the_rate_limit_forgets_old_sends():
    limit = rooms_api.RateLimit(2, 10.0, keys=2)
    assert limit.wait("d", now=0, value="x") == 0 and limit.wait("d", now=1, value="x") == 0
    assert limit.wait("d", now=2, value="x") == 0  # one distinct value so far
    limit.reset()
    assert limit.wait("a", now=0) == 0 and limit.wait("a", now=1) == 0
    assert limit.wait("a", now=2) == pytest.approx(8.0)
    assert limit.wait("a", now=10.5) == 0  # the first send left the window
    limit.wait("b", now=11)
    limit.wait("c", now=11)  # only two keys are kept: "a" is forgotten
    assert limit.wait("a", now=11) == 0 and limit.wait("a", now=11) == 0


def test_results_need_the_facilitator_key(setup):
    client, store = setup
    code, key = opened(store)
    token = joined(client, code)["token"]
    client.put(
        f"/api/rooms/{code}/responses/ZMOT",
        json={"expected": 5, "experienced": 3, "emotion": -2, "comment": "slow"},
        headers=bearer(token),
    )
    url = f"/api/rooms/{code}/results"
    assert client.get(url).status_code == 401
    assert client.get(url, headers=bearer(token)).status_code == 403  # a participant
    assert client.get(url, headers=bearer("x" * 32)).status_code == 403
    answer = client.get(url, headers=bearer(key))
    assert answer.status_code == 200
    rows = answer.json()["answers"]
    assert [(r["respondent_id"], r["touchpoint"], r["measure"], r["value"]) for r in rows] == [
        ("P01", "ZMOT", "anticipated", 5),
        ("P01", "ZMOT", "experienced", 3),
        ("P01", "ZMOT", "emotion", -2),
        ("P01", "ZMOT", "comment", "slow"),
    ]
    store.end_room(code)  # the facilitator still reads an ended room's answers
    assert client.get(url, headers=bearer(key)).status_code == 200


def test_the_phone_page_is_static_with_its_own_strict_policy(setup):
    client, _ = setup
    for path in ("/join", "/join/K7M2QX"):
        page = client.get(path)
        assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
        policy = page.headers["content-security-policy"]
        assert "script-src 'self'" in policy and "frame-ancestors 'self'" in policy
        assert page.headers["referrer-policy"] == "no-referrer"
        assert '<script src="/join/assets/join.js"' in page.text
    script = client.get("/join/assets/join.js")
    assert script.status_code == 200 and "textContent" in script.text
    assert "innerHTML" not in script.text  # labels and comments are never markup
    assert len(script.content) < 16_000  # a few kilobytes, no build step
    climbing = client.get("/join/assets/..%2Frooms_api.py")
    assert climbing.status_code == 404 and "import" not in climbing.text
    assert client.get("/join/assets/secret.txt").status_code == 404
