"""An uploaded event log's temporary copy goes when its browser session ends.

The Behaviour page writes an upload under ``ui.logs.UPLOADS`` for DuckDB to scan; the opened
log is a ``st.cache_resource(scope="session")`` entry whose ``on_release`` closes the
connection and deletes the folder. This test does what Streamlit does when a browser leaves
(``AppSession.shutdown`` clears the session's caches) and checks that the copy is gone.
"""

from pathlib import Path

import pytest
from streamlit.runtime import caching
from streamlit.runtime.caching.cache_resource_api import _resource_caches
from streamlit.testing.v1 import AppTest

from tests.pages.conftest import page_path
from ui import logs
from ui.state import EventLogChoice

LOG = (
    b"user_id,session_id,timestamp,event\n"
    b"u1,s1,2026-03-02T10:00:00Z,landing\n"
    b"u1,s1,2026-03-02T10:01:00Z,product_view\n"
    b"u1,s1,2026-03-02T10:05:00Z,purchase\n"
    b"u2,s2,2026-03-03T09:00:00Z,landing\n"
)


@pytest.fixture
def uploads(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "mot-event-logs"
    monkeypatch.setattr(logs, "UPLOADS", folder)
    return folder


def _sessions_holding_a_log() -> set[str]:
    sessions = set()
    for session_id, caches in _resource_caches._function_caches.items():
        for cache in caches.values():
            for result in list(cache._mem_cache.values()):
                if session_id is not None and isinstance(result.value, logs._Handle):
                    sessions.add(session_id)
    return sessions


def test_ending_the_session_deletes_the_uploaded_log(uploads):
    at = AppTest.from_file(page_path("pages/behaviour.py"), default_timeout=120)
    at.session_state["event_log"] = EventLogChoice("shop events.csv", LOG)
    at.run()
    assert not at.exception, at.exception
    [copy] = list(uploads.glob("*/shop events.csv"))
    assert copy.read_bytes() == LOG
    sessions = _sessions_holding_a_log()
    assert sessions, "the opened log is a session resource"
    for session_id in sessions:  # what AppSession.shutdown does when the browser leaves
        caching.clear_session_resource_cache(session_id)
        caching.clear_session_data_cache(session_id)
    assert not copy.parent.exists(), "the upload outlived its session"
    assert list(uploads.glob("*")) == []
