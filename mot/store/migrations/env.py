"""Alembic's environment for the store: migrations run on the connection the store hands over.

The store runs them itself when it opens (``mot.store.open_store``), inside one transaction
that holds the database's write lock (SQLite: ``BEGIN IMMEDIATE``; PostgreSQL: an advisory
lock), so two servers starting together migrate once. ``alembic`` on the command line is for
writing a new revision: ``alembic -c mot/store/migrations/alembic.ini revision -m "..."``.
"""

from __future__ import annotations

from alembic import context

from mot.store._tables import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover (the store always passes its connection)
    raise RuntimeError("run the store's migrations through mot.store.open_store")
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
context.run_migrations()
