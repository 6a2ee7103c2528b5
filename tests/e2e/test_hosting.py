"""The web server around the dashboard (issue 14), against the real server on loopback:
``app.py`` is an ``st.App`` started by ``streamlit run`` (``python -m ui.serve``, as ``make
run`` does), with the health route and the headers on every response."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

import pytest

from .harness import server

pytestmark = pytest.mark.e2e

EXPECTED = {
    "referrer-policy": "no-referrer",
    "x-content-type-options": "nosniff",
    "x-frame-options": "SAMEORIGIN",
    "content-security-policy": "frame-ancestors 'self'",
}


def _get(url: str) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, dict(response.headers.items()), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers.items()), exc.read()


def test_the_health_route_and_the_headers(tmp_path):
    with server(env={"MOT_DATA_DIR": str(tmp_path)}) as url:
        status, headers, body = _get(f"{url}/healthz")
        assert status == 200 and json.loads(body) == {"app": "ok", "database": "ok"}
        for path in ("/healthz", "/", "/gaps?w=" + "x" * 23, "/_stcore/health", "/nowhere"):
            _, headers, _ = _get(url + path)
            seen = {k.lower(): v for k, v in headers.items()}
            for name, value in EXPECTED.items():
                assert seen.get(name) == value, (path, name)


def test_the_health_route_says_when_the_database_does_not_answer(tmp_path):
    unreachable = "postgresql+psycopg://nobody@127.0.0.1:9/none?connect_timeout=2"
    env = {"MOT_DATA_DIR": str(tmp_path), "MOT_DATABASE_URL": unreachable}
    with server(env=env) as url:
        status, _, body = _get(f"{url}/healthz")
        assert status == 503
        assert json.loads(body) == {"app": "ok", "database": "unreachable"}
        assert b"127.0.0.1" not in body and b"nobody" not in body
