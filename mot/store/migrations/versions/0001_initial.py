"""The first schema: workspaces, files, datasets, views, actions.

Revision ID: 0001
Revises:
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _workspace_key() -> sa.Column:
    return sa.Column(
        "workspace_id",
        sa.String(64),
        sa.ForeignKey("workspaces.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    )


def upgrade() -> None:
    """Create the five tables."""
    stamp = sa.DateTime(timezone=True)
    op.create_table(
        "workspaces",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("draft", sa.Boolean, nullable=False),
        sa.Column("creator", sa.String(128), index=True),
        sa.Column("created_at", stamp, nullable=False),
        sa.Column("updated_at", stamp, nullable=False),
        sa.Column("used_at", stamp, nullable=False, index=True),
    )
    op.create_table(
        "files",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("content", sa.LargeBinary, nullable=False),
        sa.Column("created_at", stamp, nullable=False),
    )
    op.create_table(
        "datasets",
        sa.Column("id", sa.String(64), primary_key=True),
        _workspace_key(),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("file_name", sa.Text, nullable=False),
        sa.Column(
            "sha256", sa.String(64), sa.ForeignKey("files.sha256"), nullable=False, index=True
        ),
        sa.Column("label", sa.Text),
        sa.Column("wave_date", sa.Date),
        sa.Column("mapping_json", sa.Text),
        sa.Column("journey_json", sa.Text),
        sa.Column("columns_json", sa.Text),
        sa.Column("created_at", stamp, nullable=False),
    )
    op.create_table(
        "views",
        sa.Column("id", sa.String(64), primary_key=True),
        _workspace_key(),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("params_json", sa.Text, nullable=False),
        sa.Column("created_at", stamp, nullable=False),
    )
    op.create_table(
        "actions",
        sa.Column("id", sa.String(64), primary_key=True),
        _workspace_key(),
        sa.Column("touchpoint", sa.Text, nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("owner", sa.Text, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("due", sa.Date),
        sa.Column("gap", sa.String(16)),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("updated_at", stamp, nullable=False),
    )


def downgrade() -> None:
    """Drop them."""
    for table in ("actions", "views", "datasets", "files", "workspaces"):
        op.drop_table(table)
