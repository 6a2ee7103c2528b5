"""Small rendering helpers every page shares: empty states, charts, tables, pickers."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Mapping, Sequence
from typing import TypeVar

import pandas as pd
import streamlit as st
from streamlit.errors import StreamlitPageNotFoundError

from mot import report
from mot.errors import MotError
from ui import data, queries, state, workspaces
from ui.i18n import chart_text, mot_text, number, t

T = TypeVar("T")

# Markdown that a user's string could smuggle into st.markdown, captions, labels and metrics:
# links and images ([ ]), HTML and autolinks (< >), emphasis (* ~ and _ at a word's edge),
# code (`), tables (|), LaTeX ($), and the backslash itself.
_MD_INLINE = re.compile(r"[\\`*\[\]~|$]|(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])")
# GFM's autolinks of bare URLs (http://…), www. and e-mail addresses are found in the text
# after escapes are read, so a backslash cannot stop them: an invisible word joiner (U+2060)
# after `:` of `://`, after `www` and after `@` does.
_MD_AUTOLINK = re.compile(r"(?<=:)(?=//)|(?<=[wW]{3})(?=\.)|(?<=@)")
_WORD_JOINER = "\u2060"
# Block markers at the start of a line: headings, quotes, lists, setext underlines.
_MD_LINE_START = re.compile(r"^(\s*)([#>+=-])", re.MULTILINE)
_MD_LINE_NUMBER = re.compile(r"^(\s*\d+)([.)])", re.MULTILINE)
# A code span of single backticks (not part of a longer run): its content is literal.
_CODE_SPAN = re.compile(r"(?<!`)`[^`\n]+`(?!`)")

DATA_PAGE = "pages/data.py"


def md_text(value: object) -> str:
    """``value`` as literal text inside Markdown: what a file says is data, never markup.

    Every user-supplied string (journey and touchpoint labels, column names, segment values,
    file names, comments) shown through ``st.markdown``, a caption, a metric, an alert or a
    widget label goes through here, so that ``![x](http://host/pixel)`` shows as those
    characters instead of loading a remote image. ``<`` and ``>`` become HTML entities
    (shown as the characters), Markdown's specials get a backslash, a block marker at the
    start of a line (``#``, ``>``, ``-``, ``1.``) is escaped, and a bare URL, ``www.`` or
    e-mail address gets an invisible word joiner that keeps it from becoming a link.
    """
    text = str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_INLINE.sub(lambda m: "\\" + m[0], text)
    text = _MD_LINE_START.sub(r"\1\\\2", text)
    text = _MD_LINE_NUMBER.sub(r"\1\\\2", text)
    return _MD_AUTOLINK.sub(_WORD_JOINER, text)


def md_message(value: object) -> str:
    """An error message (ours, naming columns and files in `code spans`) as safe Markdown.

    Text inside single-backtick code spans is shown literally by Markdown and is kept; the
    rest goes through :func:`md_text`. A backtick inside a user's name ends the span early,
    and what follows is then escaped like any other text. A library message
    (:class:`mot.messages.Message`, or an error carrying one) is rendered in the session's
    language first.
    """
    text, parts, end = mot_text(value), [], 0
    for span in _CODE_SPAN.finditer(text):
        parts += [md_text(text[end : span.start()]), span[0]]
        end = span.end()
    return "".join([*parts, md_text(text[end:])])


def md_values(values: Mapping[str, str]) -> dict[str, str]:
    """A dict of display strings (touchpoint id → label) escaped with :func:`md_text`."""
    return {key: md_text(value) for key, value in values.items()}


def page_link(page: str, label: str, *, icon: str, fallback: str = "") -> None:
    """A link to another page of the app (``pages/x.py``) labelled ``label`` (our own text);
    plain text (after ``fallback``, an emoji) when the page runs outside the app's
    navigation (a test of one page file), where Streamlit knows no other page to link to."""
    try:
        st.page_link(page, label=label, icon=icon)
    except StreamlitPageNotFoundError:
        st.caption(f"{fallback} {label}".strip())


def link_to_data(label_key: str = "common.go_to_data") -> None:
    """A link to the Data page (its first tab is the column mapping)."""
    page_link(DATA_PAGE, t(label_key), icon=":material/upload_file:", fallback="📥")


EMPTY_COLUMNS = 12
"""How many of the file's column names an empty state lists before "and K more"."""
NAME_CHARACTERS = 40
"""A longer column name (a whole question) is cut there, with "…"."""


def _short(name: object) -> str:
    text = str(name)
    return text if len(text) <= NAME_CHARACTERS else text[: NAME_CHARACTERS - 1].rstrip() + "…"


def columns_found(names: Sequence[object], *, shown: int = EMPTY_COLUMNS) -> str:
    """The file's column names as text (the first ``shown``, each cut at
    :data:`NAME_CHARACTERS`, then "and K more")."""
    listed = " · ".join(md_text(_short(name)) for name in names[:shown]) or "–"
    rest = len(names) - shown
    more = t("empty.more_columns", n=number(rest, 0)) if rest > 0 else ""
    return t("empty.columns", n=number(len(names), 0), columns=listed + more)


def empty_state(loaded: data.Loaded, missing: str, *, columns: bool = True) -> None:
    """One clear empty state instead of empty charts: what is missing for the page or the
    section (``t("empty.<missing>")`` and its ``_body``), the columns found in the file
    (unless ``columns`` is false: a second empty state on the same page), and a link to
    the column mapping on the Data page."""
    body = t(f"empty.{missing}_body", n=number(loaded.survey.n_respondents, 0))
    st.info(f"**{t(f'empty.{missing}')}**\n\n{body}", icon=":material/table_view:")
    if columns:
        choice = state.dataset()
        names = list(data.raw_table(choice).frame.columns)
        st.caption(columns_found(names))
    link_to_data("empty.map_columns")


def require_measures(loaded: data.Loaded, *needed: str, missing: str = "measures") -> None:
    """Stop the page with :func:`empty_state` when the survey has no touchpoint measure at
    all, or none of ``needed`` (then the empty state says ``missing``)."""
    present = set(loaded.survey.measures)
    if not present:
        whole = data.survey(state.dataset())  # the sidebar's filter may have left no rating
        empty_state(loaded, "measures" if whole.ratings.empty else "filtered")
        st.stop()
    if needed and not present & set(needed):
        empty_state(loaded, missing)
        st.stop()


def loaded_or_stop() -> data.Loaded:
    """The session's survey, or an error that says what to fix and a link to the Data page."""
    try:
        return data.current()
    except MotError as exc:
        st.error(t("common.load_error", error=md_message(exc)))
        link_to_data()
        st.stop()


def attempt(step: Callable[[], T]) -> T | None:
    """Run one analysis; when the data lacks what it needs, say which columns would enable
    it, link to the Data page, and let the rest of the page render."""
    try:
        return step()
    except MotError as exc:
        st.info(t("common.missing", error=md_message(exc)))
        link_to_data()
        return None


def chart(
    builder: Callable[..., object],
    *args: object,
    key: str,
    selectable: bool = False,
    pick: Callable[[str | None], None] | None = None,
    **kwargs: object,
) -> object:
    """Draw ``builder(*args, **kwargs)`` (a ``mot.charts`` builder) with the product's theme.

    The spec comes from :func:`ui.data.chart_spec` (cached per session). With
    ``selectable``, clicks rerun the page and the selection state is returned; with
    ``pick`` too, each click calls ``pick(touchpoint)`` (None when the click picked none),
    for example :func:`ui.state.choose_touchpoint`, which keeps it in the link.
    """
    spec = data.chart_spec(builder, *args, key=key, **kwargs)
    options: dict[str, object] = {}
    if selectable:
        options["on_select"] = (lambda: pick(picked(state.widget_value(key)))) if pick else "rerun"
    return st.vega_lite_chart(spec=spec, width="stretch", theme=None, key=key, **options)


def picked(selection: object, field: str = "touchpoint", param: str = "pick") -> str | None:
    """The value the user clicked in a selectable chart, if any."""
    try:
        points = selection.selection[param]  # type: ignore[attr-defined]
    except (AttributeError, KeyError, TypeError):
        return None
    if isinstance(points, list) and points:
        return points[0].get(field)
    if isinstance(points, dict) and points.get(field):
        value = points[field]
        return value[0] if isinstance(value, list) else value
    return None


def redraw_label(key: str) -> None:
    """Call before a keyed select widget whose options are translated.

    With a key, Streamlit keeps the widget when its formatted options change (a language
    switch) and does not resend the value, so the browser would go on showing the chosen
    option in the old language. Re-assigning the value makes it send the new label.
    """
    if key in st.session_state:
        st.session_state[key] = st.session_state[key]


def segment_picker(
    loaded: data.Loaded, *, key: str, label_key: str = "common.segment_overlay"
) -> str | None:
    """A choice of segment to split by (None = no split), kept in the link (``?<key>=``)."""
    segments = list(loaded.survey.segments)
    if not segments:
        return None
    redraw_label(key)
    choice = st.selectbox(  # "" = no split (None in session state would mean "no choice")
        t(label_key),
        options=["", *segments],
        key=key,
        format_func=lambda s: s or t("common.none"),
        bind="query-params",
    )
    return choice or None


def _cell(value: object, decimals: int) -> object:
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, float):
        return "–" if math.isnan(value) else number(value, decimals)
    return value


REFERENCES = ("row",)
"""Whole-number columns that are references, not quantities: a file's row number is shown
as the file and a spreadsheet number it (1139, not 1,139)."""


def _count(value: object) -> str:
    """A whole number as the cards write it: 20,164 (en), 20.164 (es); "–" for none."""
    return "–" if pd.isna(value) else number(int(value), 0)  # type: ignore[call-overload]


def _numbers_right(frame: pd.DataFrame, columns: Mapping[str, str]) -> dict[str, object]:
    """Number columns (shown as the language writes them, so as text) aligned right, as a
    spreadsheet aligns numbers."""
    return {
        title: st.column_config.Column(alignment="right")
        for column, title in columns.items()
        if pd.api.types.is_numeric_dtype(frame[column])
        and not pd.api.types.is_bool_dtype(frame[column])
    }


def _literal(value: object) -> object:
    """A table cell shown as typed: text through :func:`md_text`, other values unchanged.

    A short text (a number, "p < 0.001") keeps to one line: its spaces do not break.
    """
    if not isinstance(value, str):
        return value
    return md_text(value.replace(" ", "\u00a0") if len(value) <= 12 else value)


def table(
    frame: pd.DataFrame,
    *,
    columns: Mapping[str, str],
    key: str,
    decimals: int = 1,
    labels: Mapping[str, str] | None = None,
    formats: Mapping[str, Callable[[object], object]] | None = None,
) -> None:
    """A readable table: chosen columns renamed to ``columns[...]`` (already translated),
    numbers formatted for the language as the cards write them (floats with ``decimals``,
    whole numbers with thousands separators: 20,164 / 20.164; row numbers as they are),
    touchpoint ids shown as labels; plus a CSV download
    of the raw numbers. ``formats`` maps a column to its own cell formatter (p-values,
    translated verdicts); the download keeps the raw values, written by
    :func:`mot.report.table_to_csv` (text that would start a spreadsheet formula is
    prefixed with ``'``)."""
    shown = frame[list(columns)].copy()
    if labels and "touchpoint" in shown:
        shown["touchpoint"] = shown["touchpoint"].astype(str).map(lambda v: labels.get(v, v))
    for column, formatter in (formats or {}).items():
        if column not in shown:  # one set of formats serves several tables
            continue
        shown[column] = [formatter(v) for v in shown[column]]
    for column in shown.columns:
        if pd.api.types.is_float_dtype(shown[column]):
            shown[column] = [_cell(v, decimals) for v in shown[column]]
        elif pd.api.types.is_integer_dtype(shown[column]) and column not in REFERENCES:
            shown[column] = [_count(v) for v in shown[column]]  # counts (bools are not ints)
        elif isinstance(shown[column].dtype, pd.CategoricalDtype):
            shown[column] = shown[column].astype(str)
    shown = shown.rename(columns=dict(columns))
    if state.large_type():
        # On a projector: a static table in the page's large type, every row and column in
        # view. The grid of st.dataframe takes its type size when it first draws, which on a
        # link's first load can come before the large type does. st.table reads its cells as
        # Markdown: text from the file is escaped.
        st.table(shown.map(_literal).rename(columns=md_text), hide_index=True)
    else:
        st.dataframe(
            shown, hide_index=True, key=f"{key}_table", column_config=_numbers_right(frame, columns)
        )
    st.download_button(
        t("common.download_csv"),
        report.table_to_csv(frame),
        file_name=f"{key}.csv",
        mime="text/csv",
        key=f"{key}_csv",
    )


def journey_map_inputs(
    loaded: data.Loaded, language: str, actions: pd.DataFrame | None = None
) -> tuple[tuple, dict]:
    """The arguments of the Overview's journey map (``charts.journey_map_chart``), with the
    flags of the workspace's corrective ``actions`` (``ui.actions_view.markers``).

    One function for the page and for the warm-up of :mod:`ui.serve`, so that the warm-up
    fills exactly the cache entry the landing page reads. Raises ``MotError`` when the data
    has no emotion or utility ratings.
    """
    survey = loaded.survey
    args = (survey.journey.to_frame(), queries.curve(loaded), queries.utilities(loaded))
    kwargs = {
        "extremes": queries.extremes(loaded),
        "actions": actions,
        "labels": survey.journey.labels(language),
        "text": chart_text(language),
    }
    return args, kwargs


def touchpoint_labels(loaded: data.Loaded) -> dict[str, str]:
    """Touchpoint id → label in the session's language."""
    return loaded.survey.journey.labels(state.language())


def metrics(values: Mapping[str, str]) -> None:
    """A row of bordered metric cards, label → value (both already translated / formatted)."""
    for column, (label, value) in zip(st.columns(len(values)), values.items(), strict=True):
        column.metric(label, value, border=True)


def fresh_upload(uploaded: T | None, *, key: str) -> T | None:
    """The file of an ``st.file_uploader`` the first time a run sees it, else None.

    The uploader keeps returning its file on every rerun; acting on it once means that a
    rerun, or a switch back to the demo data, does not load the same upload again.
    """
    if uploaded is None:
        return None
    marker = f"{key}_seen"
    file_id = getattr(uploaded, "file_id", id(uploaded))
    if st.session_state.get(marker) == file_id:
        return None
    st.session_state[marker] = file_id
    return uploaded


def json_exchange(
    value: dict, download_label: str, upload_label: str, file_name: str, *, key: str
) -> object | None:
    """A download button for ``value`` as a JSON file beside an uploader for such a file.

    Returns the uploaded file the first time a run sees it (see :func:`fresh_upload`).
    """
    left, right = st.columns([1, 2], vertical_alignment="center")
    left.download_button(
        download_label,
        json.dumps(value, ensure_ascii=False, indent=2).encode("utf-8"),
        file_name=file_name,
        mime="application/json",
        key=f"{key}_download",
    )
    uploaded = right.file_uploader(upload_label, type=["json"], key=f"{key}_upload")
    return fresh_upload(uploaded, key=f"{key}_upload")


def switch_dataset(
    build: Callable[[], state.DatasetChoice], error_key: str, *, new_file: bool = False
) -> None:
    """Switch every page to the dataset ``build()`` returns, showing the steps of loading it;
    or, when it cannot be built or loaded (or, for a ``new_file``, has nothing to analyse),
    show ``t(error_key, error=...)`` and keep the current dataset."""
    choice = None
    try:
        choice = build()
        with st.status(t("data.step.reading")) as status:
            for step in data.prepare(choice, new_file=new_file):
                status.update(label=t(f"data.step.{step}"))
    except MotError as exc:
        if new_file and choice is not None:
            workspaces.discard(choice)  # a refused upload leaves nothing on disk or stored
        st.error(t(error_key, error=md_message(exc)))
        return
    state.use_dataset(workspaces.remember_edit(choice))  # saved in the session's workspace
    st.rerun()
