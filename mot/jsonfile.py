"""Reading the product's small JSON files (mapping, journey) with messages a person can act on."""

from __future__ import annotations

import errno
import json
from pathlib import Path

from mot.errors import MotError
from mot.messages import Message

# Python's own words for a JSON syntax error, in the catalogue (others are shown as they are)
_JSON_PROBLEMS = {
    "Expecting value": "json.problem.value",
    "Expecting property name enclosed in double quotes": "json.problem.property_name",
    "Expecting ',' delimiter": "json.problem.comma",
    "Expecting ':' delimiter": "json.problem.colon",
    "Extra data": "json.problem.extra_data",
    "Unterminated string starting at": "json.problem.unterminated_string",
    "Invalid control character at": "json.problem.control_character",
    "Invalid \\escape": "json.problem.escape",
    "Illegal trailing comma before end of object": "json.problem.trailing_comma_object",
    "Illegal trailing comma before end of array": "json.problem.trailing_comma_array",
}
# the operating system's words for why a file cannot be opened, in the catalogue
_OS_PROBLEMS = {
    errno.ENOENT: "json.os.not_found",
    errno.EACCES: "json.os.permission",
    errno.EISDIR: "json.os.folder",
}


def _syntax_error(exc: json.JSONDecodeError | UnicodeDecodeError) -> object:
    """What is wrong with the text, as Python says it (a message when the catalogue has it)."""
    if not isinstance(exc, json.JSONDecodeError):
        return str(exc)
    code = _JSON_PROBLEMS.get(exc.msg)
    problem = Message(code) if code else exc.msg
    return Message("json.at", problem=problem, line=exc.lineno, column=exc.colno, char=exc.pos)


def _os_error(exc: OSError) -> object:
    """The operating system's reason (``strerror``), in the catalogue when it says the same."""
    code = _OS_PROBLEMS.get(exc.errno) if exc.errno is not None else None
    if code and Message(code) == exc.strerror:
        return Message(code)
    return exc.strerror


def parse_json(text: str | bytes, *, name: str, what: str, error: type[MotError]) -> object:
    r"""Parse JSON text (bytes may carry a UTF-8 BOM); raise ``error`` saying how to fix it.

    ``what`` is ``"mapping"`` or ``"journey"``: the file the message names.

    Examples
    --------
    >>> parse_json(b'\xef\xbb\xbf{"a": 1}', name="x.json", what="mapping", error=MotError)
    {'a': 1}
    """
    try:
        return json.loads(text.decode("utf-8-sig") if isinstance(text, bytes) else text)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        message = Message(
            "json.invalid", name=name, detail=_syntax_error(exc), what=Message(f"json.what.{what}")
        )
        raise error(message) from exc


def load_json(source: str | Path, *, what: str, error: type[MotError]) -> object:
    """Read and parse a JSON file; a missing or unreadable file raises ``error``."""
    path = Path(source)
    try:
        data = path.read_bytes()
    except OSError as exc:
        message = Message(
            "json.cannot_open",
            what=Message(f"json.file.{what}"),
            path=str(path),
            reason=_os_error(exc),
        )
        raise error(message) from exc
    return parse_json(data, name=path.name, what=what, error=error)
