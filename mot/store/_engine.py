"""Engines, transactions and migrations of the store (private to :mod:`mot.store`).

SQLite (the default, a file in the data folder) runs in WAL mode with a busy timeout, and
every write transaction starts with ``BEGIN IMMEDIATE``: it takes the write lock at once, so
two writers queue instead of failing half-way. PostgreSQL (``MOT_DATABASE_URL``) uses its
own transactions; migrations hold an advisory lock there, so replicas starting together
migrate once.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError

SCHEMA_REVISION = "0004"
"""The newest migration's revision (a test checks it against the migrations' head)."""

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
LARGE_FILE = 2**20
"""A larger file is saved on a connection of its own (``large``, see :func:`reading`)."""
BUSY_TIMEOUT_MS = 10_000
"""How long a SQLite connection waits for another's write lock before it gives up."""

_MIGRATION_LOCK = 0x6D6F7473  # "mots": the advisory lock key of the migrations on PostgreSQL


def make_engine(url: str) -> Engine:
    """An engine for ``url``, set up for the store (SQLite pragmas, pool checks)."""
    if url.startswith("sqlite"):
        # No cache of prepared statements: a cached statement keeps its last bound values,
        # and a file's bytes would stay in memory beside the survey read from them.
        arguments = {"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000}
        engine = create_engine(url, connect_args={**arguments, "cached_statements": 0})
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _sqlite_connect(dbapi_connection: object, _record: object) -> None:
    # The driver's own transaction handling is turned off: the "begin" listener starts each
    # transaction, as a write (IMMEDIATE) or a read (deferred).
    dbapi_connection.isolation_level = None  # type: ignore[attr-defined]
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    for pragma in (
        "journal_mode = WAL",
        f"busy_timeout = {BUSY_TIMEOUT_MS}",
        "foreign_keys = ON",
        "synchronous = NORMAL",  # with WAL: a killed process never leaves a broken database
    ):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    write = connection.get_execution_options().get("mot_write", False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


@contextmanager
def writing(engine: Engine, *, large: bool = False) -> Iterator[Connection]:
    """A write transaction: committed when the block ends, rolled back if it raises.

    ``large``: it carries a file's bytes; see :func:`reading`.
    """
    with engine.connect().execution_options(mot_write=True) as connection:
        with connection.begin():
            yield connection
        _let_go(connection, large)


@contextmanager
def reading(engine: Engine, *, large: bool = False) -> Iterator[Connection]:
    """A read transaction (one consistent snapshot).

    ``large``: it carries a file's bytes. On PostgreSQL the connection is then closed
    instead of going back to the pool: libpq keeps its buffers as large as the largest
    message they held, a copy of the file for as long as the connection lives. SQLite's
    connection stays (an in-memory database lives in it) and hands back its page cache,
    full of the file's pages.
    """
    with engine.connect() as connection:
        with connection.begin():
            yield connection
        _let_go(connection, large)


def _let_go(connection: Connection, large: bool) -> None:
    if not large:
        return
    if connection.dialect.name == "postgresql":
        connection.invalidate()
    elif connection.dialect.name == "sqlite":
        connection.exec_driver_sql("PRAGMA shrink_memory")


def migrate(engine: Engine) -> None:
    """Bring the database to :data:`SCHEMA_REVISION` (nothing to do when it is there)."""
    if _revision(engine) == SCHEMA_REVISION:
        return
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with writing(engine) as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def _revision(engine: Engine) -> str | None:
    """The database's migration revision, or None when it has none yet."""
    try:
        with reading(engine) as connection:
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DBAPIError:
        return None
