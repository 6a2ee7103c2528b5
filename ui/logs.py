"""Every cached call into the behaviour engine (:mod:`mot.behaviour`).

The survey side lives in :mod:`ui.data`; this module does the same for event logs. An
opened log is a DuckDB connection holding the log, so it is a resource of one browser
session (``scope="session"``): a connection is not shared between threads, and one user's
upload is never served to another. The event → touchpoint rules come from the session's
journey, so editing them on the Behaviour page is a journey change like any other.
The analyses of an opened log are in :mod:`ui.log_queries` (one cached function each).

An upload is written to a new private folder under :data:`UPLOADS` (DuckDB scans files) and
deleted with its log: when the session ends (the cache's ``on_release``), when the session
loads another log (released at once, see :func:`_handle`), or when it cannot be opened.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import streamlit as st

from mot.behaviour import EventLog, EventRules, bounce_entry, open_event_log, rules_from_journey
from mot.errors import MotError
from mot.journey import Journey
from ui import data, state

UPLOADS = Path(tempfile.gettempdir()) / "mot-event-logs"
"""Where uploaded logs are written: DuckDB scans files, not bytes in memory. Each opening of
an upload gets a folder of its own (private to the server's user), deleted when the log is
released: when its session ends, when the session replaces it by another log, or when the
log cannot be opened."""

_HELD = "_logs_held"  # session state: (key, handle) of the session's current log
_ATTEMPTS = "_logs_attempts"  # session state: log key → openings released so far


@dataclass(frozen=True)
class Opened:
    """The session's event log with its mapped view, and the key of both."""

    log: EventLog
    view: str
    rules: EventRules
    journey: Journey
    key: str
    lock: threading.Lock = field(compare=False, repr=False)
    name: str = ""
    is_demo: bool = False

    @property
    def connection(self) -> object:
        return self.log.connection

    @property
    def steps(self) -> list[str]:
        """Touchpoints with at least one keyword, in journey order: the default funnel."""
        return [tp for tp, words in self.rules.keywords if words]

    @property
    def reached(self) -> list[str]:
        """Touchpoints with rules that at least one user reached, in journey order."""
        # an event has a user: counting events per touchpoint needs no pass over the log
        events = self.log.touchpoint_events(self.rules)
        return [tp for tp in self.steps if events.get(tp, 0) > 0]

    @property
    def entry(self) -> str | None:
        """The touchpoint a bounce is measured at (:func:`mot.behaviour.bounce_entry`)."""
        return bounce_entry(self.journey, self.reached)


@dataclass
class _Handle:
    log: EventLog
    path: Path | None
    lock: threading.Lock = field(default_factory=threading.Lock)
    # this opening's identity: a log opened again (after a release) has new views to create
    token: str = field(default_factory=lambda: uuid.uuid4().hex)
    released: bool = False


def _release(handle: _Handle) -> None:
    """Close the log's connection and delete the upload's folder (never the demo's file).

    Called when the cache lets the handle go (its session ended, or it was evicted) and when
    the session replaces the log; a second call does nothing more.
    """
    with handle.lock:
        handle.released = True
        handle.log.connection.close()
    if handle.path is not None:
        _remove_upload(handle.path)


def _remove_upload(path: Path) -> None:
    shutil.rmtree(path.parent, ignore_errors=True)


STALE_AFTER = timedelta(days=1)
"""Leftovers older than this (a server killed before its sessions ended) are swept at start."""


def sweep_stale(now: float | None = None, *, older_than: timedelta = STALE_AFTER) -> int:
    """Delete upload folders (event logs and surveys), UTF-8 copies and DuckDB spill folders
    left by a stopped server.

    A session's own files are deleted when it ends; a server that was killed never ran those
    releases. Only folders untouched for ``older_than`` go, so a second server on the same
    machine keeps its live sessions' files. Returns how many folders were deleted.
    """
    limit = (time.time() if now is None else now) - older_than.total_seconds()
    root = Path(tempfile.gettempdir())
    surveys = root / "mot-surveys"  # ui.uploads.SURVEYS: survey uploads kept on disk
    candidates = [
        *UPLOADS.glob("*"),
        *surveys.glob("*"),
        *root.glob("mot-duckdb-*"),
        *root.glob("mot-utf8-*"),
    ]
    stale = [p for p in candidates if p.is_dir() and p.stat().st_mtime < limit]
    for folder in stale:
        shutil.rmtree(folder, ignore_errors=True)
    return len(stale)


def _upload_path(choice: state.EventLogChoice) -> Path:
    """The upload as a file under its own name (messages name it), in a new folder of its own."""
    UPLOADS.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(dir=UPLOADS))  # readable by the server's user only
    name = re.sub(r"[^\w.\- ]", "_", Path(choice.name).name).strip(" .") or "events.csv"
    path = folder / name
    path.write_bytes(choice.content or b"")
    return path


@st.cache_resource(max_entries=2, scope="session", show_spinner=False, on_release=_release)
def _open(key: str, attempt: int, _choice: state.EventLogChoice) -> _Handle:
    if _choice.is_demo:
        return _Handle(open_event_log(state.DEMO_EVENTS, columns=_choice.columns), None)
    path = _upload_path(_choice)
    try:
        return _Handle(open_event_log(path, columns=_choice.columns), path)
    except BaseException:
        _remove_upload(path)  # nothing holds it: the error names the file by its name
        raise


def _handle(choice: state.EventLogChoice) -> _Handle:
    """The opened log of ``choice``; once it is the session's log, the earlier ones go.

    A log the session replaced is released at once (its connection closed, its upload's
    folder deleted) instead of waiting for the session to end.
    """
    attempts = st.session_state.setdefault(_ATTEMPTS, {})
    handle = _open(choice.key, attempts.get(choice.key, 0), choice)
    if handle.released:  # a log the session had replaced, chosen again: open it anew
        attempts[choice.key] = attempts.get(choice.key, 0) + 1
        handle = _open(choice.key, attempts[choice.key], choice)
    if choice == state.event_log():
        held = st.session_state.get(_HELD)
        if held is not None and held[0] != choice.key:
            _release(held[1])
        st.session_state[_HELD] = (choice.key, handle)
    return handle


def open_log(choice: state.EventLogChoice) -> EventLog:
    """The log of this choice, opened (raises EventLogError when it cannot be read)."""
    return _handle(choice).log


def _rules_key(rules: EventRules) -> str:
    return hashlib.sha256(repr(rules.keywords).encode("utf-8")).hexdigest()[:12]


@st.cache_resource(max_entries=4, scope="session", show_spinner=False)
def _mapped(key: str, token: str, _handle: _Handle, _rules: EventRules) -> str:
    with _handle.lock:
        return _handle.log.mapped(_rules, name=f"events_mapped_{key.split('|')[-1]}")


def current() -> Opened:
    """The session's event log, mapped with the rules of the session's journey."""
    choice = state.event_log()
    handle = _handle(choice)
    journey = data.journey(state.dataset())
    rules = rules_from_journey(journey)
    key = f"{choice.key}|{_rules_key(rules)}"
    view = _mapped(key, handle.token, handle, rules)
    return Opened(handle.log, view, rules, journey, key, handle.lock, choice.name, choice.is_demo)


def for_report() -> Opened | None:
    """The session's event log for the report, or None when the report goes without one.

    The bundled demo log belongs with the demo survey only: beside an uploaded survey it
    would describe other customers, so the report then needs an uploaded log. A log that
    cannot be opened leaves the report without it (the Behaviour page says why).
    """
    if state.event_log().is_demo and not state.dataset().is_demo:
        return None
    try:
        return current()
    except MotError:
        return None
