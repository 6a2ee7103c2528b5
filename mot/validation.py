"""The validation report: what is wrong with a dataset, where, and how to fix it.

Loading never stops at the first problem. Each problem becomes an entry with a severity,
the row as the user's file numbers it, the column, what is wrong and how to fix it.

- An **error** means data was left out of the analysis (a cell off the scale, text that is
  not a rating, a duplicated respondent, a repeated rating of one touchpoint and measure —
  the first is kept —, a file that cannot be read). Everything else in the
  file is kept and analysed; the CLI exits 1 so that scripts notice.
- A **warning** means data was kept with an assumption worth knowing (a don't-know answer
  taken as missing, a suggested mapping, a touchpoint with too few answers for a CI).

An entry names what is wrong by a code with parameters; its problem and fix are texts of the
EN/ES catalogue :mod:`mot.messages` (``entry.problem`` is English, ``entry.problem_in("es")``
Spanish).

Long files can hold thousands of identical problems: per column and problem the first
:data:`ROWS_LISTED` rows get an entry each, then one summary entry counts the rest.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from mot import vocabulary
from mot.messages import ENTRIES, entry_texts, text

SEVERITIES = vocabulary.SEVERITIES
REPORT_COLUMNS: tuple[str, ...] = ("severity", "row", "column", "problem", "fix")
ROWS_LISTED = 20
"""Per column and kind of problem, how many rows get an entry of their own."""


@dataclass(frozen=True)
class ReportEntry:
    """One problem: severity, file row (None for a whole column or file), column, code.

    What is wrong is a code of :data:`mot.messages.ENTRIES` with its parameters.

    ``problem`` and ``fix`` are the English texts; :meth:`problem_in` and :meth:`fix_in`
    render them in another language.

    Raises
    ------
    KeyError
        If ``code`` is not in the catalogue (a programming error, caught by the tests).
    """

    severity: str
    row: int | None
    column: str | None
    code: str
    params: Mapping[str, Any] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        if self.code not in ENTRIES:
            raise KeyError(f"No validation entry {self.code!r} in mot.messages.ENTRIES.")

    def problem_in(self, language: str = "en") -> str:
        """What is wrong, in ``language`` (``en`` or ``es``)."""
        return entry_texts(self.code, self.params, language)[0]

    def fix_in(self, language: str = "en") -> str:
        """How to fix it, in ``language`` (``en`` or ``es``)."""
        return entry_texts(self.code, self.params, language)[1]

    @property
    def problem(self) -> str:
        """What is wrong, in English."""
        return self.problem_in("en")

    @property
    def fix(self) -> str:
        """How to fix it, in English."""
        return self.fix_in("en")

    def to_text(self, language: str = "en") -> str:
        """One line: severity, place, problem and fix (what the CLI prints)."""
        where = []
        if self.column:
            where.append(text("where.column", language, column=self.column))
        if self.row is not None:
            where.append(text("where.row", language, row=self.row))
        place = (", ".join(where) + ": ") if where else ""
        problem, fix = entry_texts(self.code, self.params, language)
        severity = text(f"severity.{self.severity}", language)
        return f"{severity} {place}{problem} {fix}".strip()

    def __str__(self) -> str:
        return self.to_text("en")


@dataclass(frozen=True)
class ValidationReport:
    """Errors and warnings found while reading and mapping a dataset."""

    entries: tuple[ReportEntry, ...] = ()

    @property
    def errors(self) -> tuple[ReportEntry, ...]:
        """Entries with severity ``error``."""
        return tuple(e for e in self.entries if e.severity == "error")

    @property
    def warnings(self) -> tuple[ReportEntry, ...]:
        """Entries with severity ``warning``."""
        return tuple(e for e in self.entries if e.severity == "warning")

    @property
    def has_errors(self) -> bool:
        """True when some data was left out of the analysis."""
        return any(e.severity == "error" for e in self.entries)

    def to_frame(self, language: str = "en", *, codes: bool = False) -> pd.DataFrame:
        """``severity, row, column, problem, fix``: errors first, then by row and column.

        ``row`` is the file's row number (nullable integer; missing for whole-column entries).
        ``problem`` and ``fix`` are in ``language``; with ``codes``, two more columns give
        each entry's ``code`` and ``params``.
        """
        texts = [entry_texts(e.code, e.params, language) for e in self.entries]
        frame = pd.DataFrame(
            [
                (e.severity, e.row, e.column, problem, fix)
                for e, (problem, fix) in zip(self.entries, texts, strict=True)
            ],
            columns=list(REPORT_COLUMNS),
        )
        if codes:
            frame["code"] = [e.code for e in self.entries]
            frame["params"] = [dict(e.params) for e in self.entries]
        frame["row"] = frame["row"].astype("Int64")
        order = frame["severity"].map({"error": 0, "warning": 1})
        frame = frame.assign(_order=order).sort_values(
            ["_order", "row", "column"], na_position="first", kind="stable"
        )
        return frame.drop(columns="_order").reset_index(drop=True)

    def __add__(self, other: ValidationReport) -> ValidationReport:
        return ValidationReport(self.entries + other.entries)

    def to_text(self, language: str = "en") -> str:
        """The counts, then one line per entry (what ``python -m mot validate`` prints)."""
        if not self.entries:
            return text("report.none", language)
        head = text("report.counts", language, errors=len(self.errors), warnings=len(self.warnings))
        return "\n".join([head, *(e.to_text(language) for e in self.entries)])

    def __str__(self) -> str:
        return self.to_text("en")


@dataclass
class ReportBuilder:
    """Collects entries while a dataset is built; :meth:`report` freezes them."""

    entries: list[ReportEntry] = field(default_factory=list)

    def add(
        self,
        severity: str,
        code: str,
        params: Mapping[str, Any] | None = None,
        *,
        row: int | None = None,
        column: str | None = None,
    ) -> None:
        """Add one entry: ``code`` of :data:`mot.messages.ENTRIES` with its ``params``."""
        self.entries.append(ReportEntry(severity, row, column, code, dict(params or {})))

    def add_rows(
        self,
        severity: str,
        rows: np.ndarray,
        column: str | None,
        code: str,
        params: Sequence[Mapping[str, Any]] | Mapping[str, Any] | None = None,
        *,
        summary: Mapping[str, Any] | None = None,
    ) -> None:
        """Add one entry per row for the first :data:`ROWS_LISTED` rows, then a summary.

        ``params[i]`` are the parameters of row ``rows[i]`` (one mapping: the same for every
        row). The summary entry has the code ``code + ".more"`` and the parameters
        ``summary`` plus ``n`` (the number of further rows) and ``rows`` (a few of them).
        """
        rows = np.asarray(rows)
        listed = rows[:ROWS_LISTED]
        if params is None or isinstance(params, Mapping):
            per_row: Sequence[Mapping[str, Any]] = [params or {}] * len(listed)
        else:
            per_row = params
        for row, values in zip(listed, per_row[:ROWS_LISTED], strict=False):
            self.add(severity, code, values, row=int(row), column=column)
        rest = rows[ROWS_LISTED:]
        if rest.size:
            sample = ", ".join(str(int(r)) for r in rest[:5]) + (", …" if rest.size > 5 else "")
            more = {**(summary or {}), "n": int(rest.size), "rows": sample}
            self.add(severity, f"{code}.more", more, column=column)

    def report(self) -> ValidationReport:
        """The collected entries as an immutable report."""
        return ValidationReport(tuple(self.entries))
