"""The store's tables, as SQLAlchemy Core metadata (the migrations create them).

One row per workspace, per stored file (by content hash, shared by the datasets that hold
the same bytes), per dataset (a survey wave or an event log of a workspace), per saved
view and per corrective action. Times are UTC; JSON documents (mappings, journeys, view
parameters) are stored as text, as the files that hold them are.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
)

metadata = MetaData()


def _workspace_key() -> Column:
    """The column that ties a row to its workspace (deleted with it)."""
    return Column(
        "workspace_id",
        String(64),
        ForeignKey("workspaces.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    )


workspaces = Table(
    "workspaces",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("name", Text, nullable=False),
    Column("draft", Boolean, nullable=False),
    Column("creator", String(128), index=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("used_at", DateTime(timezone=True), nullable=False, index=True),
)

files = Table(
    "files",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("content", LargeBinary, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

datasets = Table(
    "datasets",
    metadata,
    Column("id", String(64), primary_key=True),
    _workspace_key(),
    Column("kind", String(16), nullable=False),
    Column("position", Integer, nullable=False),
    Column("file_name", Text, nullable=False),
    Column("sha256", String(64), ForeignKey("files.sha256"), nullable=False, index=True),
    Column("label", Text),
    Column("wave_date", Date),
    Column("mapping_json", Text),
    Column("journey_json", Text),
    Column("columns_json", Text),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

views = Table(
    "views",
    metadata,
    Column("id", String(64), primary_key=True),
    _workspace_key(),
    Column("name", Text, nullable=False),
    Column("params_json", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

actions = Table(
    "actions",
    metadata,
    Column("id", String(64), primary_key=True),
    _workspace_key(),
    Column("touchpoint", Text, nullable=False),
    Column("title", Text, nullable=False),
    Column("owner", Text, nullable=False),
    Column("status", String(16), nullable=False),
    Column("due", Date),
    Column("gap", String(16)),
    Column("note", Text, nullable=False),
    Column("version", Integer, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("wave", String(64)),  # the survey dataset it was decided on (0002)
)


links = Table(
    "links",
    metadata,
    Column("token", String(64), primary_key=True),
    _workspace_key(),
    Column("role", String(8), nullable=False),  # view or edit (0003)
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True)),
)


def _room_key() -> Column:
    """The column that ties a row to its room (deleted with it)."""
    return Column(
        "room_code",
        String(8),
        ForeignKey("rooms.code", ondelete="CASCADE"),
        nullable=False,
        index=True,
    )


rooms = Table(  # a live workshop room (0004)
    "rooms",
    metadata,
    Column("code", String(8), primary_key=True),
    Column(
        "workspace_id",
        String(64),
        ForeignKey("workspaces.id", ondelete="CASCADE"),
        nullable=True,  # a room on the demo has none
        index=True,
    ),
    Column("name", Text, nullable=False),
    Column("language", String(2), nullable=False),
    Column("scale_low", Integer, nullable=False),
    Column("scale_high", Integer, nullable=False),
    Column("key_hash", String(64), nullable=False),
    Column("stepwise", Boolean, nullable=False),
    Column("joining_locked", Boolean, nullable=False),
    Column("results_hidden", Boolean, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("used_at", DateTime(timezone=True), nullable=False, index=True),
    Column("ended_at", DateTime(timezone=True)),
)

room_touchpoints = Table(
    "room_touchpoints",
    metadata,
    _room_key(),
    Column("touchpoint", String(200), nullable=False),
    Column("position", Integer, nullable=False),
    Column("label_en", Text, nullable=False),
    Column("label_es", Text, nullable=False),
    Column("is_open", Boolean, nullable=False),
    PrimaryKeyConstraint("room_code", "touchpoint"),
)

participants = Table(
    "participants",
    metadata,
    Column("id", String(64), primary_key=True),
    _room_key(),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

responses = Table(
    "responses",
    metadata,
    _room_key(),
    Column(
        "participant_id",
        String(64),
        ForeignKey("participants.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("touchpoint", String(200), nullable=False),
    Column("expected", Integer),
    Column("excellent", Integer),
    Column("experienced", Integer),
    Column("emotion", Integer),
    Column("comment", Text),
    Column("comment_hidden", Boolean, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    PrimaryKeyConstraint("participant_id", "touchpoint"),
)
