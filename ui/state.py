"""What this session is looking at, behind one small interface.

Pages read the dataset, language, display mode and filter through these functions and never
touch ``st.session_state`` keys of their own for them. Saved workspaces and shareable links
(a later step) will change how this module stores things, not the pages.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

import streamlit as st

DEMO_SURVEY = Path(__file__).resolve().parents[1] / "data" / "demo_survey.csv"
DEMO_EVENTS = DEMO_SURVEY.with_name("demo_events.parquet")

# Widget keys owned by the shared sidebar (app.py); also the URL query parameters.
LANGUAGE_KEY = "lang"
LARGE_KEY = "large"
THEME_WATCH_KEY = "mot_theme_watch"
SCHEME_KEY = "_mot_scheme"
FILTER_SEGMENT_KEY = "filter_segment"
FILTER_VALUES_KEY = "filter_values"


def _digest(content: bytes | None, *parts: str | None) -> str:
    """A short hash of a file's bytes (None = the bundled demo) and the texts that go with it."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update((part or "").encode("utf-8") + b"\0")
    digest.update(content or b"demo")
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class DatasetChoice:
    """Which survey is loaded: the bundled demo, or an upload, with the mapping and journey
    the user chose (JSON text; None = suggested / default).

    An upload is its bytes (``content``), or, as the Data page keeps one, a file on disk
    (``path``, written by :mod:`ui.uploads`, with ``digest`` the SHA-256 of its bytes) so
    that the server does not hold the file in memory beside its survey.
    """

    name: str
    content: bytes | None = None
    mapping_json: str | None = None
    journey_json: str | None = None
    path: Path | None = None
    digest: str | None = None

    @property
    def is_demo(self) -> bool:
        """The bundled demo file, whatever mapping and journey go with it."""
        return self.content is None and self.path is None

    @property
    def is_default_demo(self) -> bool:
        """The bundled demo with the suggested mapping and the default journey: the same for
        every session, so its survey and results may be cached once for everyone. An edited
        demo is the user's own and is cached per session like an upload."""
        return self.is_demo and self.mapping_json is None and self.journey_json is None

    @property
    def source(self) -> bytes | Path | None:
        """What to read: the upload's file or bytes (None for the demo)."""
        return self.path if self.path is not None else self.content

    @property
    def _identity(self) -> bytes | None:
        if self.path is not None:
            return f"file:{self.digest}".encode()
        return self.content

    @cached_property  # hashed once: an upload's bytes can be 200 MB
    def key(self) -> str:
        """Identity of the data, mapping and journey: the cache key of everything derived."""
        return _digest(self._identity, self.name, self.mapping_json, self.journey_json)

    @cached_property
    def file_key(self) -> str:
        """Identity of the file alone (bytes and name): what reading it depends on."""
        return _digest(self._identity, self.name, None, None)

    def with_mapping(self, mapping: dict | None) -> DatasetChoice:
        text = json.dumps(mapping, sort_keys=True, ensure_ascii=False) if mapping else None
        return replace(self, mapping_json=text)

    def with_journey(self, journey: dict | None) -> DatasetChoice:
        text = json.dumps(journey, sort_keys=True, ensure_ascii=False) if journey else None
        return replace(self, journey_json=text)


DEMO = DatasetChoice(name=DEMO_SURVEY.name)


@dataclass(frozen=True)
class EventLogChoice:
    """Which event log is loaded: the bundled demo, or an upload (its bytes and name), with
    the columns the user confirmed (JSON text of role → column; None = detected)."""

    name: str
    content: bytes | None = None
    columns_json: str | None = None

    @property
    def is_demo(self) -> bool:
        return self.content is None

    @cached_property  # hashed once: an upload's bytes can be 200 MB
    def key(self) -> str:
        """Identity of the log and its columns: the cache key of everything derived."""
        return _digest(self.content, self.name, self.columns_json)

    @property
    def columns(self) -> dict[str, str | None] | None:
        """Role → column chosen by the user, or None to detect them."""
        return json.loads(self.columns_json) if self.columns_json else None

    def with_columns(self, columns: dict[str, str | None] | None) -> EventLogChoice:
        text = json.dumps(columns, sort_keys=True, ensure_ascii=False) if columns else None
        return replace(self, columns_json=text)


DEMO_LOG = EventLogChoice(name=DEMO_EVENTS.name)


