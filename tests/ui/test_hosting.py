"""The pass routes and the access gate of the web server (ui.hosting), called as ASGI apps.

A ticket opens once and only for a minute, sends the browser back only to a path of this
app, sets an HttpOnly SameSite=Lax cookie (Secure behind an HTTPS proxy); the gate answers
403 on the data routes without a valid pass when access is required, and lets everything
through when the dashboard is open. The browser round trip is in tests/e2e/test_access_walk.py.
"""

from __future__ import annotations

import asyncio
import time

import pytest
from starlette.requests import Request

from mot.access import hash_password, make_pass
from ui import hosting

HASH = hash_password("a long team password")


def request(path: str, query: str = "", headers: dict[str, str] | None = None) -> Request:
    raw = [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]
    scope = {
        "type": "http",
        "method": "GET",
        "path": path,
        "query_string": query.encode(),
        "headers": raw,
        "scheme": "http",
        "server": ("127.0.0.1", 8501),
    }
    return Request(scope)


def cookie_header(answer) -> str:
    return answer.headers.get("set-cookie", "")


def test_a_ticket_gives_the_cookie_once_and_goes_back_to_its_page():
    ticket = hosting.issue_ticket("TOKEN", max_age=None, next_path="/gaps?w=abc&lang=ES")
    answer = asyncio.run(hosting.granted(request("/access/granted", f"ticket={ticket}")))
    assert answer.status_code == 303
    assert answer.headers["location"] == "/gaps?w=abc&lang=ES"
    cookie = cookie_header(answer)
    assert cookie.startswith("mot_pass=TOKEN;")
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Path=/" in cookie
    assert "Max-Age" not in cookie and "Secure" not in cookie
    again = asyncio.run(hosting.granted(request("/access/granted", f"ticket={ticket}")))
    assert again.headers["location"] == "/" and not cookie_header(again)


def test_a_remembered_pass_lasts_its_days_and_is_secure_behind_https():
    ticket = hosting.issue_ticket("T", max_age=30 * 86400, next_path="/")
    https = request("/access/granted", f"ticket={ticket}", {"X-Forwarded-Proto": "https"})
    cookie = cookie_header(asyncio.run(hosting.granted(https)))
    assert f"Max-Age={30 * 86400}" in cookie and "Secure" in cookie


@pytest.mark.parametrize(
    "where", ["//evil.test/x", "https://evil.test", "/\\evil.test", "gaps", "/a\r\nSet-Cookie: x"]
)
def test_a_ticket_never_sends_the_browser_to_another_site(where):
    ticket = hosting.issue_ticket("T", max_age=None, next_path=where)
    answer = asyncio.run(hosting.granted(request("/access/granted", f"ticket={ticket}")))
    assert answer.headers["location"] == "/"


def test_an_expired_ticket_opens_nothing(monkeypatch):
    ticket = hosting.issue_ticket("T", max_age=None, next_path="/")
    later = time.monotonic() + hosting.TICKET_SECONDS + 1
    monkeypatch.setattr(hosting.time, "monotonic", lambda: later)
    answer = asyncio.run(hosting.granted(request("/access/granted", f"ticket={ticket}")))
    assert answer.headers["location"] == "/" and not cookie_header(answer)


@pytest.mark.parametrize(("query", "then"), [("", "/"), ("sso=1", "/auth/logout")])
def test_signing_out_deletes_the_cookie(query, then):
    answer = asyncio.run(hosting.sign_out(request("/access/sign-out", query)))
    assert answer.headers["location"] == then
    assert 'mot_pass="";' in cookie_header(answer) or "mot_pass=;" in cookie_header(answer)
    assert "Max-Age=0" in cookie_header(answer)


def run_gate(path: str, cookie: str | None) -> int:
    """The status the gate answers with (200: it let the request through to the app)."""

    async def app(scope, receive, send):
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"app"})

    sent: list[dict] = []

    async def receive():
        return {"type": "http.request", "body": b""}

    async def send(message):
        sent.append(message)

    headers = [(b"cookie", f"mot_pass={cookie}".encode())] if cookie else []
    scope = {
        "type": "http",
        "method": "GET",
        "path": path,
        "headers": headers,
        "query_string": b"",
        "scheme": "http",
        "server": ("127.0.0.1", 1),
    }
    asyncio.run(hosting.AccessGate(app)(scope, receive, send))
    return sent[0]["status"]


def test_the_gate_closes_the_data_routes_without_a_valid_pass(monkeypatch):
    monkeypatch.setenv("MOT_PASSWORD_HASH", HASH)
    valid = make_pass(HASH, expires=int(time.time()) + 60)
    other = make_pass(hash_password("an older team password"), expires=int(time.time()) + 60)
    for path in (
        "/media/abc.csv",
        "/_stcore/upload_file/a/b",
        "/_stcore/message",
        "/_stcore/metrics",
        "/component/x/index.html",
        "/app/static/x.txt",
    ):
        assert run_gate(path, None) == 403, path
        assert run_gate(path, other) == 403, path  # signed with another password
        assert run_gate(path, valid) == 200, path
    for path in ("/", "/gaps", "/healthz", "/_stcore/health", "/static/js/main.js"):
        assert run_gate(path, None) == 200, path  # the sign-in page and its scripts


def test_an_open_dashboard_has_no_gate(monkeypatch):
    monkeypatch.delenv("MOT_PASSWORD_HASH", raising=False)
    assert run_gate("/media/abc.csv", None) == 200
