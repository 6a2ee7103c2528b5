"""The workshop room's API and the participants' phone page (routes of ``st.App``).

Phones do not run Streamlit: one Streamlit process handles about 20 light reruns a second
and a phone whose screen stays locked past the disconnected-session lifetime loses its
session. A plain page (``/join``, a few kilobytes of HTML and script in ``ui/assets/join``)
talks to this small JSON API instead, which reads and writes the store
(:mod:`mot.store`) directly:

- ``GET /api/rooms/{code}``: name, language, scale, touchpoints with labels and whether
  each is open; 404 for an unknown or ended room.
- ``POST /api/rooms/{code}/participants``: joins; ``{"participant_id", "token"}`` (201);
  423 when joining is locked.
- ``PUT /api/rooms/{code}/responses/{touchpoint}`` with ``Authorization: Bearer <token>``
  and any subset of ``{"expected", "excellent", "experienced", "emotion", "comment"}``:
  stores the participant's answer (the last one counts); 409 when the touchpoint is
  closed, 422 with the field and its range for a bad value, 401 without a valid token, 429
  past :data:`SEND_LIMIT` (with ``Retry-After``).
- ``GET /api/rooms/{code}/responses`` with the participant's token: what is saved for them
  (the phone shows it after a reload).
- ``GET /api/rooms/{code}/results`` with ``Authorization: Bearer <facilitator key>``: the
  tidy answers (``respondent_id, touchpoint, measure, value``); 401 without a key, 403
  with a wrong one.

Errors are ``{"error": <code>, "message": <text in the room's language>}`` plus, for a bad
value, ``field``, ``low`` and ``high``. Requests are bounded: a body of at most
:data:`MAX_BODY` bytes (413, never read further), sent as ``application/json`` (415
otherwise: a page of another site cannot send one without asking first), :data:`SEND_LIMIT`
sends per participant, :data:`JOIN_LIMIT` joins and :data:`MISS_LIMIT` distinct unknown codes
per client address (guessing codes is slow; an ended room is no guess), kept per server
process. A store that cannot be reached answers 503. A room's phones polling it are not
limited: a room of 50 behind one venue Wi-Fi polls it about 1,000 times a minute.
"""

from __future__ import annotations

import json
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Route

from mot.errors import (
    RoomFullError,
    RoomLockedError,
    RoomNotFoundError,
    StoreUnavailableError,
    TouchpointClosedError,
    UnknownTouchpointError,
)
from mot.messages import Message, render
from mot.workshop import EMOTION_SCALE, AnswerError, clean_code, room_ratings

ASSETS = Path(__file__).resolve().parent / "assets" / "join"
MAX_BODY = 8 * 1024
"""The largest request body, in bytes (an answer with a 500-character comment is < 2 KB)."""
SEND_LIMIT = (30, 10.0)
"""At most this many sends in this many seconds per participant."""
JOIN_LIMIT = (300, 60.0)
"""At most this many joins in this many seconds per client address."""
MISS_LIMIT = (30, 60.0)
"""At most this many requests for an unknown room code in this many seconds per client
address; past it, every room request from that address waits (429)."""
PAGE_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'self'"
)
"""The phone page's Content-Security-Policy: its own script and style, nothing else."""


class RateLimit:
    """A sliding-window limit per key, for a bounded number of keys (the oldest forgotten)."""

    def __init__(self, count: int, seconds: float, *, keys: int = 10_000) -> None:
        self.count, self.seconds, self.keys = count, seconds, keys
        self._seen: OrderedDict[str, deque[tuple[float, str | None]]] = OrderedDict()
        self._lock = threading.Lock()

    def wait(
        self,
        key: str,
        now: float | None = None,
        *,
        count: bool = True,
        value: str | None = None,
    ) -> float:
        """0 when ``key`` may go on (the request counts, unless ``count`` is false), else
        the seconds to wait. With ``value``, what counts is distinct values (an unknown code
        asked again and again by one forgotten phone counts once)."""
        now = time.monotonic() if now is None else now
        with self._lock:
            times = self._seen.pop(key, None) or deque()
            while times and times[0][0] <= now - self.seconds:
                times.popleft()
            self._seen[key] = times
            while len(self._seen) > self.keys:
                self._seen.popitem(last=False)
            if len(times) >= self.count:
                return max(0.1, times[0][0] + self.seconds - now)
            if count and (value is None or all(v != value for _, v in times)):
                times.append((now, value))
            return 0.0

    def reset(self) -> None:
        """Forget every key (tests)."""
        with self._lock:
            self._seen.clear()


