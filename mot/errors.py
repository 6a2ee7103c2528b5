"""Typed errors a person can act on.

Every error the library raises on bad input is a :class:`MotError` (a ``ValueError``), with a
message that says what was expected, what was found, where (file, row, column) and what to try.
Pages catch ``MotError`` and show its message; the CLI prints it and exits 1.
"""

from __future__ import annotations


class MotError(ValueError):
    """Base class of every error the library raises on a user's input."""


class UnreadableFileError(MotError):
    """A file cannot be read at all (not a table, binary junk, empty, wrong format)."""


class FileTooLargeError(UnreadableFileError):
    """A file is larger than the size this installation reads (its memory is bounded)."""


class JourneyError(MotError):
    """A journey definition is invalid (duplicate ids, unknown moment tags, bad JSON)."""


class MappingError(MotError):
    """A column mapping is invalid (unknown column, role or measure; bad JSON)."""


class ScaleError(MotError):
    """A rating scale is unknown or a value cannot be put on it."""


class MissingMeasureError(MotError):
    """An analysis needs a measure or outcome that the dataset does not have."""


class DuplicateRatingError(MotError):
    """A respondent rated one measure twice at one touchpoint: every analysis refuses it.

    Which rating counts is the analyst's decision (the first, the last, their mean), so no
    analysis makes it silently; a survey loaded by :mod:`mot.survey` keeps the first and
    names the others in its validation report.
    """


class InsufficientDataError(MotError):
    """Too few answers for the requested estimate (a CI needs at least two)."""


class EventLogError(MotError):
    """An event log cannot be read or has no usable id, timestamp or event column."""


class ExportError(MotError):
    """A chart, table or report cannot be exported (rendering failed, or a bad table or option)."""


def first_line(exc: BaseException) -> str:
    """The first line of a library's error message (DuckDB and Spark add pages of context)."""
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


class StoreError(MotError):
    """A saved workspace cannot be stored or used (a bad name, field or setting)."""


class WorkspaceNotFoundError(StoreError):
    """No workspace has this id: never created, deleted, or purged after its retention."""


class StoreUnavailableError(StoreError):
    """The database of saved workspaces cannot be reached or set up."""


class ActionConflictError(StoreError):
    """A corrective action was saved by someone else since it was read.

    ``current`` is the stored action (None when it was deleted), to show the other change.
    """

    def __init__(self, message: str, current: object | None) -> None:
        super().__init__(message)
        self.current = current


class RoomNotFoundError(StoreError):
    """No open workshop room has this code (never opened, ended, or purged)."""


class UnknownTouchpointError(RoomNotFoundError):
    """A workshop room has no touchpoint of this id."""


class RoomFullError(StoreError):
    """A workshop room has as many participants as it takes."""


class RoomLockedError(StoreError):
    """A workshop room does not take new participants: its facilitator locked joining."""


class TouchpointClosedError(StoreError):
    """A touchpoint of a workshop room is closed: its answers can no longer change."""