def init() -> None:
    """Defaults of a new session (app.py calls it on every run)."""
    st.session_state.setdefault("dataset", DEMO)
    st.session_state.setdefault("event_log", DEMO_LOG)


def dataset() -> DatasetChoice:
    """The dataset of this session."""
    init()
    return st.session_state["dataset"]


def use_dataset(choice: DatasetChoice) -> None:
    """Switch this session to another dataset (and clear a filter that may not apply).

    An upload kept on disk that the session leaves is deleted (:func:`ui.uploads.replaced`).
    """
    from ui import uploads  # it builds choices of this module

    previous = st.session_state.get("dataset")
    st.session_state["dataset"] = choice
    if isinstance(previous, DatasetChoice):
        uploads.replaced(previous, choice)
    st.session_state.pop(FILTER_SEGMENT_KEY, None)
    st.session_state.pop(FILTER_VALUES_KEY, None)


def event_log() -> EventLogChoice:
    """The event log of this session."""
    init()
    return st.session_state["event_log"]


def use_event_log(choice: EventLogChoice) -> None:
    """Switch this session to another event log."""
    st.session_state["event_log"] = choice


def _from_url(key: str) -> str | None:
    """A query parameter's value as the URL has it (None when the URL has none)."""
    value = st.query_params.get(key)
    return value if isinstance(value, str) else None


def language() -> str:
    """``"en"`` or ``"es"``.

    The sidebar's switch holds it; before the switch has run in a session (the first load of
    a ``?lang=ES`` link) the URL does, read as the switch reads it (its labels, ``EN``/``ES``).
    """
    if LANGUAGE_KEY in st.session_state:
        value = st.session_state[LANGUAGE_KEY]
    else:
        value = {"EN": "en", "ES": "es"}.get(_from_url(LANGUAGE_KEY) or "")
    return value if value in ("en", "es") else "en"


def large_type() -> bool:
    """Large type for projectors: the sidebar's switch, or before it has run in a session
    (the first load of a ``?large=true`` link) the URL."""
    if LARGE_KEY in st.session_state:
        return bool(st.session_state[LARGE_KEY])
    return (_from_url(LARGE_KEY) or "").lower() == "true"


def dark() -> bool:
    """Whether the viewer's Streamlit theme is dark (the browser's setting, or the one chosen
    in the app menu): charts are recoloured for it (:func:`mot.charts.on_dark`).

    The page's own report (:func:`remember_scheme`, from the watcher of ``ui.frame``) when
    there is one: it is what the viewer sees now, while Streamlit's ``st.context.theme`` can
    lag behind a switch in the menu. Outside a browser (tests, scripts) the theme is light.
    """
    reported = st.session_state.get(SCHEME_KEY)
    if reported in ("light", "dark"):
        return reported == "dark"
    return st.context.theme.type == "dark"


def remember_scheme(scheme: object) -> None:
    """Record the theme the page shows (``"light"`` or ``"dark"``; anything else is ignored)."""
    if scheme in ("light", "dark"):
        st.session_state[SCHEME_KEY] = scheme


def respondent_filter() -> tuple[str, tuple[str, ...]] | None:
    """The sidebar's filter: (segment column, values kept), or None for everyone."""
    segment = st.session_state.get(FILTER_SEGMENT_KEY)
    values = tuple(st.session_state.get(FILTER_VALUES_KEY) or ())
    if not segment or not values:
        return None
    return segment, values


def widget_default(key: str, value: object) -> None:
    """Give the widget ``key`` its first value, kept in the session (a default that depends
    on the data, such as the touchpoints of the log in use)."""
    st.session_state.setdefault(key, value)


LOG_UPLOAD_SEEN_KEY = "data_log_upload_seen"
REPORT_BUILT_KEY = "report_built"


def log_upload_seen() -> str | None:
    """The id of the last event-log upload handled (opened or refused) in this session."""
    return st.session_state.get(LOG_UPLOAD_SEEN_KEY)


def mark_log_upload_seen(upload_id: str | None) -> None:
    """Record that the event-log upload ``upload_id`` was handled, so it is not read again."""
    st.session_state[LOG_UPLOAD_SEEN_KEY] = upload_id


def built_report() -> object | None:
    """The report built in this session (a ``ui.report_builder.BuiltReport``), if any."""
    return st.session_state.get(REPORT_BUILT_KEY)


def keep_built_report(built: object) -> None:
    """Keep the report just built for this session's downloads."""
    st.session_state[REPORT_BUILT_KEY] = built
