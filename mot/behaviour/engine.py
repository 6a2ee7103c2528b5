"""Run a query written in DuckDB SQL on the connection the user has: DuckDB or Spark.

The behaviour metrics (:mod:`mot.behaviour`) are written once, in DuckDB's SQL dialect,
with ``$name`` parameters, and in a portable subset of it: the same text gives the same
numbers on both engines. On a DuckDB connection a query runs as written. On a
``pyspark.sql.SparkSession`` (PySpark 4 or later, classic or Connect) it is transpiled to
Spark SQL with sqlglot, run with ``spark.sql(query, args=params)`` (Spark's own named
parameters: values are never pasted into the text) under the UTC session time zone, and
collected through Arrow into the same pandas dtypes DuckDB gives (timestamps naive UTC).

pyspark and sqlglot are imported only when a SparkSession is passed: a session is
recognised by its class name, so DuckDB users never import either.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TypeAlias

import duckdb
import pandas as pd
import pyarrow as pa

from mot.behaviour._sql import ident, spark_ident
from mot.errors import EventLogError, MotError, first_line
from mot.messages import Message

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

Connection: TypeAlias = "duckdb.DuckDBPyConnection | SparkSession"
"""What the metrics take as ``con``: a DuckDB connection or a PySpark session."""

TIME_ZONE_KEY = "spark.sql.session.timeZone"

SCHEMA_HINT = Message("engine.schema_hint")


_PATH = re.compile(r"""(?<![\w.:/\\])(?:[A-Za-z]:)?(?:[\\/][^\s"'`\\/]+)+[\\/]([^\s"'`\\/]+)""")


def hide_paths(text: str) -> str:
    """``text`` with every absolute file path shortened to the file's name.

    DuckDB names files by their full path in its messages; a user of the dashboard must see
    the name of their upload, not where the server keeps it.

    Examples
    --------
    >>> hide_paths('Could not read "/tmp/mot-event-logs/0a1b/shop.csv": bad line 3')
    'Could not read "shop.csv": bad line 3'
    >>> hide_paths("rows 1/2 on 2026/03/04")
    'rows 1/2 on 2026/03/04'
    """
    return _PATH.sub(r"\1", text)


def error_text(exc: BaseException) -> str:
    """The first line of an engine's error message, with file paths shortened to names."""
    return hide_paths(first_line(exc))


def is_spark(con: object) -> bool:
    """True when ``con`` is a PySpark ``SparkSession`` (classic or Connect).

    Told by the class's name and module, so that pyspark is never imported to find out.

    Examples
    --------
    >>> is_spark(duckdb.connect())
    False
    """
    cls = type(con)
    return cls.__name__ == "SparkSession" and cls.__module__.startswith("pyspark.")


def check_connection(con: object) -> None:
    """Raise :class:`EventLogError` unless ``con`` is a DuckDB connection or a SparkSession."""
    if isinstance(con, duckdb.DuckDBPyConnection) or is_spark(con):
        return
    message = Message("engine.not_a_connection", kind=type(con).__name__)
    raise EventLogError(message)


def view_columns(con: Connection, view: str) -> list[str]:
    """Column names of ``view``, or :class:`EventLogError` when it cannot be read.

    Parameters
    ----------
    con : duckdb.DuckDBPyConnection or pyspark.sql.SparkSession
        Where the view lives.
    view : str
        The view's name (one identifier, quoted as such).

    Returns
    -------
    list of str
        The columns in the view's order.
    """
    return [name for name, _ in _described(con, view)]


def view_text_columns(con: Connection, view: str) -> list[str]:
    """Names of the text (VARCHAR / string) columns of ``view``, in the view's order.

    Parameters
    ----------
    con : duckdb.DuckDBPyConnection or pyspark.sql.SparkSession
        Where the view lives.
    view : str
        The view's name (one identifier, quoted as such).

    Returns
    -------
    list of str
        The text columns.

    Raises
    ------
    EventLogError
        If the view cannot be read.
    """
    return [name for name, text in _described(con, view) if text]


def _described(con: Connection, view: str) -> list[tuple[str, bool]]:
    """The view's columns in order, each with whether it holds text."""
    check_connection(con)
    if is_spark(con):
        from pyspark.errors import PySparkException

        try:
            fields = con.table(spark_ident(view)).dtypes
        except PySparkException as exc:
            raise _missing_view(view, "spark", exc) from exc
        return [(name, kind == "string") for name, kind in fields]
    try:
        described = con.execute(f"DESCRIBE {ident(view)}").fetchall()
    except duckdb.Error as exc:
        raise _missing_view(view, "duckdb", exc) from exc
    return [(row[0], row[1] == "VARCHAR") for row in described]


def _missing_view(view: str, where: str, exc: Exception) -> EventLogError:
    message = Message(
        "engine.no_view", view=view, where=Message(f"engine.on.{where}"), error=error_text(exc)
    )
    return EventLogError(message)


def run(con: Connection, sql: str, params: dict[str, object]) -> pd.DataFrame:
    """Run ``sql`` (DuckDB dialect, ``$name`` parameters) and return the small result.

    Parameters
    ----------
    con : duckdb.DuckDBPyConnection or pyspark.sql.SparkSession
        The engine that runs the query.
    sql : str
        One query in DuckDB's dialect.
    params : dict
        Values of the ``$name`` parameters (str, int, bool or datetime.timedelta).

    Returns
    -------
    DataFrame
        The result, with DuckDB's pandas dtypes on either engine.

    Raises
    ------
    EventLogError
        If the engine rejects the query (usually a missing or mistyped column).
    MotError
        If the query cannot be written in Spark SQL.

    Examples
    --------
    >>> run(duckdb.connect(), "SELECT CAST($x AS VARCHAR) AS x", {"x": "a"})
       x
    0  a
    """
    check_connection(con)
    if is_spark(con):
        return _run_spark(con, sql, params)
    try:
        return con.execute(sql, params).df()
    except duckdb.Error as exc:
        message = Message("engine.failed_duckdb", error=hide_paths(str(exc)), hint=SCHEMA_HINT)
        raise EventLogError(message) from exc


@contextmanager
def registered(con: Connection, name: str, frame: pd.DataFrame) -> Iterator[None]:
    """Make ``frame`` readable as the table ``name`` for the duration of the block.

    On Spark the frame goes through Arrow into a temporary view, dropped afterwards.
    """
    check_connection(con)
    if not is_spark(con):
        con.register(name, frame)
        try:
            yield
        finally:
            con.unregister(name)
        return
    table = pa.Table.from_pandas(frame, preserve_index=False)
    con.createDataFrame(table).createOrReplaceTempView(name)
    try:
        yield
    finally:
        con.catalog.dropTempView(name)


# --- Spark ----------------------------------------------------------------------------------


@functools.lru_cache(maxsize=256)
def spark_sql(sql: str) -> str:
    """The Spark SQL of a DuckDB query (parameters become Spark's ``:name`` markers).

    Examples
    --------
    >>> spark_sql("SELECT quantile_cont(x, 0.5) FROM t WHERE y = $y")
    'SELECT PERCENTILE(x, 0.5) FROM t WHERE y = :y'
    """
    import sqlglot
    from sqlglot import exp

    def exact_percentile(node: exp.Expression) -> exp.Expression:
        # sqlglot writes DuckDB's quantile_cont(x, q) as percentile_cont(x, q), which Spark
        # rejects (its percentile_cont takes WITHIN GROUP). Spark's percentile(x, q) is the
        # same exact quantile with linear interpolation.
        if isinstance(node, exp.PercentileCont) and node.expression is not None:
            return exp.Anonymous(this="PERCENTILE", expressions=[node.this, node.expression])
        return node

    try:
        tree = sqlglot.parse_one(sql, read="duckdb").transform(exact_percentile)
        return tree.sql(dialect="spark", unsupported_level=sqlglot.ErrorLevel.RAISE)
    except sqlglot.errors.SqlglotError as exc:
        message = Message("engine.untranslatable", error=str(exc))
        raise MotError(message) from exc


def _run_spark(spark: SparkSession, sql: str, params: dict[str, object]) -> pd.DataFrame:
    import pyspark
    from pyspark.errors import PySparkException

    if int(pyspark.__version__.split(".")[0]) < 4:
        message = Message("engine.old_pyspark", version=pyspark.__version__)
        raise MotError(message)
    query = spark_sql(sql)
    try:
        with _utc(spark):
            table = spark.sql(query, args=params).toArrow()
    except PySparkException as exc:
        message = Message("engine.failed_spark", error=error_text(exc), hint=SCHEMA_HINT)
        raise EventLogError(message) from exc
    return _to_pandas(table)


@contextmanager
def _utc(spark: SparkSession) -> Iterator[None]:
    """Run the block under the UTC session time zone, then put the user's setting back.

    The metrics define days, weeks and months in UTC (the view's ``ts`` is UTC). Spark's
    ``date_trunc``, ``sequence`` and the collection of timestamps use the session time zone.
    """
    previous = spark.conf.get(TIME_ZONE_KEY)
    if previous == "UTC":
        yield
        return
    spark.conf.set(TIME_ZONE_KEY, "UTC")
    try:
        yield
    finally:
        spark.conf.set(TIME_ZONE_KEY, previous)


def _to_pandas(table: pa.Table) -> pd.DataFrame:
    """The Arrow result as DuckDB would return it: naive UTC timestamps, DuckDB's dtypes."""
    fields = [
        pa.field(f.name, pa.timestamp(f.type.unit))
        if pa.types.is_timestamp(f.type) and f.type.tz is not None
        else f
        for f in table.schema
    ]
    # Dropping the zone keeps the stored UTC instant, shown as UTC wall time.
    table = table.cast(pa.schema(fields))
    with duckdb.connect() as local:
        return local.from_arrow(table).df()
