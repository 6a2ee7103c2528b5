"""Segments of an event log: the property columns worth splitting a metric by."""

from __future__ import annotations

import duckdb  # noqa: F401 (the examples below open DuckDB connections)

from mot.behaviour import engine
from mot.behaviour._base import (
    CORE_COLUMNS,
    DEFAULT_VIEW,
    run_sql,
)
from mot.behaviour._sql import (
    ident,
)
from mot.behaviour.engine import Connection

SEGMENT_MAX_VALUES = 12
"""Most distinct values a property may have to be offered as a segment."""


def segment_columns(
    con: Connection, view: str = DEFAULT_VIEW, *, max_values: int = SEGMENT_MAX_VALUES
) -> list[str]:
    """Property columns worth splitting by: text with 2 to ``max_values`` distinct values.

    The distinct values are counted approximately (``approx_count_distinct``, HyperLogLog) in
    one pass over the view. Column names come from the user's file, so each one enters the
    query as a quoted identifier (:func:`mot.behaviour._sql.ident`), whatever it holds.

    Parameters
    ----------
    con : duckdb.DuckDBPyConnection or pyspark.sql.SparkSession
        Connection holding the event view.
    view : str, default "events_mapped"
        The (mapped) event view.
    max_values : int, default 12
        Most distinct values of a segment column.

    Returns
    -------
    list of str
        The columns in the view's order (the standard columns and ``touchpoint`` are never
        segments); empty when there is none.

    Raises
    ------
    EventLogError
        If the view cannot be read.

    Examples
    --------
    >>> con = duckdb.connect()
    >>> _ = con.execute("CREATE VIEW events_mapped AS SELECT 'u' || i AS user_id, "
    ...     "CASE WHEN i % 2 = 0 THEN 'mobile' ELSE 'desktop' END AS device, "
    ...     "'x' || i AS page FROM range(40) r(i)")
    >>> segment_columns(con)
    ['device']
    """
    standard = {"row_number", *CORE_COLUMNS}
    text = [c for c in engine.view_text_columns(con, view) if c not in standard]
    if not text:
        return []
    counts = ", ".join(
        f"approx_count_distinct({ident(c)}) AS {ident(f'n{i}')}" for i, c in enumerate(text)
    )
    found = run_sql(con, f"SELECT {counts} FROM {ident(view)}", {})
    values = [int(v) for v in found.iloc[0]]
    return [c for c, n in zip(text, values, strict=True) if 2 <= n <= max_values]


# --- reach ----------------------------------------------------------------------------------
