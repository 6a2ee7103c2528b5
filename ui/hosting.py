"""The web server around the dashboard (``st.App`` in ``app.py``): the health route and the
headers every response carries.

- ``GET /healthz``: ``{"app": "ok", "database": "ok"}`` (200) when the app answers and its
  store does (a query on ``MOT_DATABASE_URL`` or the SQLite file of ``MOT_DATA_DIR``), else
  ``"database": "unreachable"`` (503), for a container's health check or a load balancer.
  It says nothing else (no workspace, no count) and needs no sign-in.
- :class:`SecurityHeaders`: ``Referrer-Policy: no-referrer`` (workspace ids and link tokens
  travel in addresses: a link clicked in a page must not hand them to another site),
  ``X-Content-Type-Options: nosniff``, and a frame policy (``X-Frame-Options: SAMEORIGIN``,
  ``Content-Security-Policy: frame-ancestors 'self'``: no other site can frame the app).
- **The pass** (hosted with a password or single sign-on, :mod:`ui.access`): once a session
  signs in, the page sends its browser to ``GET /access/granted?ticket=…`` (a one-time
  ticket, valid :data:`TICKET_SECONDS`, kept in this process), which sets the HttpOnly cookie
  :data:`PASS_COOKIE` (a signed pass, :func:`mot.access.make_pass`) and sends the browser
  back where it was; a reload, a new tab or a shared link then opens without signing in
  again. ``GET /access/sign-out`` deletes the cookie.
- **The workshop room** (:mod:`ui.rooms_api`): ``/api/rooms/…`` and the phone page
  ``/join``. They are not behind the pass: participants have no team password; a room's
  code lets them answer, and only its facilitator key reads its results.
- :class:`AccessGate`: when access is required, the routes that serve data outside the
  page (``/media/`` downloads and images, uploads, Streamlit's message cache and metrics,
  components, the static folder) answer 403 without a valid pass. The page itself, its
  scripts and styles, and the health route stay reachable: they show the sign-in page and
  nothing else.
"""

from __future__ import annotations

import secrets
import threading
import time
from contextlib import suppress
from functools import lru_cache

from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse
from starlette.routing import Route

PASS_COOKIE = "mot_pass"
TICKET_SECONDS = 60.0
GATED = (
    "/media/",
    "/_stcore/upload_file",
    "/_stcore/message",
    "/_stcore/metrics",
    "/component/",
    "/app/static/",
)
"""Path prefixes that need a pass when access is required."""

HEADERS: dict[bytes, bytes] = {
    b"referrer-policy": b"no-referrer",
    b"x-content-type-options": b"nosniff",
    b"x-frame-options": b"SAMEORIGIN",
    b"content-security-policy": b"frame-ancestors 'self'",
}
"""Set on every HTTP response (replacing any the app set itself)."""


class SecurityHeaders:
    """ASGI middleware that adds :data:`HEADERS` to every HTTP response."""

    def __init__(self, app: object) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: object, send: object) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)  # type: ignore[operator]
            return

        async def sending(message: dict) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": _with_policy(message.get("headers", []))}
            await send(message)  # type: ignore[operator]

        await self.app(scope, receive, sending)  # type: ignore[operator]


def _with_policy(headers: list) -> list:
    """``headers`` with :data:`HEADERS`; a route's own Content-Security-Policy stays when it
    also forbids other sites to frame it (the phone page's, :mod:`ui.rooms_api`)."""
    own = next((v for k, v in headers if k.lower() == b"content-security-policy"), b"")
    replaced = dict(HEADERS)
    if b"frame-ancestors 'self'" in own:
        replaced[b"content-security-policy"] = own
    kept = [(k, v) for k, v in headers if k.lower() not in replaced]
    return [*kept, *replaced.items()]


@lru_cache(maxsize=4)
def _store(url: str) -> object:
    from mot.store import open_store

    return open_store(url)


def server_store() -> object:
    """The process's store for the server's own routes (opened once per database URL).

    The secrets file is read first: its top-level keys (``MOT_DATABASE_URL`` on Streamlit
    Community Cloud) become environment variables, as they do when a page first runs.

    Raises
    ------
    mot.errors.StoreUnavailableError
        If the database cannot be reached.
    """
    import streamlit as st

    from mot.store import database_url

    with suppress(Exception):  # no secrets file, or one that does not parse: the environment
        st.secrets.load_if_toml_exists()
    return _store(database_url())


