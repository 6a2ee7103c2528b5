"""The workshop's follow-up deck: a PowerPoint file, one slide per touchpoint.

:func:`workshop_deck` writes what a room of the workshop produced as a 16:9 ``.pptx``
(python-pptx): a title slide (the room's name, the date, how many touchpoints and answers),
then one slide per touchpoint in journey order with its chart (the expected, excellent and
experienced means on the room's scale and the mean emotion, :func:`mot.charts.deck_levels_chart`
drawn offline by vl-convert as PNG in the house theme), its two gaps, its latest comments and
its corrective actions, and a closing slide ranking the largest gaps.

Every fixed word comes from the EN/ES catalogue (:mod:`mot.messages`), numbers are written the
language's way (``−1,2`` in Spanish). Text from the room (labels, comments, action titles,
owners) is written as typed: nothing is read as markup or as a formula, so ``<script>`` or
``=HYPERLINK(...)`` appears as those characters. What a PowerPoint file cannot hold is left
out: control characters (NUL, escape, ...), lone surrogates and non-characters; line breaks
and tabs become spaces, and a very long text is cut with "…".

python-pptx, altair and vl-convert are imported when a deck is made, not with :mod:`mot`.
"""

from __future__ import annotations

import datetime
import io
import math
import numbers
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from mot._export import validate_language
from mot._frames import require_columns
from mot.errors import ExportError
from mot.messages import Message, listing
from mot.table_export import format_number
from mot.vocabulary import ACTION_STATUSES
from mot.workshop import SUMMARY_COLUMNS

__all__ = [
    "DECK_ACTION_COLUMNS",
    "DECK_COMMENT_COLUMNS",
    "DECK_SUMMARY_COLUMNS",
    "PPTX_SIGNATURE",
    "clean_text",
    "workshop_deck",
]

DECK_SUMMARY_COLUMNS: tuple[str, ...] = SUMMARY_COLUMNS
"""Columns of the ``summary`` of :func:`workshop_deck`, one row per touchpoint in journey
order: ``touchpoint`` the id, ``label`` its display label, ``n`` the participants who
answered it (int), ``expected``, ``excellent``, ``experienced`` the means on the room's scale
and ``emotion`` the mean on −3..+3 (floats, NaN when nobody answered), ``gap_expected`` =
experienced − expected and ``gap_excellent`` = experienced − excellent."""

DECK_COMMENT_COLUMNS: tuple[str, ...] = ("touchpoint", "comment")
"""Columns of the ``comments`` of :func:`workshop_deck` (the ones to show, newest first)."""

DECK_ACTION_COLUMNS: tuple[str, ...] = ("touchpoint", "title", "owner", "status", "due")
"""Columns of the ``actions`` that :func:`workshop_deck` reads (:func:`mot.actions.actions_frame`
has them)."""

PPTX_SIGNATURE = b"PK\x03\x04"
"""The first four bytes of every ``.pptx`` file (a ZIP archive)."""

TITLE_LIMIT = 120
"""Most characters of a slide title (the room's name, a touchpoint's label)."""

COMMENT_LIMIT = 180
"""Most characters of a comment on a slide."""

COMMENT_BUDGET = 800
"""Most characters of comments on a slide: the comments after them are left for the room."""

CELL_LIMIT = 60
"""Most characters of an action's title or status, or a touchpoint's label, in a table."""

OWNER_LIMIT = 24
"""Most characters of an action's owner."""

MAX_ACTIONS = 4
"""Most actions listed on a touchpoint's slide (its heading then says "Actions (4 of 6)")."""

MAX_RANKED = 10
"""Most touchpoints on the closing slide's ranking."""

_NUMERIC = ("n", "expected", "excellent", "experienced", "emotion", "gap_expected", "gap_excellent")
_MEANS = ("expected", "excellent", "experienced", "emotion")
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_SPACES = re.compile(r"\s+")
_NONE = "—"
_LANGUAGE_TAGS = {"en": "en-US", "es": "es-ES"}

