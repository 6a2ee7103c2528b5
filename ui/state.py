"""What this session is looking at, behind one small interface.

Pages read the dataset, language, display mode and filter through these functions and never
touch ``st.session_state`` keys of their own for them. The session state and the link (the
URL's query parameters) are both kept here:

- ``w``: the workspace the session shows (:func:`workspace`, :func:`use_workspace`), and
  ``wave``: which of its surveys, when it has several (a dataset id);
- ``filter_segment`` and ``filter_values``: the sidebar's respondent filter, and
  ``<page>_segment``: a page's segment split (widgets bound to the URL,
  ``bind="query-params"``);
- ``touchpoint``: the touchpoint picked on the Emotion page's curve (:func:`touchpoint`);
- ``slide``: the presenter view's slide (:func:`slide`);
- ``lang`` and ``large``: language and large type (switches bound to the URL).

The page is the URL's path. Opening the same URL in another browser shows the same view.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

import streamlit as st
from streamlit.errors import StreamlitAPIException

DEMO_SURVEY = Path(__file__).resolve().parents[1] / "data" / "demo_survey.csv"
DEMO_EVENTS = DEMO_SURVEY.with_name("demo_events.parquet")

# Widget keys owned by the shared sidebar (app.py); also the URL query parameters.
LANGUAGE_KEY = "lang"
LARGE_KEY = "large"
THEME_WATCH_KEY = "mot_theme_watch"
SCHEME_KEY = "_mot_scheme"
PRESENTING_KEY = "_mot_presenting"
FILTER_SEGMENT_KEY = "filter_segment"
FILTER_VALUES_KEY = "filter_values"

# Link parameters that no widget is bound to (st.query_params).
WORKSPACE_PARAM = "w"
WAVE_PARAM = "wave"
TOUCHPOINT_PARAM = "touchpoint"
SLIDE_PARAM = "slide"
PAGE_PARAMS = {TOUCHPOINT_PARAM: "emotion", SLIDE_PARAM: "present"}
"""Parameters that belong to one page (its ``url_path``): dropped on the other pages."""

# Session state of the workspaces and the link.
WORKSPACE_KEY = "_mot_workspace"
LINK_FAILED_KEY = "_mot_link_failed"
FILTER_RESET_KEY = "_mot_filter_reset"
NOTICE_KEY = "_mot_notice"
BROWSER_KEY = "_mot_browser"
BROWSER_WATCH_KEY = "mot_browser_watch"
BROWSER_COOKIE = "mot_browser"
BROWSER_KEY_PATTERN = re.compile(r"[A-Za-z0-9_-]{22,64}")
"""What a browser key looks like (a cookie with anything else is ignored)."""


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
    that the server does not hold the file in memory beside its survey. A survey stored in
    a workspace names it (``workspace_id``) and its dataset there (``dataset_id``): edits
    of its mapping or journey are saved to that dataset (:mod:`ui.workspaces`).
    """

    name: str
    content: bytes | None = None
    mapping_json: str | None = None
    journey_json: str | None = None
    path: Path | None = None
    digest: str | None = None
    workspace_id: str | None = None
    dataset_id: str | None = None

    @property
    def is_demo(self) -> bool:
        """The bundled demo file, whatever mapping and journey go with it."""
        return self.content is None and self.path is None

    @property
    def is_default_demo(self) -> bool:
        """The bundled demo with the suggested mapping and the default journey: the same for
        every session, so its survey and results may be cached once for everyone. An edited
        demo, or the demo saved in a workspace, is the user's own and is cached per session
        like an upload."""
        unedited = self.mapping_json is None and self.journey_json is None
        return self.is_demo and unedited and self.workspace_id is None

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
        """Identity of the data (its content hash), mapping and journey: the cache key of
        everything derived (caches of a session's own data are per session as well)."""
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
    the columns the user confirmed (JSON text of role → column; None = detected), and the
    dataset that stores it in the session's workspace (``dataset_id``, None when unsaved)."""

    name: str
    content: bytes | None = None
    columns_json: str | None = None
    dataset_id: str | None = None

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


