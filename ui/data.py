"""Surveys and chart specs, cached (with :mod:`ui.queries` and :mod:`ui.logs`, the only
places with ``st.cache_data`` / ``st.cache_resource``).

Loaded surveys are cached as resources (no copy per rerun); uploads per browser session, so
one user's data is never served to another, and the bundled demo once for everyone.
The analyses of a loaded survey are in :mod:`ui.queries` (one cached function each); the
chart specs are here. Pages call :func:`current`, then the queries; they never read a widget
inside a cached function (values are passed in).
"""

from __future__ import annotations

import json
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

import pandas as pd
import streamlit as st

from mot import OUTCOMES
from mot.errors import UnreadableFileError
from mot.io import RawTable, map_large_allocations, read_table, release_memory, restored
from mot.journey import Journey, default_journey, journey_from_dict
from mot.mapping import Mapping, mapping_from_dict, suggest_mapping
from mot.survey import SurveyData, build_survey, filter_survey
from ui import state
from ui.i18n import t

map_large_allocations()  # the server's large arrays are handed back as soon as they are freed


@dataclass(frozen=True)
class Loaded:
    """A survey ready for analysis and the key that identifies it (data + filter).

    ``shared`` marks the unedited bundled demo: the same for everyone, so its results are
    cached once for all sessions (and warmed at start by :mod:`ui.serve`); an upload's, or
    an edited demo's, never are. ``kept`` is the filter applied (segment column, values
    kept), or None for everyone.
    """

    survey: SurveyData
    key: str
    shared: bool = False
    kept: tuple[str, tuple[str, ...]] | None = None


# --- loading ------------------------------------------------------------------------------


@st.cache_resource(max_entries=1, show_spinner=False)
def _demo_raw() -> RawTable:
    return read_table(state.DEMO_SURVEY)


def _release(value: object) -> None:
    """When a session's cached survey or file is released (session ended, or evicted).

    Streamlit leaves the namespace of the last script run in ``sys.modules["__main__"]``
    until the next run of any session replaces it, and a page's globals hold the survey it
    showed (``loaded = widgets.loaded_or_stop()``): without this, the last session to run
    keeps its whole upload in memory after its browser has gone. Only references to the
    released object are dropped, then the freed memory is given back to the system.
    """
    main = sys.modules.get("__main__")
    namespace = getattr(main, "__dict__", None)
    if isinstance(namespace, dict):
        released = {id(value), id(getattr(value, "survey", value))}  # an _Upload's survey too
        for name, held in list(namespace.items()):
            if id(held) in released or id(getattr(held, "survey", None)) in released:
                namespace[name] = None
    release_memory()


PREVIEW_ROWS = 10  # rows of an upload kept beside its survey, for the Data page's preview


@dataclass(frozen=True)
class FileView:
    """What the Data page shows of a file: how it was read, its first rows, its size.

    ``raw`` is the :class:`RawTable` with only its first :data:`PREVIEW_ROWS` rows for an
    upload (the whole table for the bundled demo); ``n_rows`` counts every data row;
    ``suggested`` is the mapping the survey was built with: the one suggested from the
    whole file when the user gave none.
    """

    raw: RawTable
    n_rows: int
    suggested: Mapping


def _view(raw: RawTable, journey: Journey, *, preview: bool) -> FileView:
    suggested = suggest_mapping(
        raw.frame, journey, labels=raw.labels, value_labels=raw.value_labels
    )
    frame = raw.frame.head(PREVIEW_ROWS).copy() if preview else raw.frame
    return FileView(replace(raw, frame=frame), len(raw.frame), suggested)


@st.cache_resource(max_entries=2, show_spinner=False)
def _demo_view(journey_json: str | None) -> FileView:
    return _view(_demo_raw(), _journey(journey_json), preview=False)


@dataclass(frozen=True)
class _Upload:
    """An upload's survey and what the Data page shows of its file, from one reading."""

    survey: SurveyData
    view: FileView


@st.cache_resource(max_entries=4, scope="session", show_spinner=False, on_release=_release)
def _upload(key: str, _choice: DatasetChoice) -> _Upload:
    # One reading per upload (and per mapping or journey edit): the first rows are copied
    # for the preview, then the survey consumes the table (each column deleted once it is
    # tidy rows), so the file's columns and the tidy tables are never held together.
    chosen = mapping_from_dict(json.loads(_choice.mapping_json)) if _choice.mapping_json else None
    raw = read_table(_choice.source, name=_choice.name, compact=True)
    preview = replace(raw, frame=restored(raw.frame.head(PREVIEW_ROWS)))
    n_rows = len(raw.frame)
    built = build_survey(raw, journey=journey(_choice), mapping=chosen, consume=True)
    del raw
    release_memory()
    return _Upload(built, FileView(preview, n_rows, built.mapping))