sends = RateLimit(*SEND_LIMIT)
joins = RateLimit(*JOIN_LIMIT)
misses = RateLimit(*MISS_LIMIT)


def _store() -> Any:
    from ui import hosting

    return hosting.server_store()


def _language(request: Request, room: Any = None) -> str:
    if room is not None:
        return room.language
    asked = request.headers.get("accept-language", "")
    return "es" if asked.lower().startswith("es") else "en"


def _error(status: int, code: str, message: Message, language: str, **extra: Any) -> JSONResponse:
    body = {"error": code, "message": render(message, language), **extra}
    headers = {"cache-control": "no-store"}
    if status == 429:
        headers["retry-after"] = str(max(1, round(extra.get("retry_after", 1))))
    return JSONResponse(body, status_code=status, headers=headers)


def _bearer(request: Request) -> str | None:
    value = request.headers.get("authorization", "")
    scheme, _, token = value.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _json(body: Any, status: int = 200) -> JSONResponse:
    return JSONResponse(body, status_code=status, headers={"cache-control": "no-store"})


def api(handler: Callable[..., Any]) -> Callable[[Request], Any]:
    """Wrap a synchronous handler ``handler(request, store, code, body)``: the limit on
    unknown codes, the code's check (404), a bounded JSON body (413, 415), and the store's
    errors as JSON, off the event loop."""

    async def endpoint(request: Request) -> Response:
        language = _language(request)
        wait = misses.wait(_client(request), count=False)
        if wait:
            message = Message("room.too_many_codes", seconds=max(1, round(wait)))
            return _error(429, "too_many_codes", message, language, retry_after=wait)
        code = clean_code(request.path_params.get("code", ""))
        if code is None:
            misses.wait(_client(request), value=str(request.path_params.get("code", ""))[:16])
            return _error(404, "unknown_room", Message("room.unknown"), language)
        body = None
        if request.method in ("POST", "PUT"):
            kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
            if kind != "application/json":  # a cross-site form cannot send it unasked
                return _error(415, "not_json", Message("room.not_json"), language)
            body = await _bounded_body(request)
            if body is None:
                return _error(413, "too_large", Message("room.too_large", limit=MAX_BODY), language)
        return await run_in_threadpool(_guarded, handler, request, code, body)

    return endpoint


async def _bounded_body(request: Request) -> bytes | None:
    """The request's body, or None past :data:`MAX_BODY` (never read further than that)."""
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > MAX_BODY):
        return None
    parts, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:
            return None
        parts.append(chunk)
    return b"".join(parts)


def _guarded(handler: Callable[..., Response], request: Request, code: str, body: Any):
    language = _language(request)
    try:
        store = _store()
        return handler(request, store, code, body)
    except UnknownTouchpointError as exc:
        return _error(404, "unknown_touchpoint", exc.args[0], language)
    except RoomNotFoundError as exc:
        if not store.room_exists(code):  # an ended room is no guess
            misses.wait(_client(request), value=code)
        return _error(404, "unknown_room", exc.args[0], language)
    except RoomLockedError as exc:
        return _error(423, "locked", exc.args[0], language)
    except RoomFullError as exc:
        return _error(423, "full", exc.args[0], language)
    except (StoreUnavailableError, SQLAlchemyError):
        return _error(503, "unavailable", Message("room.unavailable"), language)


def _room_view(room: Any, participants: int) -> dict:
    return {
        "code": room.code,
        "name": room.name,
        "language": room.language,
        "scale": {"low": room.scale[0], "high": room.scale[1]},
        "emotion": {"low": EMOTION_SCALE[0], "high": EMOTION_SCALE[1]},
        "joining_locked": room.joining_locked,
        "participants": participants,
        "touchpoints": [
            {
                "id": tp.id,
                "label": tp.label(room.language),
                "label_en": tp.label_en,
                "label_es": tp.label_es,
                "open": tp.is_open,
            }
            for tp in room.touchpoints
        ],
    }


