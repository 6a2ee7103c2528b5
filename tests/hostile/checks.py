"""What every answer to a hostile file must respect, whoever shows it (CLI or page)."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from tests.conftest import ROOT
from tests.hostile.corpus import PASSWD_MARKERS

# A markdown link or image to the payloads' host, outside code spans: escaped text
# (``!\[x\]\(http://host/pixel\)``) does not match.
_LIVE_LINK = re.compile(r"\[[^\]\n]*\]\(\s*https?://host")
_CODE_SPAN = re.compile(r"`[^`]*`")


def server_paths(corpus: Path) -> tuple[str, ...]:
    """Substrings that would reveal where files sit on the server."""
    return (
        str(corpus),
        str(corpus.resolve()),
        tempfile.gettempdir().rstrip("/") + "/",
        "mot-event-logs",
        "/work/",
        str(ROOT),
        "site-packages",
    )


def leaks(text: str, corpus: Path) -> list[str]:
    """Everything in ``text`` that a user must never see: tracebacks, paths, passwd lines."""
    found = [marker for marker in ("Traceback (most recent call last)",) if marker in text]
    found += [path for path in server_paths(corpus) if path in text]
    found += [marker for marker in PASSWD_MARKERS if marker in text]
    return found


def live_markup(text: str) -> list[str]:
    """Markdown links or images to the payloads' host that would render as such."""
    return _LIVE_LINK.findall(_CODE_SPAN.sub("", text))
