"""Header rows: a plain table's one row, or the layouts survey tools export.

Qualtrics (three header rows: names, question texts, ``{"ImportId": ...}``; or the two of an
older export, and the legacy ``V1, V2, ...`` layout) and SurveyMonkey (question row plus
answer-option row). Column names are stripped and made unique (``Q1``, ``Q1.1``); a blank one
becomes ``column_<n>``; what was renamed is said in notes and warnings.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from mot.io._common import NUMBER, short_listing
from mot.messages import Message
from mot.validation import ReportBuilder, ReportEntry

_QUALTRICS_ID = re.compile(r"R_\w+")
_SURVEYMONKEY_MARKERS: Final = frozenset({"response", "open-ended response"})


@dataclass(frozen=True)
class Header:
    """The header rows found at the start of a table."""

    source_format: str
    raw: list[str]  # header cells, stripped ("" where blank); SurveyMonkey: "question - option"
    names: list[str]  # unique, blanks filled
    labels: dict[str, str]
    skip: int  # records before the first data row (sep line, blank lines, header rows)
    note: str


def _is_blank(row: Sequence[str]) -> bool:
    return not any(cell.strip() for cell in row)


def detect_header(rows: Sequence[Sequence[str]], skip_first: int) -> Header | None:
    """Find the header rows of a survey export (or a plain table) at the start of ``rows``."""
    lead = skip_first
    while lead < len(rows) and _is_blank(rows[lead]):
        lead += 1
    if lead >= len(rows):
        return None
    top = [list(row) for row in rows[lead : lead + 3]]
    kind, n_rows, note = _header_layout(top)
    raw, labels = _header_names(kind, top[:n_rows])
    return Header(kind, raw, unique_names(raw), labels, lead + n_rows, note)


def _header_layout(top: list[list[str]]) -> tuple[str, int, str]:
    if len(top) >= 3 and any(cell.strip().startswith('{"ImportId"') for cell in top[2]):
        return "qualtrics", 3, Message("note.header_qualtrics")
    if len(top) >= 2 and _is_qualtrics_two_rows(top[0], top[1]):
        return "qualtrics", 2, Message("note.header_qualtrics_two")
    if len(top) >= 2 and _is_qualtrics_legacy(top[0], top[1]):
        return "qualtrics_legacy", 2, Message("note.header_qualtrics_legacy")
    if len(top) >= 2 and _is_surveymonkey(top[0], top[1]):
        return "surveymonkey", 2, Message("note.header_surveymonkey")
    return "csv", 1, Message("note.header_one")


def _stripped(row: Sequence[Any]) -> list[str]:
    return [str(cell).strip(" \t\r\n\ufeff") for cell in row]


def _is_qualtrics_two_rows(first: list[str], second: list[str]) -> bool:
    cells = _stripped(first)
    if "ResponseId" not in cells or "StartDate" not in cells:
        return False
    index = cells.index("ResponseId")
    value = second[index].strip() if index < len(second) else ""
    return bool(value) and not _QUALTRICS_ID.fullmatch(value)


def _is_qualtrics_legacy(first: list[str], second: list[str]) -> bool:
    cells = _stripped(first)
    return cells[:2] == ["V1", "V2"] and "responseid" in {c.lower() for c in _stripped(second)}


def _is_surveymonkey(first: list[str], second: list[str]) -> bool:
    head, options = _stripped(first), _stripped(second)
    if not head or not head[0] or not options or options[0]:
        return False  # SurveyMonkey leaves row 2 blank under RespondentID
    if any(cell.lower() in _SURVEYMONKEY_MARKERS for cell in options):
        return True
    continuation = [j for j in range(1, len(head)) if not head[j]]
    if not continuation:
        return False
    filled = all(j < len(options) and options[j] for j in continuation)
    return filled and not any(NUMBER.fullmatch(cell) for cell in options if cell)


def _header_names(kind: str, top: list[list[str]]) -> tuple[list[str], dict[str, str]]:
    first = _stripped(top[0])
    if kind == "surveymonkey":
        raw, texts = _surveymonkey_names(first, _stripped(top[1]))
    else:
        raw = first
        texts = _stripped(top[1]) if kind in {"qualtrics", "qualtrics_legacy"} else []
    names = unique_names(raw)
    labels = {name: text for name, text in zip(names, texts, strict=False) if text}
    return raw, labels


def _surveymonkey_names(questions: list[str], options: list[str]) -> tuple[list[str], list[str]]:
    """Column j is 'question - option' when row 2 names an option, else the question."""
    names: list[str] = []
    question = ""
    for j, text in enumerate(questions):
        option = options[j] if j < len(options) else ""
        question = text or question
        is_marker = option.lower() in _SURVEYMONKEY_MARKERS
        if option and (not text or not is_marker):
            names.append(f"{question} - {option}" if question else option)
        else:
            names.append(question if text or not question else "")
    return names, list(names)


def unique_names(raw: Sequence[str], width: int | None = None) -> list[str]:
    """Strip, fill blanks with ``column_<n>`` (1-based) and make names unique (``a.1``)."""
    width = len(raw) if width is None else width
    names = [str(raw[j]).strip() if j < len(raw) else "" for j in range(width)]
    names = [name or f"column_{j + 1}" for j, name in enumerate(names)]
    seen: set[str] = set()
    out: list[str] = []
    for name in names:
        candidate, k = name, 0
        while candidate in seen:
            k += 1
            candidate = f"{name}.{k}"
        seen.add(candidate)
        out.append(candidate)
    return out


def name_notes(raw: Sequence[str], names: Sequence[str]) -> list[str]:
    """Notes naming the columns that were blank in the header, and those renamed."""
    cells = [str(raw[j]).strip() if j < len(raw) else "" for j in range(len(names))]
    blank = [name for name, cell in zip(names, cells, strict=True) if not cell]
    renamed = [name for name, cell in zip(names, cells, strict=True) if cell and name != cell]
    notes = []
    if blank:
        notes.append(Message("note.unnamed_columns", columns=short_listing(blank)))
    if renamed:
        notes.append(Message("note.renamed_columns", columns=short_listing(renamed)))
    return notes


def duplicate_issues(
    raw: Sequence[str], names: Sequence[str], *, letters: bool = False
) -> list[ReportEntry]:
    """A warning per column renamed because an earlier column has the same name."""
    cells = [str(raw[j]).strip() if j < len(raw) else "" for j in range(len(names))]
    log = ReportBuilder()
    for j, (cell, name) in enumerate(zip(cells, names, strict=True)):
        if not cell or name == cell:
            continue
        first = next((k for k in range(j) if names[k] == cell), None)
        if first is None:  # pragma: no cover - a renamed name always has an earlier holder
            continue
        params = {
            "first": _position(first, letters),
            "second": _position(j, letters),
            "name": cell,
            "renamed": name,
        }
        log.add("warning", "columns.duplicate_name", params, column=name)
    return log.entries


def _position(j: int, letters: bool) -> str:
    """1-based column position; with its spreadsheet letter for a workbook (``3 (C)``)."""
    if not letters:
        return str(j + 1)
    return f"{j + 1} ({column_letter(j)})"


def column_letter(j: int) -> str:
    """Spreadsheet letter of 0-based column ``j`` (``0`` → ``A``, ``27`` → ``AB``)."""
    letters, n = "", j + 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
