"""Private helpers shared by the readers of :mod:`mot.io`.

The fixes messages name, shortened library errors, number patterns and the refusal of a file
that holds no table.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Final

from mot.errors import UnreadableFileError
from mot.messages import Message, listing

SAMPLE_BYTES: Final = 1 << 16
"""Bytes sniffed at the start of a file (format, encoding, dialect, header rows)."""

EXPORT_AGAIN: Final = Message("fix.export_again")
UNPACK: Final = Message("fix.unpack")
RESAVE: Final = Message("fix.resave")

NUMBER: Final = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?", re.ASCII)
"""A number as written in a cell, with a decimal point."""


def number_pattern(decimal: str) -> re.Pattern[str]:
    """:data:`NUMBER` with ``decimal`` as the decimal mark."""
    return re.compile(NUMBER.pattern.replace(r"\.", re.escape(decimal)), re.ASCII)


def shorten(text: str, limit: int = 160) -> str:
    """One line of at most ``limit`` characters (a library's error, for a message)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def short_listing(items: Sequence[Any], limit: int = 5) -> str:
    """The first ``limit`` items and how many more (:func:`mot.messages.listing`)."""
    return listing(items, limit)


def no_table(display: str) -> UnreadableFileError:
    """The error for a text file in which no table was found."""
    return UnreadableFileError(Message("file.no_table", name=display, fix=EXPORT_AGAIN))