def file_view(choice: DatasetChoice) -> FileView:
    """The file as read, previewed (raises MotError when it cannot be read)."""
    if choice.is_demo:
        return _demo_view(choice.journey_json)
    return _upload(choice.key, choice).view


def raw_table(choice: DatasetChoice) -> RawTable:
    """The file as read (raises UnreadableFileError); an upload's first rows only."""
    return file_view(choice).raw


def _journey(journey_json: str | None) -> Journey:
    return journey_from_dict(json.loads(journey_json)) if journey_json else default_journey()


def journey(choice: DatasetChoice) -> Journey:
    """The journey of this choice (default: the five moments)."""
    return _journey(choice.journey_json)


def mapping(choice: DatasetChoice) -> Mapping:
    """The mapping in use: the user's, or the suggestion."""
    if choice.mapping_json:
        return mapping_from_dict(json.loads(choice.mapping_json))
    return file_view(choice).suggested


@st.cache_resource(max_entries=4, scope="session", show_spinner=False, on_release=_release)
def _edited_demo(key: str, _choice: DatasetChoice) -> SurveyData:
    chosen = mapping_from_dict(json.loads(_choice.mapping_json)) if _choice.mapping_json else None
    return build_survey(_demo_raw(), journey=journey(_choice), mapping=chosen)  # left whole


@st.cache_resource(max_entries=1, show_spinner=False)
def _demo_survey() -> SurveyData:
    return build_survey(_demo_raw())


@st.cache_resource(max_entries=8, scope="session", show_spinner=False, on_release=_release)
def _filtered(key: str, segment: str, values: tuple[str, ...], _survey: SurveyData) -> SurveyData:
    return filter_survey(_survey, segment=segment, values=values)


def survey(choice: DatasetChoice) -> SurveyData:
    """The whole survey of this choice (raises MotError when it cannot be read).

    Only the unedited demo comes from the cache shared by every session; a demo with the
    user's mapping or journey is built with them, per session.
    """
    if choice.is_default_demo:
        return _demo_survey()
    if choice.is_demo:
        return _edited_demo(choice.key, choice)
    return _upload(choice.key, choice).survey


def current() -> Loaded:
    """The session's survey with the sidebar filter applied."""
    return loaded(state.dataset())


@st.cache_resource(max_entries=8, scope="session", show_spinner=False)
def _wave(workspace_id: str, dataset_id: str, _fetch: Callable[[], DatasetChoice]) -> DatasetChoice:
    return _fetch()


def wave(workspace_id: str, dataset_id: str, fetch: Callable[[], DatasetChoice]) -> Loaded:
    """Another survey (wave) of the session's workspace, with the sidebar filter applied:
    ``fetch()`` gives its choice once per session (the store's file, written to disk)."""
    return loaded(_wave(workspace_id, dataset_id, fetch))


def loaded(choice: DatasetChoice) -> Loaded:
    """The survey of ``choice`` with the sidebar filter applied (when it has that segment)."""
    whole = survey(choice)
    chosen = state.respondent_filter()
    if chosen is None or chosen[0] not in whole.segments:
        return Loaded(whole, choice.key, choice.is_default_demo)
    segment, values = chosen
    key = f"{choice.key}|{segment}={','.join(values)}"
    survey_kept = _filtered(key, segment, values, whole)
    return Loaded(survey_kept, key, choice.is_default_demo, (segment, values))


def prepare(choice: DatasetChoice, *, new_file: bool = False) -> Iterator[str]:
    """Read, map and validate a dataset one cached step at a time, naming each step before it
    runs (``"reading"``, ``"mapping"``, ``"validating"``) so that a page can show progress.

    With ``new_file`` (an upload about to replace the dataset in use), a file with nothing to
    analyse is refused (:func:`require_something_to_analyse`); a mapping or journey edit
    of the data in use is not refused for that, the pages then say what is missing.

    Raises the ``MotError`` of the step that fails (UnreadableFileError, MappingError, ...).
    """
    yield "reading"
    raw_table(choice)
    yield "mapping"
    mapping(choice)
    yield "validating"
    whole = survey(choice)
    if new_file:
        require_something_to_analyse(choice, raw_table(choice), whole)


