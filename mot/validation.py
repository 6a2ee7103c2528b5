"""The validation report: what is wrong with a dataset, where, and how to fix it.

Loading never stops at the first problem. Each problem becomes an entry with a severity,
the row as the user's file numbers it, the column, what is wrong and how to fix it.

- An **error** means data was left out of the analysis (a cell off the scale, text that is
  not a rating, a duplicated respondent, a file that cannot be read). Everything else in the
  file is kept and analysed; the CLI exits 1 so that scripts notice.
- A **warning** means data was kept with an assumption worth knowing (a don't-know answer
  taken as missing, a suggested mapping, a touchpoint with too few answers for a CI).

Long files can hold thousands of identical problems: per column and problem the first
:data:`ROWS_LISTED` rows get an entry each, then one summary entry counts the rest.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

SEVERITIES: tuple[str, ...] = ("error", "warning")
REPORT_COLUMNS: tuple[str, ...] = ("severity", "row", "column", "problem", "fix")
ROWS_LISTED = 20
"""Per column and kind of problem, how many rows get an entry of their own."""


@dataclass(frozen=True)
class ReportEntry:
    """One problem: its severity, file row (None for a whole column or file), column, text."""

    severity: str
    row: int | None
    column: str | None
    problem: str
    fix: str

    def __str__(self) -> str:
        where = []
        if self.column:
            where.append(f"column `{self.column}`")
        if self.row is not None:
            where.append(f"row {self.row}")
        place = (", ".join(where) + ": ") if where else ""
        return f"{self.severity.upper()} {place}{self.problem} {self.fix}".strip()


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

    def to_frame(self) -> pd.DataFrame:
        """``severity, row, column, problem, fix``: errors first, then by row and column.

        ``row`` is the file's row number (nullable integer; missing for whole-column entries).
        """
        frame = pd.DataFrame(
            [(e.severity, e.row, e.column, e.problem, e.fix) for e in self.entries],
            columns=list(REPORT_COLUMNS),
        )
        frame["row"] = frame["row"].astype("Int64")
        order = frame["severity"].map({"error": 0, "warning": 1})
        frame = frame.assign(_order=order).sort_values(
            ["_order", "row", "column"], na_position="first", kind="stable"
        )
        return frame.drop(columns="_order").reset_index(drop=True)

    def __add__(self, other: ValidationReport) -> ValidationReport:
        return ValidationReport(self.entries + other.entries)

    def __str__(self) -> str:
        if not self.entries:
            return "No problems found."
        head = f"{len(self.errors)} error(s), {len(self.warnings)} warning(s)"
        return "\n".join([head, *(str(e) for e in self.entries)])


@dataclass
class ReportBuilder:
    """Collects entries while a dataset is built; :meth:`report` freezes them."""

    entries: list[ReportEntry] = field(default_factory=list)

    def add(
        self,
        severity: str,
        problem: str,
        fix: str,
        *,
        row: int | None = None,
        column: str | None = None,
    ) -> None:
        """Add one entry."""
        self.entries.append(ReportEntry(severity, row, column, problem, fix))

    def add_rows(
        self,
        severity: str,
        rows: np.ndarray,
        column: str | None,
        problems: list[str] | np.ndarray,
        fix: str,
        *,
        summary: str,
    ) -> None:
        """Add one entry per row for the first :data:`ROWS_LISTED` rows, then a summary.

        ``problems[i]`` describes row ``rows[i]``; ``summary`` is formatted with ``{n}`` (the
        number of further rows) and ``{rows}`` (a few of them).
        """
        rows = np.asarray(rows)
        for row, problem in zip(rows[:ROWS_LISTED], problems[:ROWS_LISTED], strict=False):
            self.add(severity, problem, fix, row=int(row), column=column)
        rest = rows[ROWS_LISTED:]
        if rest.size:
            sample = ", ".join(str(int(r)) for r in rest[:5]) + (", …" if rest.size > 5 else "")
            self.add(severity, summary.format(n=rest.size, rows=sample), fix, column=column)

    def report(self) -> ValidationReport:
        """The collected entries as an immutable report."""
        return ValidationReport(tuple(self.entries))