def use_dataset(choice: DatasetChoice, *, keep_filter: bool = False) -> None:
    """Switch this session to another dataset and clear a filter that may not apply (unless
    ``keep_filter``: a link opened with its filter).

    An upload kept on disk that the session leaves is deleted (:func:`ui.uploads.replaced`).
    """
    from ui import uploads  # it builds choices of this module

    previous = st.session_state.get("dataset")
    st.session_state["dataset"] = choice
    if isinstance(previous, DatasetChoice):
        uploads.replaced(previous, choice)
    if not keep_filter:
        reset_filter()


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
    """Large type for projectors: always in the presenter view (:func:`presenting`), else
    the sidebar's switch, or before it has run in a session (the first load of a
    ``?large=true`` link) the URL."""
    if st.session_state.get(PRESENTING_KEY):
        return True
    if LARGE_KEY in st.session_state:
        return bool(st.session_state[LARGE_KEY])
    return (_from_url(LARGE_KEY) or "").lower() == "true"


def presenting(on: bool) -> None:
    """Whether this run draws the presenter view, which forces large type: the frame says so
    at the start of every run (``ui.frame.display_mode``), so that it ends with the view, and
    the view itself too (a run of its page alone, in a test). The sidebar's own switch is
    left as it was."""
    st.session_state[PRESENTING_KEY] = on


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


def reset_filter() -> None:
    """Clear the sidebar's filter (in the session and in the URL) before it is drawn next.

    Its widgets are bound to the URL: a value merely removed from the session would come
    back from the URL, so the next run sets them to "everyone" (:func:`apply_filter_reset`).
    """
    st.session_state[FILTER_RESET_KEY] = True


def apply_filter_reset() -> None:
    """Carry out a pending :func:`reset_filter` (the sidebar calls it before the filter)."""
    if not st.session_state.pop(FILTER_RESET_KEY, False):
        return
    st.session_state[FILTER_SEGMENT_KEY] = ""
    st.session_state[FILTER_VALUES_KEY] = []
    for key in (FILTER_SEGMENT_KEY, FILTER_VALUES_KEY):
        # not bound yet in this session (the widgets have not run): the URL's value would
        # seed them; bound ones leave the URL when they are set to their default
        with contextlib.suppress(StreamlitAPIException):
            set_link_param(key, None)


def respondent_filter() -> tuple[str, tuple[str, ...]] | None:
    """The sidebar's filter: (segment column, values kept), or None for everyone."""
    if st.session_state.get(FILTER_RESET_KEY):
        return None
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
ACTIONS_KEY = "_mot_actions"
ACCESS_KEY = "_mot_access"
ACCESS_FAILURES_KEY = "_mot_access_failures"
ACCESS_REMEMBER_KEY = "_mot_access_remember"


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


@dataclass(frozen=True)
class ActionsEditing:
    """The Gaps page's editing of a workspace's corrective actions in this session.

    ``base``: the stored actions (``mot.store.Action``) the editor started from, whose
    versions a save checks; ``generation`` changes to give the editor a fresh start;
    ``conflicts``: ``(mine, theirs, base)`` triples of saves refused because someone else
    saved first (``theirs`` None when they deleted it), until the user settles each;
    ``save_asked``: when (``time.monotonic``) a save found nothing to store, because the
    browser sends a cell's last edit a moment after the click that follows it.
    """

    workspace_id: str
    base: tuple = ()
    generation: int = 0
    conflicts: tuple = ()
    save_asked: float | None = None


def actions_editing(workspace_id: str) -> ActionsEditing | None:
    """How this session is editing the actions of ``workspace_id`` (None: not yet)."""
    found = st.session_state.get(ACTIONS_KEY)
    ok = isinstance(found, ActionsEditing) and found.workspace_id == workspace_id
    return found if ok else None


def keep_actions_editing(editing: ActionsEditing) -> None:
    """Keep the session's editing of actions (one workspace at a time)."""
    st.session_state[ACTIONS_KEY] = editing


def access_granted() -> str | None:
    """The password hash this session signed in against (None: not signed in); a changed
    hash (a new team password) signs every session out."""
    return st.session_state.get(ACCESS_KEY)


def grant_access(password_hash: str, *, remember: bool = False) -> None:
    """Record that this session gave the team password (whose hash is ``password_hash``);
    ``remember``: the browser's pass should last :data:`mot.access.PASS_DAYS` days."""
    st.session_state[ACCESS_KEY] = password_hash
    st.session_state[ACCESS_FAILURES_KEY] = ()
    st.session_state[ACCESS_REMEMBER_KEY] = remember