def require_something_to_analyse(choice: DatasetChoice, raw: RawTable, whole: SurveyData) -> None:
    """Refuse a dataset with nothing to analyse, so that it never replaces the user's data.

    A file with no data rows under its header, or with no rating, no outcome and no column
    that holds a number in its first rows (words or garbage: nothing that mapping could
    make a rating), raises
    ``UnreadableFileError`` saying so; :func:`ui.widgets.switch_dataset` then keeps the
    dataset in use. A real export whose numbered answers are not mapped yet loads: its
    mapping table is where the user maps them, and until then every analysis page shows
    its empty state (:func:`ui.widgets.require_measures`).
    """
    if file_view(choice).n_rows == 0:
        raise UnreadableFileError(t("data.no_rows", name=choice.name))
    outcomes = [c for c in OUTCOMES if c in whole.respondents.columns]
    nothing = whole.ratings.empty and not whole.respondents[outcomes].notna().to_numpy().any()
    if nothing and not _has_numbers(raw.frame):
        message = t("data.no_usable_columns", name=choice.name, n=raw.frame.shape[1])
        raise UnreadableFileError(message)


def _has_numbers(frame: pd.DataFrame) -> bool:
    """Whether some column holds a value that reads as a number, in the rows the view keeps
    (an upload's first :data:`PREVIEW_ROWS`: the survey itself holds only tidy rows)."""
    return any(
        pd.to_numeric(frame[column], errors="coerce").notna().any() for column in frame.columns
    )


DatasetChoice = state.DatasetChoice


# --- chart specs ----------------------------------------------------------------------------


def _fingerprint(value: object) -> object:
    """A hashable identity of a builder's arguments (result tables are small)."""
    if isinstance(value, pd.DataFrame):
        content = int(pd.util.hash_pandas_object(value, index=True).sum()) if len(value) else 0
        return (
            "frame",
            tuple(map(str, value.columns)),
            tuple(map(str, value.dtypes)),
            len(value),
            content,
        )
    if isinstance(value, dict):
        return tuple(sorted((str(k), _fingerprint(v)) for k, v in value.items()))
    if isinstance(value, list | tuple):
        return tuple(_fingerprint(v) for v in value)
    return repr(value)


def _spec(language: str, large: bool, dark: bool, build: Callable[[], object]) -> dict:
    from mot import charts

    figure = charts.localised(build(), language)
    with THEME_LOCK, charts.use_theme(large=large):
        # Builders are validated against the schema in tests/mot/charts/.
        spec = figure.to_dict(validate=False)
    if large and "autosize" not in spec and not _COMPOUND.intersection(spec):
        # Streamlit fits a single chart's width and height to the builder's size; in large
        # type the axes and legends take so much of that height that the plot shrinks (an
        # axis title then no longer fits beside it). Fit the width only: the plot keeps its
        # height and the chart grows by its larger axes.
        spec["autosize"] = {"type": "fit-x", "contains": "padding"}
    return charts.on_dark(spec) if dark else spec


_COMPOUND = frozenset({"facet", "vconcat", "hconcat", "concat", "repeat"})


@st.cache_data(max_entries=128, scope="session", show_spinner=False)
def _chart_spec(
    name: str,
    fingerprint: object,
    language: str,
    large: bool,
    dark: bool,
    _build: Callable[[], object],
) -> dict:
    return _spec(language, large, dark, _build)


@st.cache_data(max_entries=128, show_spinner=False)
def _chart_spec_shared(
    name: str,
    fingerprint: object,
    language: str,
    large: bool,
    dark: bool,
    _build: Callable[[], object],
) -> dict:
    return _spec(language, large, dark, _build)


def chart_spec(builder: Callable[..., object], *args: object, key: str, **kwargs: object) -> dict:
    """The Vega-Lite spec of ``builder(*args, **kwargs)`` in the session's language and theme.

    The builders stay pure and uncached; what is cached (per session, or once for everyone
    while the session is on the demo survey and the demo log) is the finished spec, keyed by
    the chart's widget ``key``, the builder, a fingerprint of its inputs, the language, the
    type size and the theme (light or dark: the viewer's Streamlit theme).
    Building and serialising an Altair chart costs up to half a second (the journey map),
    more than the rest of a page's rerun.
    """
    demo = state.dataset().is_default_demo and state.event_log().is_demo
    language, large, dark = state.language(), state.large_type(), state.dark()
    return spec_for(
        builder, args, kwargs, key=key, language=language, large=large, dark=dark, shared=demo
    )


def spec_for(
    builder: Callable[..., object],
    args: tuple,
    kwargs: dict,
    *,
    key: str,
    language: str,
    large: bool,
    dark: bool = False,
    shared: bool,
) -> dict:
    """:func:`chart_spec` with the language, type size, theme and sharing given (the warm-up of
    :mod:`ui.serve` runs outside any session)."""
    fingerprint = (key, _fingerprint(args), _fingerprint(kwargs))
    cached = _chart_spec_shared if shared else _chart_spec
    name = f"{builder.__module__}.{builder.__qualname__}"
    return cached(name, fingerprint, language, large, dark, lambda: builder(*args, **kwargs))


THEME_LOCK = threading.Lock()
"""Held while a chart is serialised with a theme: Altair's enabled theme is process-wide."""
