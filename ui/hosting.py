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
"""

from __future__ import annotations

from contextlib import suppress
from functools import lru_cache

from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

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
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in HEADERS]
                message = {**message, "headers": [*kept, *HEADERS.items()]}
            await send(message)  # type: ignore[operator]

        await self.app(scope, receive, sending)  # type: ignore[operator]


@lru_cache(maxsize=4)
def _store(url: str) -> object:
    from mot.store import open_store

    return open_store(url)


def database_answers() -> bool:
    """Whether the store answers a query (opened once per database URL and process).

    The secrets file is read first: its top-level keys (``MOT_DATABASE_URL`` on Streamlit
    Community Cloud) become environment variables, as they do when a page first runs.
    """
    import streamlit as st

    from mot.errors import MotError
    from mot.store import database_url

    with suppress(Exception):  # no secrets file, or one that does not parse: the environment
        st.secrets.load_if_toml_exists()
    try:
        return bool(_store(database_url()).healthy())
    except MotError:
        return False


async def healthz(request: Request) -> JSONResponse:
    """The health route: the app answers, and whether its database does."""
    ok = await run_in_threadpool(database_answers)
    body = {"app": "ok", "database": "ok" if ok else "unreachable"}
    return JSONResponse(body, status_code=200 if ok else 503)


ROUTES = [Route("/healthz", healthz, methods=["GET"])]
"""The app's own routes beside Streamlit's."""
MIDDLEWARE = [Middleware(SecurityHeaders)]
"""Middleware around every request."""