# The look: 16:9 in inches, the house ink, accent and semantic colours (mot.charts.theme).
_WIDTH, _HEIGHT, _MARGIN = 40 / 3, 7.5, 0.5  # PowerPoint's widescreen, 12192000 × 6858000 EMU
_INK, _MUTED, _ACCENT = "333333", "57606A", "0072B2"
_GREEN, _VERMILLION = "009E73", "D55E00"
_LEFT_WIDTH = 6.6
_RIGHT_LEFT = _MARGIN + _LEFT_WIDTH + 0.4
_RIGHT_WIDTH = _WIDTH - _RIGHT_LEFT - _MARGIN


def clean_text(value: Any, limit: int | None = None) -> str:
    r"""A text from the room as a slide can hold it: as typed, on one line, at most ``limit``.

    Characters an Office file cannot hold are left out (C0 and C1 control characters, lone
    surrogates, U+FFFE and U+FFFF); every run of spaces, tabs and line breaks becomes one
    space; a text longer than ``limit`` is cut and ends with "…". Markup, formulas, emoji and
    right-to-left text stay as they are.

    Examples
    --------
    >>> clean_text("<b>Hi</b>\x00 =SUM(A1)\n\n😀")
    '<b>Hi</b> =SUM(A1) 😀'
    >>> clean_text("a" * 10, limit=5)
    'aaaa…'
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    text = _SPACES.sub(" ", _NOT_IN_XML.sub("", str(value))).strip()
    if limit is not None and len(text) > limit:
        text = text[: limit - 1].rstrip(" \u200d") + "…"
    return text


def workshop_deck(
    summary: pd.DataFrame,
    comments: pd.DataFrame,
    actions: pd.DataFrame,
    *,
    title: str,
    scale: tuple[float, float] = (1, 7),
    language: str = "en",
    when: datetime.date | None = None,
    top_comments: int = 5,
) -> bytes:
    """Write the workshop's follow-up deck as a PowerPoint file (16:9).

    Slides: a title slide (``title``, the date, the number of touchpoints and of answers);
    one slide per row of ``summary`` in its order, titled with the touchpoint's label: the
    participants who answered it, a chart of its expected, excellent and experienced means on
    ``scale`` and its mean emotion on −3..+3 (:func:`mot.charts.deck_levels_chart`), its gaps
    with their sign ("Experienced vs expected: −1.2"), its first ``top_comments`` comments
    (fewer when they would not fit: at most :data:`COMMENT_BUDGET` characters; the heading
    says "Comments (3 of 12)") and a table of its actions (title, owner, status, due; the
    first :data:`MAX_ACTIONS`, "Actions (4 of 6)" when there are more); a touchpoint nobody
    answered says so in place of the chart and gaps. The last slide ranks
    the touchpoints by ``gap_expected`` (the largest shortfall first, then ``gap_excellent``,
    then journey order; the first :data:`MAX_RANKED`) and names those without answers and
    the actions whose touchpoint is not in the deck.

    Parameters
    ----------
    summary : DataFrame
        One row per touchpoint, in journey order, with :data:`DECK_SUMMARY_COLUMNS`.
    comments : DataFrame
        ``touchpoint, comment``: the comments to show, newest first.
    actions : DataFrame
        :func:`mot.actions.actions_frame` of the room's actions (at least
        :data:`DECK_ACTION_COLUMNS`), in the order to list them.
    title : str
        The room's or the workshop's name.
    scale : (low, high), default (1, 7)
        The room's rating scale of the expected, excellent and experienced means.
    language : {"en", "es"}, default "en"
        The language of every fixed text, and of numbers (``1.234,5`` in Spanish).
    when : datetime.date, optional
        The date on the title slide; today by default.
    top_comments : int, default 5
        Most comments on a touchpoint's slide (each cut at :data:`COMMENT_LIMIT` characters).

    Returns
    -------
    bytes
        The ``.pptx`` file, starting with :data:`PPTX_SIGNATURE`: ``len(summary) + 2``
        slides.

    Raises
    ------
    ExportError
        If a table is not a DataFrame or lacks a column (the message names them), the
        summary repeats a touchpoint or holds text where numbers belong, an option is not
        usable, or a chart cannot be drawn.

    Examples
    --------
    >>> import io
    >>> from pptx import Presentation
    >>> summary = pd.DataFrame({"touchpoint": ["FMOT", "TMOT"], "label": ["Shop", "Delivery"],
    ...     "n": [12, 0], "expected": [5.0, float("nan")], "excellent": [6.5, float("nan")],
    ...     "experienced": [5.5, float("nan")], "emotion": [1.5, float("nan")],
    ...     "gap_expected": [0.5, float("nan")], "gap_excellent": [-1.0, float("nan")]})
    >>> comments = pd.DataFrame({"touchpoint": ["FMOT"], "comment": ["Nice <b>shelf</b>"]})
    >>> actions = pd.DataFrame({"touchpoint": ["TMOT"], "title": ["Call ahead"],
    ...     "owner": ["Ana"], "status": ["planned"], "due": [None]})
    >>> data = workshop_deck(summary, comments, actions, title="Room 1", language="es",
    ...                      when=datetime.date(2026, 3, 2))
    >>> slides = Presentation(io.BytesIO(data)).slides
    >>> len(slides), [slide.shapes.title.text for slide in slides]
    (4, ['Room 1', 'Shop', 'Delivery', 'Las brechas más grandes'])
    """
    _validate_workshop_deck(summary, comments, actions, title, scale, language, when, top_comments)
    from pptx import Presentation
    from pptx.util import Inches

    summary = summary.assign(**{c: summary[c].astype("float64") for c in _NUMERIC})
    words = _Words(language, (float(scale[0]), float(scale[1])))
    deck = Presentation()
    deck.slide_width, deck.slide_height = Inches(_WIDTH), Inches(_HEIGHT)
    name = clean_text(title, TITLE_LIMIT) or words("deck.untitled")
    _properties(deck, name, language)
    _title_slide(deck, name, when or datetime.date.today(), summary, words)
    for row in summary.to_dict("records"):
        touchpoint = str(row["touchpoint"])
        shown = _comments_of(comments, touchpoint)
        _touchpoint_slide(
            deck,
            row,
            _chart(summary, touchpoint, words) if _answered(row) else None,
            (shown.head(top_comments).tolist(), len(shown)),
            actions[actions["touchpoint"].astype(str) == touchpoint],
            words,
        )
    _closing_slide(deck, summary, actions, words)
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


# --- checks ---------------------------------------------------------------------------------


def _validate_workshop_deck(
    summary: Any,
    comments: Any,
    actions: Any,
    title: Any,
    scale: Any,
    language: Any,
    when: Any,
    top_comments: Any,
) -> None:
    """Raise an :class:`ExportError` unless the tables and options make a deck."""
    _require(summary, DECK_SUMMARY_COLUMNS, "summary", "mot.deck.DECK_SUMMARY_COLUMNS")
    _require(comments, DECK_COMMENT_COLUMNS, "comments", "mot.deck.DECK_COMMENT_COLUMNS")
    _require(actions, DECK_ACTION_COLUMNS, "actions", "mot.actions.actions_frame")
    _validate_summary(summary)
    validate_language(language)
    if not isinstance(title, str):
        raise ExportError(Message("deck.title", kind=type(title).__name__))
    if not _is_scale(scale):
        raise ExportError(Message("deck.scale", scale=scale))
    if when is not None and not isinstance(when, datetime.date):
        raise ExportError(Message("deck.when", kind=type(when).__name__))
    if isinstance(top_comments, bool) or not isinstance(top_comments, numbers.Integral):
        raise ExportError(Message("arg.count", name="top_comments", value=top_comments))
    if top_comments < 0:
        raise ExportError(Message("arg.count", name="top_comments", value=top_comments))


def _require(frame: Any, columns: Sequence[str], what: str, source: str) -> None:
    builder = f"workshop_deck({what}=...)"
    require_columns(frame, columns, builder=builder, source=source, error=ExportError)


def _validate_summary(summary: pd.DataFrame) -> None:
    for column in _NUMERIC:
        values = summary[column]
        if not _numbers(values):
            raise ExportError(Message("deck.not_numbers", column=column, kind=str(values.dtype)))
    repeated = summary["touchpoint"].astype(str)
    repeated = repeated[repeated.duplicated()]
    if len(repeated):
        raise ExportError(Message("deck.repeated_touchpoint", touchpoint=repeated.iloc[0]))


def _numbers(values: pd.Series) -> bool:
    """Whether ``values`` are numbers or missing (booleans are not numbers)."""
    dtype = values.dtype
    if pd.api.types.is_bool_dtype(dtype):
        return False
    if pd.api.types.is_numeric_dtype(dtype):
        return True
    present = values[values.notna()].tolist()
    return all(isinstance(v, numbers.Real) and not isinstance(v, bool) for v in present)


def _is_scale(scale: Any) -> bool:
    if not isinstance(scale, Sequence) or isinstance(scale, str) or len(scale) != 2:
        return False
    if not all(isinstance(v, numbers.Real) and not isinstance(v, bool) for v in scale):
        return False
    low, high = float(scale[0]), float(scale[1])
    return math.isfinite(low) and math.isfinite(high) and low < high


# --- words and numbers ----------------------------------------------------------------------


@dataclass(frozen=True)
class _Words:
    """The deck's language and scale: catalogue texts and numbers written its way."""

    language: str
    scale: tuple[float, float]

    def __call__(self, code: str, **params: Any) -> str:
        return Message(code, **params).render(self.language)

    def number(self, value: Any, decimals: int = 1) -> str:
        value = _finite(value)
        return _NONE if value is None else format_number(value, self.language, decimals)

    def signed(self, value: Any) -> str:
        """``+0.5``, ``−1.2`` (a true minus sign), ``0.0``; a dash when missing."""
        value = _finite(value)
        if value is None:
            return _NONE
        text = format_number(abs(value), self.language, 1)
        if not any(digit in text for digit in "123456789"):
            return text
        return ("+" if value > 0 else "−") + text

    def bound(self, value: float) -> str:
        """An end of the scale: ``1``, ``0,5``."""
        return format_number(value, self.language, 0 if value == round(value) else 1)

    def status(self, status: Any) -> str:
        text = clean_text(status, CELL_LIMIT)
        return self(f"deck.status.{text}") if text in ACTION_STATUSES else text