def pass_remembered() -> bool:
    """Whether the person who signed in asked to stay signed in on this device."""
    return bool(st.session_state.get(ACCESS_REMEMBER_KEY, False))


def revoke_access() -> None:
    """Sign this session out (the page then clears the browser's pass)."""
    for key in (ACCESS_KEY, ACCESS_REMEMBER_KEY):
        st.session_state.pop(key, None)


PASS_TRIED = "signed"
"""The URL parameter a browser comes back with from ``/access/granted``."""
PASS_REFUSED_KEY = "_mot_pass_refused"


def pass_refused() -> bool:
    """Whether this browser came back from ``/access/granted`` without keeping the cookie."""
    return bool(st.session_state.get(PASS_REFUSED_KEY))


def note_pass_refused() -> None:
    st.session_state[PASS_REFUSED_KEY] = True


def current_address(*, extra: dict[str, str] | None = None) -> str:
    """This page's path and query (``/gaps?w=…&lang=ES``), with ``extra`` parameters."""
    from urllib.parse import urlencode, urlsplit

    pairs = [(k, v) for k in st.query_params for v in st.query_params.get_all(k)]
    pairs += list((extra or {}).items())
    query = urlencode(pairs)
    return urlsplit(st.context.url or "/").path + (f"?{query}" if query else "")


def access_failures() -> tuple[float, ...]:
    """When (``time.monotonic``) this session gave a wrong password, the last 20 times."""
    return tuple(st.session_state.get(ACCESS_FAILURES_KEY, ()))


def record_access_failure(when: float) -> None:
    """Count a wrong password (for the lockout, :func:`mot.access.locked_for`)."""
    st.session_state[ACCESS_FAILURES_KEY] = (*access_failures(), when)[-20:]


# --- the link and the workspace -----------------------------------------------------------


def link_param(name: str) -> str | None:
    """A link parameter as the URL has it now (None when the URL has none)."""
    return _from_url(name)


def set_link_param(name: str, value: str | None) -> None:
    """Put ``name=value`` in the URL (None: take it out); nothing is sent when unchanged."""
    if value is None:
        if name in st.query_params:
            del st.query_params[name]
    elif st.query_params.get(name) != value:
        st.query_params[name] = value


def keep_page_params(url_path: str) -> None:
    """Take the parameters of other pages (:data:`PAGE_PARAMS`) out of the URL."""
    for name, page in PAGE_PARAMS.items():
        if page != url_path:
            set_link_param(name, None)


@dataclass(frozen=True)
class OpenWorkspace:
    """The workspace the session shows: its ``id``, ``name``, whether it is a ``draft`` and
    whether this browser created it (``own``); its surveys as ``waves`` (dataset id, label)
    in order, and the ``wave`` shown (None when it has one survey or none); how it was
    opened: ``role`` ``owner`` (its own id), ``edit`` or ``view`` (a shared link), and the
    ``address`` the link carries (the link's token; the id for the owner), never the id of
    a workspace opened through a shared link."""

    id: str
    name: str
    draft: bool
    own: bool
    waves: tuple[tuple[str, str], ...] = ()
    wave: str | None = None
    role: str = "owner"
    address: str | None = None

    @property
    def tag(self) -> str:
        """What the widget keys of this workspace carry (:func:`widget_tag`), not its id."""
        return widget_tag(self.id)

    @property
    def link(self) -> str:
        """What the address's ``w`` says for this workspace."""
        return self.address or self.id

    @property
    def can_edit(self) -> bool:
        """Whether this session may change the workspace (not a view-only link)."""
        return self.role != "view"


def widget_tag(workspace_id: str) -> str:
    """A workspace's mark in widget keys: keys are class names in the page, which a visitor
    through a shared link can read, so they carry a hash of the id, never the id.

    Examples
    --------
    >>> widget_tag("x" * 23) == widget_tag("x" * 23), len(widget_tag("x" * 23))
    (True, 12)
    """
    return hashlib.sha256(f"mot-widget:{workspace_id}".encode()).hexdigest()[:12]


def workspace() -> OpenWorkspace | None:
    """The workspace this session shows (None: the demo, or data not saved)."""
    found = st.session_state.get(WORKSPACE_KEY)
    return found if isinstance(found, OpenWorkspace) else None


def workspace_id() -> str | None:
    """The id of the workspace this session shows (None: none)."""
    found = workspace()
    return found.id if found is not None else None


