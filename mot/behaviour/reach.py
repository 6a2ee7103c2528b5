"""Touchpoint reach: the users, sessions and events that reach each touchpoint."""

from __future__ import annotations

from collections.abc import Sequence

import duckdb  # noqa: F401 (the examples below open DuckDB connections)
import pandas as pd

from mot.behaviour._base import (
    DEFAULT_VIEW,
    REACH_BITS,
    reach_table,
    run_sql,
    validate_names,
    validate_view,
)
from mot.behaviour._sql import (
    ident,
    named_params,
    reach_ctes,
    reach_rows,
    reach_source,
)
from mot.behaviour.engine import Connection
from mot.messages import Message


def touchpoint_reach(
    con: Connection,
    view: str = DEFAULT_VIEW,
    *,
    touchpoints: Sequence[str],
    by: str | None = None,
) -> pd.DataFrame:
    """Users, sessions and events that reach each touchpoint.

    ``users`` counts the distinct users with an event of the touchpoint, ``sessions`` the
    distinct sessions with one (pairs ``(user_id, session_id)``: see the module docstring)
    and ``events`` the events.

    Parameters
    ----------
    con : duckdb.DuckDBPyConnection or pyspark.sql.SparkSession
        Connection holding the event view.
    view : str, default "events_mapped"
        The mapped event view (see the module docstring).
    touchpoints : sequence of str
        Touchpoint ids in journey order; touchpoints without events get zero rows.
    by : str, optional
        A property column; each event counts in the group of its own value. Events with a
        missing value are left out and counted in ``attrs["n_missing_segment"]``.

    Returns
    -------
    DataFrame
        ``[by], touchpoint, position`` (1-based journey order), ``users``, ``sessions``,
        ``events``; sorted by ``by`` then ``position``.

    Raises
    ------
    EventLogError
        If the view or a column is missing.
    MotError
        If ``touchpoints`` is empty.

    Notes
    -----
    One pass over the events (on DuckDB): each session gets the set of touchpoints it
    reached (a bit per touchpoint, OR-ed), each user the union of their sessions' sets, and
    the counts are read off the bits. That costs two hash aggregations, the second over
    sessions, where ``COUNT(DISTINCT)`` would cost one over every event per distinct count.
    A BIGINT holds 62 touchpoints; longer journeys are counted 62 touchpoints at a time.

    Examples
    --------
    >>> con = duckdb.connect()
    >>> _ = con.execute("CREATE VIEW events_mapped AS SELECT * FROM (VALUES "
    ...     "('a', 's1', TIMESTAMP '2026-01-01 10:00', 'landing', 'FMOT'),"
    ...     "('a', 's1', TIMESTAMP '2026-01-01 10:01', 'product_view', 'FMOT'),"
    ...     "('b', 's2', TIMESTAMP '2026-01-01 11:00', 'landing', 'FMOT')) "
    ...     "t(user_id, session_id, ts, event, touchpoint)")
    >>> touchpoint_reach(con, touchpoints=["FMOT", "SMOT"])
      touchpoint  position  users  sessions  events
    0       FMOT         1      2         2       3
    1       SMOT         2      0         0       0
    """
    touchpoints = validate_names(touchpoints, what=Message("behaviour.what.touchpoints"))
    validate_view(con, view, by=by)
    segment = f"CAST({ident(by)} AS VARCHAR)" if by else None  # text on both engines
    queried = list(dict.fromkeys(touchpoints))  # a touchpoint given twice is counted once
    parts = []
    for first in range(0, len(queried), REACH_BITS):
        chunk = queried[first : first + REACH_BITS]
        sql = f"WITH {reach_source(view, len(chunk), segment)}, {reach_ctes(segment)} "
        out = run_sql(con, sql + reach_rows(segment), named_params("t", chunk))
        out["position"] = out["position"] + first
        parts.append(out)
    return reach_table(pd.concat(parts, ignore_index=True), queried, touchpoints, by)