def _finite(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return None
    value = float(value)
    return value if math.isfinite(value) else None


def _answered(row: dict) -> bool:
    n = _finite(row["n"]) or 0
    return n > 0 and any(_finite(row[m]) is not None for m in _MEANS)


def _comments_of(comments: pd.DataFrame, touchpoint: str) -> pd.Series:
    mine = comments.loc[comments["touchpoint"].astype(str) == touchpoint, "comment"]
    texts = mine.map(lambda value: clean_text(value, COMMENT_LIMIT))
    return texts[texts != ""]


def _due(value: Any) -> str:
    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return _NONE
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return clean_text(value, CELL_LIMIT) or _NONE


# --- the chart ------------------------------------------------------------------------------


def _chart(summary: pd.DataFrame, touchpoint: str, words: _Words) -> bytes:
    """The touchpoint's chart as PNG, in the house theme and the deck's language."""
    from mot import charts
    from mot.chart_export import chart_png

    low, high = (words.bound(v) for v in words.scale)
    text = {key: words(f"deck.chart.{key}") for key in ("level", *charts.DECK_LEVELS, "emotion")}
    text["mean"] = words("deck.chart.mean", low=low, high=high)
    chart = charts.deck_levels_chart(summary, touchpoint=touchpoint, scale=words.scale, text=text)
    spec = charts.themed_spec(charts.localised(chart, words.language))
    return chart_png(spec, scale=2, language=words.language)


def _chart_alt(row: dict, words: _Words) -> str:
    low, high = (words.bound(v) for v in words.scale)
    means = {m: words.number(row[m]) for m in ("expected", "excellent", "experienced")}
    return words(
        "deck.chart_alt", **means, emotion=words.signed(row["emotion"]), low=low, high=high
    )


# --- slides ---------------------------------------------------------------------------------


def _properties(deck: Any, title: str, language: str) -> None:
    properties = deck.core_properties
    properties.title = title
    properties.language = _LANGUAGE_TAGS[language]
    properties.author = properties.last_modified_by = "Moments of truth"
    properties.revision = 1
    properties.subject = properties.keywords = properties.comments = ""


def _slide(deck: Any, layout: int, title: str, words: _Words, size: int | None = None) -> Any:
    """A new slide of ``layout`` with its title placeholder across the top, and an accent rule.

    The title's type is 28 pt, or smaller for a long title so that it stays on two lines.
    """
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.util import Inches

    slide = deck.slides.add_slide(deck.slide_layouts[layout])
    heading = slide.shapes.title
    heading.left, heading.top = Inches(_MARGIN), Inches(0.3)
    heading.width, heading.height = Inches(_WIDTH - 2 * _MARGIN), Inches(0.8)
    frame = heading.text_frame
    frame.word_wrap = True
    frame.margin_left = frame.margin_right = 0
    size = size or (28 if len(title) <= 50 else 22 if len(title) <= 66 else 18)
    _write(frame.paragraphs[0], title, words, size=size, bold=True)
    rule = slide.shapes.add_shape(
        MSO_SHAPE.RECTANGLE, Inches(_MARGIN), Inches(1.12), Inches(1.2), Inches(0.06)
    )
    rule.fill.solid()
    _colour(rule.fill.fore_color, _ACCENT)
    rule.line.fill.background()
    rule.shadow.inherit = False  # the default shape style casts a shadow
    return slide


def _title_slide(
    deck: Any, name: str, when: datetime.date, summary: pd.DataFrame, words: _Words
) -> None:
    from pptx.util import Inches

    slide = _slide(
        deck, 0, name, words, size=40 if len(name) <= 40 else 32 if len(name) <= 70 else 24
    )
    heading = slide.shapes.title
    heading.top, heading.height = Inches(2.3), Inches(1.4)
    slide.shapes[-1].top = Inches(3.8)  # the accent rule, under the title
    body = slide.placeholders[1]
    body.left, body.top = Inches(_MARGIN), Inches(4.1)
    body.width, body.height = Inches(_WIDTH - 2 * _MARGIN), Inches(2.2)
    body.text_frame.margin_left = 0
    answers = int(pd.to_numeric(summary["n"], errors="coerce").fillna(0).sum())
    date = when.date() if isinstance(when, datetime.datetime) else when
    lines = [
        (words("deck.subtitle"), 22, _ACCENT),
        (words("deck.date", date=date.isoformat()), 16, _MUTED),
        (words("deck.touchpoints", n=len(summary)), 16, _MUTED),
        (words("deck.answers", n=answers), 16, _MUTED),
    ]
    _paragraphs(body.text_frame, lines, words)


def _touchpoint_slide(
    deck: Any,
    row: dict,
    png: bytes | None,
    comments: tuple[list[str], int],
    actions: pd.DataFrame,
    words: _Words,
) -> None:
    """The chart then the actions at the left; the gaps then the comments at the right."""
    label = clean_text(row["label"], TITLE_LIMIT) or clean_text(row["touchpoint"], TITLE_LIMIT)
    slide = _slide(deck, 5, label, words)
    n = int(_finite(row["n"]) or 0)
    answered = _box(slide, _MARGIN, 1.25, _WIDTH - 2 * _MARGIN, 0.4)
    _paragraphs(answered, [(words("deck.answered", n=n), 14, _MUTED)], words)
    top = 1.75
    if png is None:
        empty = _box(slide, _MARGIN, top, _LEFT_WIDTH, 1.2)
        _paragraphs(empty, [(words("deck.no_answers"), 18, _INK)], words)
        _actions(slide, actions, words, top + 1.4)
        _comments(slide, *comments, words, top)
        return
    end = _picture(slide, png, _chart_alt(row, words), top)
    _actions(slide, actions, words, end + 0.15)
    _gaps(slide, row, words, top)
    _comments(slide, *comments, words, top + 1.2)


def _picture(slide: Any, png: bytes, alt: str, top: float) -> float:
    """Place the chart at the left; return where it ends (inches)."""
    from pptx.util import Emu, Inches

    picture = slide.shapes.add_picture(io.BytesIO(png), Inches(_MARGIN), Inches(top))
    ratio = picture.height / picture.width
    width = min(_LEFT_WIDTH, 2.4 / ratio)
    picture.width, picture.height = Inches(width), Inches(width * ratio)
    picture.name = "Chart"
    picture._element.nvPicPr.cNvPr.set("descr", alt)  # the alternative text (no public API)
    return top + Emu(picture.height).inches


def _gaps(slide: Any, row: dict, words: _Words, top: float) -> None:
    frame = _box(slide, _RIGHT_LEFT, top, _RIGHT_WIDTH, 1.0)
    for index, (code, column) in enumerate(
        (("deck.gap_expected", "gap_expected"), ("deck.gap_excellent", "gap_excellent"))
    ):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        _write(paragraph, words(code) + " ", words, size=16)
        gap = words.signed(row[column])
        colour = {"+": _GREEN, "−": _VERMILLION}.get(gap[0], _INK)
        _write(paragraph, gap, words, size=16, bold=True, colour=colour)
    note = frame.add_paragraph()
    _write(note, words("deck.gap_note"), words, size=11, colour=_MUTED)


def _actions(slide: Any, actions: pd.DataFrame, words: _Words, top: float) -> None:
    frame = _box(slide, _MARGIN, top, _LEFT_WIDTH, 0.4)
    if actions.empty:
        _write(frame.paragraphs[0], words("deck.actions"), words, size=16, bold=True)
        _write(frame.add_paragraph(), words("deck.no_actions"), words, size=12, colour=_MUTED)
        return
    shown = actions.head(MAX_ACTIONS)
    heading = (
        words("deck.actions")
        if len(shown) == len(actions)
        else words("deck.actions_some", shown=len(shown), total=len(actions))
    )
    _write(frame.paragraphs[0], heading, words, size=16, bold=True)
    rows = [
        [
            clean_text(a["title"], CELL_LIMIT) or _NONE,
            clean_text(a["owner"], OWNER_LIMIT) or _NONE,
            words.status(a["status"]) or _NONE,
            _due(a["due"]),
        ]
        for a in shown.to_dict("records")
    ]
    headings = [words(f"deck.col.{c}") for c in ("action", "owner", "status", "due")]
    _table(slide, headings, rows, (2.9, 1.35, 1.15, 1.2), top + 0.4, words)


def _comments(slide: Any, comments: list[str], total: int, words: _Words, top: float) -> None:
    """The comments that fit in the right column (a bullet each), under a heading."""
    frame = _box(slide, _RIGHT_LEFT, top, _RIGHT_WIDTH, _HEIGHT - 0.3 - top)
    shown = _fitting(comments)
    if not shown:
        _write(frame.paragraphs[0], words("deck.no_comments"), words, size=14, colour=_MUTED)
        return
    heading = words("deck.comments", shown=len(shown), total=total)
    _write(frame.paragraphs[0], heading, words, size=16, bold=True)
    size = 13 if sum(map(len, shown)) <= COMMENT_BUDGET // 2 else 11
    for comment in shown:
        paragraph = frame.add_paragraph()
        _bullet(paragraph)
        _write(paragraph, comment, words, size=size)


def _fitting(comments: list[str]) -> list[str]:
    """The first comments whose characters add up to :data:`COMMENT_BUDGET` (one at least)."""
    kept: list[str] = []
    used = 0
    for comment in comments:
        if kept and used + len(comment) > COMMENT_BUDGET:
            break
        kept.append(comment)
        used += len(comment)
    return kept


def _closing_slide(deck: Any, summary: pd.DataFrame, actions: pd.DataFrame, words: _Words) -> None:
    slide = _slide(deck, 5, words("deck.ranked_title"), words)
    ranked, unranked = _ranking(summary)
    lines = [(words("deck.ranked_note"), 14, _MUTED)] if len(ranked) else []
    if not len(ranked):
        lines.append((words("deck.nothing_ranked"), 18, _INK))
    _paragraphs(_box(slide, _MARGIN, 1.25, _WIDTH - 2 * _MARGIN, 0.5), lines, words)
    top = 1.9
    if len(ranked):
        headings = [words(f"deck.col.{c}") for c in _RANK_COLUMNS]
        rows = [
            [
                words.number(rank, 0),
                clean_text(row["label"], CELL_LIMIT) or clean_text(row["touchpoint"], CELL_LIMIT),
                words.signed(row["gap_expected"]),
                words.signed(row["gap_excellent"]),
                words.number(row["n"], 0),
            ]
            for rank, row in enumerate(ranked.head(MAX_RANKED).to_dict("records"), start=1)
        ]
        widths = (0.6, 5.0, 2.5, 2.5, 1.6)
        top = _table(slide, headings, rows, widths, top, words, right=(0, 2, 3, 4)) + 0.15
    _notes(slide, _closing_notes(ranked, unranked, summary, actions, words), top, words)


_RANK_COLUMNS = ("rank", "touchpoint", "gap_expected", "gap_excellent", "n")


def _ranking(summary: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Touchpoints with a gap, largest shortfall first; and those without answers."""
    frame = summary.assign(
        _order=range(len(summary)),
        _expected=pd.to_numeric(summary["gap_expected"], errors="coerce"),
        _excellent=pd.to_numeric(summary["gap_excellent"], errors="coerce"),
    )
    has_gap = frame["_expected"].notna() | frame["_excellent"].notna()
    ranked = frame[has_gap].sort_values(
        ["_expected", "_excellent", "_order"], kind="stable", na_position="last"
    )
    return ranked, frame[~has_gap]


def _closing_notes(
    ranked: pd.DataFrame,
    unranked: pd.DataFrame,
    summary: pd.DataFrame,
    actions: pd.DataFrame,
    words: _Words,
) -> list[str]:
    notes = []
    if len(ranked) > MAX_RANKED:
        notes.append(words("deck.ranked_more", n=len(ranked) - MAX_RANKED))
    if len(unranked) and len(ranked):
        names = [clean_text(r["label"], 40) or str(r["touchpoint"]) for _, r in unranked.iterrows()]
        notes.append(words("deck.unranked", touchpoints=listing(names)))
    known = set(summary["touchpoint"].astype(str))
    orphans = actions[~actions["touchpoint"].astype(str).isin(known)]
    if len(orphans):
        names = [clean_text(t, 40) for t in dict.fromkeys(orphans["touchpoint"].astype(str))]
        notes.append(words("deck.orphan_actions", n=len(orphans), touchpoints=listing(names)))
    return notes


def _notes(slide: Any, notes: list[str], top: float, words: _Words) -> None:
    if notes:
        frame = _box(slide, _MARGIN, top, _WIDTH - 2 * _MARGIN, 0.3 * len(notes) + 0.2)
        _paragraphs(frame, [(note, 12, _MUTED) for note in notes], words)


# --- shapes and text ------------------------------------------------------------------------


def _box(slide: Any, left: float, top: float, width: float, height: float) -> Any:
    """A text box (inches) whose text wraps; return its text frame."""
    from pptx.util import Inches

    box = slide.shapes.add_textbox(Inches(left), Inches(top), Inches(width), Inches(height))
    frame = box.text_frame
    frame.word_wrap = True
    frame.margin_left = frame.margin_right = 0  # flush with the chart and the tables
    return frame


def _table(
    slide: Any,
    headings: list[str],
    rows: list[list[str]],
    widths: tuple[float, ...],
    top: float,
    words: _Words,
    right: tuple[int, ...] = (),
) -> float:
    """A table of texts at the left from ``top``; return where it ends (inches).

    ``widths`` are the columns' widths in inches, ``right`` the columns aligned right.
    """
    from pptx.util import Inches

    row_height = 0.32
    height = row_height * (len(rows) + 1)
    shape = slide.shapes.add_table(
        len(rows) + 1,
        len(headings),
        Inches(_MARGIN),
        Inches(top),
        Inches(sum(widths)),
        Inches(height),
    )
    table = shape.table
    for index, width in enumerate(widths):
        table.columns[index].width = Inches(width)
    for r, values in enumerate([headings, *rows]):
        table.rows[r].height = Inches(row_height)
        for c, value in enumerate(values):
            cell = table.cell(r, c)
            cell.margin_left = cell.margin_right = Inches(0.06)
            frame = cell.text_frame
            frame.word_wrap = True
            colour = None if r == 0 else _INK  # the heading row keeps the table style's colour
            _write(
                frame.paragraphs[0],
                value,
                words,
                size=11,
                bold=r == 0,
                colour=colour,
                right=c in right,
            )
    return top + height


def _paragraphs(frame: Any, lines: list[tuple[str, int, str]], words: _Words) -> None:
    """Write ``(text, size, colour)`` lines, one paragraph each, into an empty text frame."""
    for index, (text, size, colour) in enumerate(lines):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        _write(paragraph, text, words, size=size, colour=colour)


def _write(
    paragraph: Any,
    text: str,
    words: _Words,
    *,
    size: int,
    bold: bool = False,
    colour: str | None = _INK,
    right: bool = False,
) -> None:
    """Add ``text`` as a run of ``paragraph`` (in the deck's language for spelling)."""
    from pptx.enum.lang import MSO_LANGUAGE_ID
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Pt

    run = paragraph.add_run()
    run.text = text
    font = run.font
    font.size, font.bold = Pt(size), bold
    font.language_id = (
        MSO_LANGUAGE_ID.SPANISH if words.language == "es" else MSO_LANGUAGE_ID.ENGLISH_US
    )
    if colour:
        _colour(font.color, colour)
    paragraph.alignment = PP_ALIGN.RIGHT if right else PP_ALIGN.LEFT
    paragraph.space_after = Pt(size * 0.35)


def _colour(target: Any, hex_colour: str) -> None:
    from pptx.dml.color import RGBColor

    target.rgb = RGBColor.from_string(hex_colour)


def _bullet(paragraph: Any) -> None:
    """Give ``paragraph`` a round bullet with a hanging indent (python-pptx has no API)."""
    from pptx.oxml.ns import qn

    properties = paragraph._p.get_or_add_pPr()
    properties.set("marL", "228600")  # 0.25 in
    properties.set("indent", "-228600")
    bullet = properties.makeelement(qn("a:buChar"), {"char": "•"})
    properties.append(bullet)