def database_answers() -> bool:
    """Whether the store answers a query (:func:`server_store`)."""
    from mot.errors import MotError

    try:
        return bool(server_store().healthy())
    except MotError:
        return False


async def healthz(request: Request) -> JSONResponse:
    """The health route: the app answers, and whether its database does."""
    ok = await run_in_threadpool(database_answers)
    body = {"app": "ok", "database": "ok" if ok else "unreachable"}
    return JSONResponse(body, status_code=200 if ok else 503)


# --- the pass ---------------------------------------------------------------------------------

_tickets: dict[str, tuple[str, int | None, str, float]] = {}
_tickets_lock = threading.Lock()


def issue_ticket(token: str, *, max_age: int | None, next_path: str) -> str:
    """A one-time ticket that :func:`granted` exchanges for the cookie holding ``token``
    (``max_age`` seconds, or until the browser closes) before sending the browser to
    ``next_path`` (a path of this app; anything else becomes ``/``)."""
    ticket = secrets.token_urlsafe(24)
    now = time.monotonic()
    with _tickets_lock:
        for old in [k for k, v in _tickets.items() if v[3] < now]:
            del _tickets[old]
        _tickets[ticket] = (token, max_age, _local(next_path), now + TICKET_SECONDS)
    return ticket


def _local(path: str) -> str:
    ok = path.startswith("/") and not path.startswith(("//", "/\\")) and "\r" not in path
    return path if ok and "\n" not in path else "/"


def _secure(request: Request) -> bool:
    forwarded = request.headers.get("x-forwarded-proto", "").split(",")[0].strip().lower()
    return request.url.scheme == "https" or forwarded == "https"


async def granted(request: Request) -> RedirectResponse:
    """Exchange a ticket for the pass cookie, then go back to the page (303)."""
    with _tickets_lock:
        found = _tickets.pop(request.query_params.get("ticket", ""), None)
    if found is None or found[3] < time.monotonic():
        return RedirectResponse("/", status_code=303)
    token, max_age, next_path, _ = found
    answer = RedirectResponse(next_path, status_code=303)
    answer.set_cookie(
        PASS_COOKIE,
        token,
        max_age=max_age,
        path="/",
        httponly=True,
        samesite="lax",
        secure=_secure(request),
    )
    answer.headers["cache-control"] = "no-store"
    return answer


async def sign_out(request: Request) -> RedirectResponse:
    """Forget the pass (and, after single sign-on, Streamlit's sign-in too)."""
    then = "/auth/logout" if request.query_params.get("sso") == "1" else "/"
    answer = RedirectResponse(then, status_code=303)
    answer.delete_cookie(PASS_COOKIE, path="/", httponly=True, samesite="lax")
    return answer


def _pass_ok(cookies: dict[str, str]) -> bool:
    from ui import access

    return access.pass_holds(cookies.get(PASS_COOKIE))


class AccessGate:
    """ASGI middleware: the :data:`GATED` routes answer 403 without a valid pass when the
    deployment requires access (:func:`ui.access.policy`); everything passes when it is open."""

    def __init__(self, app: object) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: object, send: object) -> None:
        gated = scope["type"] == "http" and scope.get("path", "").startswith(GATED)
        if gated and not await run_in_threadpool(_pass_ok, Request(scope).cookies):
            answer = JSONResponse({"error": "sign in first"}, status_code=403)
            await answer(scope, receive, send)  # type: ignore[arg-type]
            return
        await self.app(scope, receive, send)  # type: ignore[operator]


def _room_routes() -> list[Route]:
    from ui import rooms_api

    return rooms_api.ROUTES


ROUTES = [
    Route("/healthz", healthz, methods=["GET"]),
    Route("/access/granted", granted, methods=["GET"]),
    Route("/access/sign-out", sign_out, methods=["GET"]),
    *_room_routes(),
]
"""The app's own routes beside Streamlit's."""
MIDDLEWARE = [Middleware(SecurityHeaders), Middleware(AccessGate)]
"""Middleware around every request."""
