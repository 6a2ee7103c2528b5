"""Reading the product's small JSON files (mapping, journey) with messages a person can act on."""

from __future__ import annotations

import json
from pathlib import Path

from mot.errors import MotError


def parse_json(text: str | bytes, *, name: str, what: str, error: type[MotError]) -> object:
    r"""Parse JSON text (bytes may carry a UTF-8 BOM); raise ``error`` saying how to fix it.

    Examples
    --------
    >>> parse_json(b'\xef\xbb\xbf{"a": 1}', name="x.json", what="mapping", error=MotError)
    {'a': 1}
    """
    try:
        return json.loads(text.decode("utf-8-sig") if isinstance(text, bytes) else text)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        message = (
            f"`{name}` is not valid JSON ({exc}). Check its syntax, or download the {what} "
            "from the Data page and edit that file."
        )
        raise error(message) from exc


def load_json(source: str | Path, *, what: str, error: type[MotError]) -> object:
    """Read and parse a JSON file; a missing or unreadable file raises ``error``."""
    path = Path(source)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise error(f"Cannot open the {what} file `{path}`: {exc.strerror}.") from exc
    return parse_json(data, name=path.name, what=what, error=error)