def use_workspace(opened: OpenWorkspace | None, *, link: bool = True) -> None:
    """The session shows ``opened`` (None: no workspace); ``w`` and ``wave`` say so in the URL
    (unless ``link`` is false: a link that failed keeps its address)."""
    st.session_state[WORKSPACE_KEY] = opened
    st.session_state.pop(LINK_FAILED_KEY, None)
    if link:
        set_link_param(WORKSPACE_PARAM, opened.link if opened else None)
        set_link_param(WAVE_PARAM, opened.wave if opened else None)


def link_failure() -> tuple[str, object] | None:
    """The workspace id of the URL that could not be opened, and why (a message)."""
    return st.session_state.get(LINK_FAILED_KEY)


def remember_link_failure(ident: str, message: object) -> None:
    """Record that the link's workspace ``ident`` cannot be opened (asked once per session)."""
    st.session_state[LINK_FAILED_KEY] = (ident, message)


def leave_notice(text: str, *, done: bool = False) -> None:
    """A message for the next run to show (a rerun follows what wrote it): a warning, or
    with ``done`` a confirmation."""
    st.session_state[NOTICE_KEY] = (text, done)


def take_notice() -> tuple[str, bool] | None:
    """The message :func:`leave_notice` left and whether it confirms, once."""
    return st.session_state.pop(NOTICE_KEY, None)


def browser_key() -> str:
    """This browser's random key: from its cookie (:data:`BROWSER_COOKIE`), else a new one
    (``secrets``, 192 bits) that the page then keeps in the cookie (``ui.workspaces``). The
    workspaces a browser creates carry a hash of it, so that it can list them."""
    key = st.session_state.get(BROWSER_KEY)
    if not key:
        cookie = st.context.cookies.get(BROWSER_COOKIE)
        valid = isinstance(cookie, str) and BROWSER_KEY_PATTERN.fullmatch(cookie)
        key = cookie if valid else secrets.token_urlsafe(24)
        st.session_state[BROWSER_KEY] = key
    return key


def remember_browser_key(value: object) -> None:
    """Adopt the key the browser already keeps (another tab may have set the cookie first)."""
    if isinstance(value, str) and BROWSER_KEY_PATTERN.fullmatch(value):
        st.session_state[BROWSER_KEY] = value


def widget_value(key: str) -> object:
    """The value of the widget ``key`` (a chart's selection, in its callback)."""
    return st.session_state.get(key)


def touchpoint(known: Iterable[str]) -> str | None:
    """The touchpoint picked on the Emotion page: the link's ``touchpoint``, when it is one
    of ``known`` (the journey's ids)."""
    value = link_param(TOUCHPOINT_PARAM)
    return value if value is not None and value in set(known) else None


def choose_touchpoint(value: str | None) -> None:
    """Pick a touchpoint (None: none); the link carries it."""
    set_link_param(TOUCHPOINT_PARAM, value or None)


def slide(total: int) -> int:
    """The presenter view's slide, 1 (the title) to ``total``: the link's ``slide``; a
    missing or unreadable one is 1, one beyond the end is the last."""
    value = link_param(SLIDE_PARAM) or ""
    number = int(value) if value.isdigit() else 1
    return min(max(number, 1), max(total, 1))


def show_slide(number: int) -> None:
    """Go to the presenter view's slide ``number``; the link carries it (``?slide=3``)."""
    set_link_param(SLIDE_PARAM, str(number))


# --- the workshop room this session runs ---------------------------------------------------

ROOM_KEY = "_mot_room"


@dataclass(frozen=True)
class FacilitatedRoom:
    """The workshop room this session runs: its ``code`` and the facilitator ``key`` (kept in
    the session only, never in the address: it would travel in links and screenshots)."""

    code: str
    key: str = field(repr=False)


def facilitated_room() -> FacilitatedRoom | None:
    """The room this session runs as its facilitator (None: none)."""
    found = st.session_state.get(ROOM_KEY)
    return found if isinstance(found, FacilitatedRoom) else None


def facilitate(code: str, key: str) -> None:
    """This session runs room ``code`` (its facilitator key checked by the caller)."""
    st.session_state[ROOM_KEY] = FacilitatedRoom(code, key)


def leave_room() -> None:
    """This session no longer runs a room (the room itself goes on)."""
    st.session_state.pop(ROOM_KEY, None)
