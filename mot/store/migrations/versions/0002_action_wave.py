"""Actions remember the wave (survey dataset) they were decided on, for their before/after.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add ``actions.wave`` (nullable: actions saved before it have none)."""
    with op.batch_alter_table("actions") as batch:
        batch.add_column(sa.Column("wave", sa.String(64), nullable=True))


def downgrade() -> None:
    """Drop ``actions.wave``."""
    with op.batch_alter_table("actions") as batch:
        batch.drop_column("wave")
