"""What :func:`mot.io.read_table` returns: :class:`RawTable`, a table before any mapping."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Final

import pandas as pd

from mot.validation import ReportEntry

SOURCE_FORMATS: Final[tuple[str, ...]] = (
    "csv",
    "qualtrics",
    "qualtrics_legacy",
    "surveymonkey",
    "xlsx",
    "parquet",
    "spss",
    "json",
)
"""Values of :attr:`RawTable.source_format`."""


@dataclass(frozen=True, eq=False, repr=False)
class RawTable:
    r"""A table as read from a file, before any mapping or validation.

    Attributes
    ----------
    frame : pandas.DataFrame
        One row per data row of the file (blank rows inside the data are kept as empty rows so
        that row numbers stay right; blank rows at the end are dropped). Columns are named as
        in the file, stripped and made unique (``Q1``, ``Q1.1``); a blank header cell, or a
        field beyond the header in a ragged row, gives a column ``column_<n>`` (1-based
        position). Values are as read: numbers become ``int64``/``float64`` when every cell of
        the column is a number; otherwise the column keeps the text (``"no sé"``, ``"N/A"``).
        Empty cells are missing (NaN).
    labels : dict of str to str
        Column -> question text (Qualtrics and SurveyMonkey header rows, SPSS variable labels).
    value_labels : dict of str to dict
        Column -> {code: label} (SPSS). Codes stay in ``frame``.
    source_format : str
        One of :data:`SOURCE_FORMATS`. A workbook whose first rows have a Qualtrics or
        SurveyMonkey layout reports that layout.
    encoding : str or None
        Text encoding of the file (``"utf-8"``, ``"utf-8-sig"``, ``"cp1252"``, ...; SPSS: the
        encoding declared in the file); None for binary formats.
    delimiter : str or None
        Field delimiter of a text file; None for other formats.
    decimal : str
        ``"."`` or ``","`` (decimal comma, as Spanish Excel writes ``;``-separated files).
    first_data_line : int
        1-based row number in the file of ``frame``'s first row, as a spreadsheet shows the
        file (a quoted cell with line breaks is still one row): frame row ``i`` is file row
        ``first_data_line + i``. Formats without header rows (Parquet, SPSS, JSON) count the
        first record as row 1.
    name : str or None
        File name, when known.
    notes : tuple of str
        Short sentences describing what was detected, to show to the user: each a
        :class:`mot.messages.Message` (the English text; ``note.render("es")`` in Spanish).
    ragged_rows : tuple of int
        File row numbers of text rows with too many or too few fields.
    issues : tuple of ReportEntry
        What reading changed or could not take, as validation entries with row and column:
        a cell over :data:`MAX_CELL_CHARS` emptied, a duplicate column name renamed, Excel
        formulas without a saved result, nested Parquet/JSON columns flattened or left out.
        :func:`mot.survey.build_survey` puts them at the top of its report.

    Examples
    --------
    >>> from mot.io import read_table
    >>> raw = read_table(b"id,score\n1,4\n2,5\n", name="scores.csv")
    >>> raw.frame
       id  score
    0   1      4
    1   2      5
    >>> raw.file_row(1)
    3
    """

    frame: pd.DataFrame
    labels: dict[str, str] = field(default_factory=dict)
    value_labels: dict[str, dict[Any, str]] = field(default_factory=dict)
    source_format: str = "csv"
    encoding: str | None = None
    delimiter: str | None = None
    decimal: str = "."
    first_data_line: int = 2
    name: str | None = None
    notes: tuple[str, ...] = ()
    ragged_rows: tuple[int, ...] = ()
    issues: tuple[ReportEntry, ...] = ()

    def __repr__(self) -> str:
        rows, columns = self.frame.shape
        return (
            f"RawTable(name={self.name!r}, source_format={self.source_format!r}, "
            f"rows={rows}, columns={columns}, first_data_line={self.first_data_line})"
        )

    def file_row(self, i: Any) -> Any:
        """Return the file row number of frame row ``i``.

        Parameters
        ----------
        i : int or array-like of int
            0-based position in :attr:`frame`.

        Returns
        -------
        int or array-like of int
            ``first_data_line + i``.
        """
        return self.first_data_line + i