def _get_room(request: Request, store: Any, code: str, _body: Any) -> Response:
    room = store.room(code)
    return _json(_room_view(room, store.n_participants(code)))


def _join(request: Request, store: Any, code: str, _body: Any) -> Response:
    wait = joins.wait(_client(request))
    if wait:
        message = Message("room.too_fast", seconds=max(1, round(wait)))
        return _error(429, "too_fast", message, _language(request), retry_after=wait)
    ident, token = store.join_room(code)
    return _json({"participant_id": ident, "token": token}, status=201)


def _participant(request: Request, store: Any, code: str) -> tuple[Any, str | None]:
    room = store.room(code)
    return room, store.participant_of(code, _bearer(request))


def _put_answer(request: Request, store: Any, code: str, body: Any) -> Response:
    room, participant = _participant(request, store, code)
    if participant is None:
        return _error(401, "no_token", Message("room.no_token"), room.language)
    wait = sends.wait(f"{code}:{participant}")
    if wait:
        message = Message("room.too_fast", seconds=max(1, round(wait)))
        return _error(429, "too_fast", message, room.language, retry_after=wait)
    try:
        answer = json.loads(body or b"null")
    except (ValueError, RecursionError):  # not JSON, or nested thousands deep
        answer = None
    touchpoint = request.path_params["touchpoint"]
    try:
        saved = store.save_response(code, participant, touchpoint, answer)
    except AnswerError as exc:
        extra = {"field": exc.field, "low": exc.low, "high": exc.high}
        return _error(422, "bad_value", exc.args[0], room.language, **extra)
    except TouchpointClosedError as exc:
        return _error(409, "closed", exc.args[0], room.language)
    return _json({"touchpoint": touchpoint, "saved": saved})


def _my_answers(request: Request, store: Any, code: str, _body: Any) -> Response:
    room, participant = _participant(request, store, code)
    if participant is None:
        return _error(401, "no_token", Message("room.no_token"), room.language)
    return _json({"answers": store.answers_of(code, participant)})


def _results(request: Request, store: Any, code: str, _body: Any) -> Response:
    key = _bearer(request)
    language = _language(request)
    if key is None:
        return _error(401, "no_key", Message("room.no_key"), language)
    if not store.facilitator_ok(code, key):
        return _error(403, "wrong_key", Message("room.no_key"), language)
    room = store.room(code, ended=True)
    order = [tp.id for tp in room.touchpoints]
    tidy = room_ratings(store.responses(code), scale=room.scale, touchpoints=order)
    rows = tidy[["respondent_id", "touchpoint", "measure", "value"]].to_dict("records")
    return _json({"code": code, "name": room.name, "ended": room.ended, "answers": rows})


async def join_page(request: Request) -> Response:
    """The participants' page (``/join`` and ``/join/{code}``): the same static HTML."""
    return _asset("index.html", "text/html; charset=utf-8")


async def join_asset(request: Request) -> Response:
    """The page's script, style and icon (``/join/assets/{name}``)."""
    name = request.path_params["name"]
    kinds = {
        "join.js": "text/javascript; charset=utf-8",
        "join.css": "text/css; charset=utf-8",
    }
    if name not in kinds:
        return Response(status_code=404)
    return _asset(name, kinds[name])


def _asset(name: str, kind: str) -> Response:
    answer = FileResponse(ASSETS / name, media_type=kind)
    answer.headers["content-security-policy"] = PAGE_POLICY
    answer.headers["cache-control"] = "no-cache"
    return answer


ROUTES = [
    Route("/api/rooms/{code}", api(_get_room), methods=["GET"]),
    Route("/api/rooms/{code}/participants", api(_join), methods=["POST"]),
    Route("/api/rooms/{code}/responses/{touchpoint}", api(_put_answer), methods=["PUT"]),
    Route("/api/rooms/{code}/responses", api(_my_answers), methods=["GET"]),
    Route("/api/rooms/{code}/results", api(_results), methods=["GET"]),
    Route("/join", join_page, methods=["GET"]),
    Route("/join/assets/{name}", join_asset, methods=["GET"]),
    Route("/join/{code}", join_page, methods=["GET"]),
]
"""The room's routes, added to ``st.App``'s by :mod:`ui.hosting`."""
