"""Read a survey or data file into a :class:`RawTable`.

One entry point, :func:`read_table`, takes a path, the bytes of an upload or a binary file
object and works out what the file is from its content (the file name only breaks ties):

* delimited text (CSV, ``;``, tab or ``|``) in UTF-8 (with or without BOM), UTF-16 or a legacy
  single-byte encoding such as Windows-1252, with any line endings, decimal commas and
  ragged rows;
* the header layouts of survey tools: Qualtrics (three header rows, or the legacy two),
  SurveyMonkey (question row plus answer-option row);
* Excel ``.xlsx``, Parquet, SPSS ``.sav``/``.zsav`` and JSON (records or JSON lines).

Anything that is not a table raises :class:`~mot.errors.UnreadableFileError` with a message
that says what the file seems to be and what to do; no other exception escapes for any input.

CSV files: the dialect (encoding, delimiter, decimal mark, header rows) is sniffed on the
first 64 KB, then pyarrow's streaming CSV reader (``pyarrow.csv.open_csv``) reads the data
rows and infers their types; each record batch goes into numpy or Arrow chunks as it comes
(one pass, peak memory near the frame's size). A later value that does not fit its column's
type widens that column and the file is streamed again; rows with too many or too few
fields are handed over by pyarrow with their row number and put back in place, padded; a row
longer than pyarrow's 1 MB block (a long text cell) is read with 16 MB blocks; bytes that are
not in the detected encoding make the file be read in one that decodes it whole.

Nothing is lost or changed without a word: what reading changes or cannot take is listed in
:attr:`RawTable.issues` as validation entries with row and column, and
:func:`mot.survey.build_survey` puts them in its report. A text cell over
:data:`MAX_CELL_CHARS` characters is emptied (the rest of its row is kept); a repeated column
name is kept as ``Q1.1``; Excel formulas without a saved result read as empty; nested Parquet
and JSON values become ``col.field`` columns (records) or are left out (lists, maps).

Modules, one concern each: :mod:`~mot.io.reader` (the entry point and the format dispatch),
:mod:`~mot.io.sources` (paths, uploads, size limits, magic bytes), :mod:`~mot.io.encoding`,
:mod:`~mot.io.headers` (survey-tool header rows), :mod:`~mot.io.csv` (dialect) and
:mod:`~mot.io.csv_rows` (pyarrow reads the rows), :mod:`~mot.io.excel`,
:mod:`~mot.io.parquet`, :mod:`~mot.io.spss`, :mod:`~mot.io.json`, :mod:`~mot.io.cells` (long
cells, empty cells), :mod:`~mot.io.compact` (compact dtypes, memory) and
:mod:`~mot.io.table` (:class:`RawTable`).
"""

from mot.io.cells import MAX_CELL_CHARS
from mot.io.compact import COMPACTED, map_large_allocations, release_memory, restored
from mot.io.reader import read_table
from mot.io.sources import (
    DEFAULT_MAX_FILE_MB,
    MEMORY_PER_FILE_BYTE,
    UNPACKED_PER_FILE_BYTE,
    max_file_bytes,
)
from mot.io.table import SOURCE_FORMATS, RawTable

__all__ = [
    "COMPACTED",
    "DEFAULT_MAX_FILE_MB",
    "MAX_CELL_CHARS",
    "MEMORY_PER_FILE_BYTE",
    "SOURCE_FORMATS",
    "UNPACKED_PER_FILE_BYTE",
    "RawTable",
    "map_large_allocations",
    "max_file_bytes",
    "read_table",
    "release_memory",
    "restored",
]
