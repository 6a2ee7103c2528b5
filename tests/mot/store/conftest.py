"""Every store test runs twice: on a SQLite file and on PostgreSQL.

The PostgreSQL half needs ``MOT_TEST_DATABASE_URL`` (``tests/postgres.sh start`` prints one;
``.ci/run`` and ``make test`` start that throwaway cluster). Without it those tests are
skipped, and the skip says why. Each test gets an empty database: a SQLite file of its own,
or a PostgreSQL database per test worker whose schema is emptied before the test.
"""

from __future__ import annotations

import os

import pytest
from sqlalchemy import create_engine, text

from mot.store import Store, open_store

POSTGRES_URL = os.environ.get("MOT_TEST_DATABASE_URL")
SKIP_POSTGRES = "PostgreSQL half skipped: no MOT_TEST_DATABASE_URL (run tests/postgres.sh start)"


def _worker_database(worker: str) -> str:
    """The URL of this test worker's own PostgreSQL database, created when missing."""
    assert POSTGRES_URL is not None
    base, _, _ = POSTGRES_URL.rpartition("/")
    name = f"mot_test_{worker}".replace("-", "_")
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        known = connection.execute(
            text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}
        ).first()
        if known is None:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return f"{base}/{name}"


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path) -> str:
    """An empty database's URL, on each engine."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.sqlite3'}"
    if POSTGRES_URL is None:
        pytest.skip(SKIP_POSTGRES)
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    url = _worker_database(worker)
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return url


@pytest.fixture
def store(store_url: str):
    """The store on an empty database (closed after the test)."""
    opened: Store = open_store(store_url)
    yield opened
    opened.close()
