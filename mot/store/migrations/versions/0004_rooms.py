"""Live workshop rooms: their touchpoints, participants and answers.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _room_key() -> sa.Column:
    return sa.Column(
        "room_code",
        sa.String(8),
        sa.ForeignKey("rooms.code", ondelete="CASCADE"),
        nullable=False,
        index=True,
    )


def upgrade() -> None:
    """Create ``rooms``, ``room_touchpoints``, ``participants`` and ``responses``."""
    op.create_table(
        "rooms",
        sa.Column("code", sa.String(8), primary_key=True),
        sa.Column(
            "workspace_id",
            sa.String(64),
            sa.ForeignKey("workspaces.id", ondelete="CASCADE"),
            nullable=True,
            index=True,
        ),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("language", sa.String(2), nullable=False),
        sa.Column("scale_low", sa.Integer, nullable=False),
        sa.Column("scale_high", sa.Integer, nullable=False),
        sa.Column("key_hash", sa.String(64), nullable=False),
        sa.Column("stepwise", sa.Boolean, nullable=False),
        sa.Column("joining_locked", sa.Boolean, nullable=False),
        sa.Column("results_hidden", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=False, index=True),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_table(
        "room_touchpoints",
        _room_key(),
        sa.Column("touchpoint", sa.String(200), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("label_en", sa.Text, nullable=False),
        sa.Column("label_es", sa.Text, nullable=False),
        sa.Column("is_open", sa.Boolean, nullable=False),
        sa.PrimaryKeyConstraint("room_code", "touchpoint"),
    )
    op.create_table(
        "participants",
        sa.Column("id", sa.String(64), primary_key=True),
        _room_key(),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "responses",
        _room_key(),
        sa.Column(
            "participant_id",
            sa.String(64),
            sa.ForeignKey("participants.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("touchpoint", sa.String(200), nullable=False),
        sa.Column("expected", sa.Integer, nullable=True),
        sa.Column("excellent", sa.Integer, nullable=True),
        sa.Column("experienced", sa.Integer, nullable=True),
        sa.Column("emotion", sa.Integer, nullable=True),
        sa.Column("comment", sa.Text, nullable=True),
        sa.Column("comment_hidden", sa.Boolean, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("participant_id", "touchpoint"),
    )


def downgrade() -> None:
    """Drop the rooms' tables."""
    for table in ("responses", "participants", "room_touchpoints", "rooms"):
        op.drop_table(table)
