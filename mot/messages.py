"""The library's words in English and Spanish: validation entries, reading details, bad rows.

``mot/`` never imports the interface, so what the library tells a user carries a **code and
parameters**, and this catalogue renders it in either language:

- :data:`ENTRIES`: code → ``(problem EN, problem ES, fix EN, fix ES)`` of a validation entry
  (:class:`mot.validation.ReportEntry`). A summary entry ("20 more cells like this…") has
  the code of its entries plus ``.more``.
- :data:`TEXTS`: code → ``(EN, ES)`` of everything else: the details of how a file was read
  (``RawTable.notes``), the event log's notes and bad-row problems, and the phrases placed
  inside other texts (a scale's evidence, "… and 3 more").

Templates use ``{placeholders}`` (:meth:`str.format` syntax). A parameter that is itself a
:class:`Message` is rendered in the same language; in Spanish a number is written with a
decimal comma and a thousands point (``1.048.576``, ``7,5``). Parameters that come from a
user's file (column names, cell values, sheet titles) are inserted as they are: whoever shows
the text escapes it (the app through ``ui.widgets.md_message``, the HTML report through its
own escaping).

A :class:`Message` *is* its English text (a ``str``), so code that compares or searches
English texts keeps working; :meth:`Message.render` gives it in another language.
"""

from __future__ import annotations

import numbers
import string
from collections.abc import Mapping, Sequence
from typing import Any

from mot._catalogue_analyses import ANALYSES
from mot._catalogue_deck import DECK
from mot._catalogue_entries import ENTRIES
from mot._catalogue_errors import ERRORS
from mot._catalogue_reading import READING
from mot._catalogue_rooms import ROOMS
from mot._catalogue_store import STORE
from mot._catalogue_waves import WAVES

LANGUAGES: tuple[str, ...] = ("en", "es")

# ENTRIES (code → problem EN, problem ES, fix EN, fix ES of a validation entry, with the
# ".more" summaries) and the parts of TEXTS live in mot/_catalogue_*.py, one family each.

TEXTS: dict[str, tuple[str, str]] = {
    **READING,
    **ANALYSES,
    **ERRORS,
    **STORE,
    **WAVES,
    **ROOMS,
    **DECK,
}
"""code → (EN, ES) of every other text: the catalogue's parts joined, in their order."""


# --- rendering ------------------------------------------------------------------------------


def _check_language(language: str) -> None:
    if language not in LANGUAGES:
        raise KeyError(f"Unknown language {language!r}; use one of {', '.join(LANGUAGES)}.")


class _Formatter(string.Formatter):
    """``str.format`` that renders nested messages and writes numbers as the language does."""

    def __init__(self, language: str) -> None:
        super().__init__()
        self.language = language

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, Message | Joined):
            return format(value.render(self.language), format_spec)
        text = format(value, format_spec)
        if (
            self.language == "es"
            and isinstance(value, numbers.Real)
            and not isinstance(value, bool)
        ):
            text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
        return text


def fill(template: str, params: Mapping[str, Any], language: str = "en") -> str:
    """``template`` with its placeholders filled in ``language`` (see the module's notes)."""
    _check_language(language)
    return _Formatter(language).vformat(template, (), dict(params))


def text(code: str, language: str = "en", /, **params: Any) -> str:
    """The text ``code`` of :data:`TEXTS` in ``language`` with ``params`` filled in.

    Raises
    ------
    KeyError
        If ``code`` is not in :data:`TEXTS` or ``language`` is not ``en`` or ``es``.

    Examples
    --------
    >>> text("note.trimmed", "es", n=2)
    '2 filas vacías al final del archivo ignoradas'
    """
    _check_language(language)
    if code not in TEXTS:
        raise KeyError(f"No text {code!r} in mot.messages.TEXTS.")
    return fill(TEXTS[code][LANGUAGES.index(language)], params, language)


def entry_texts(code: str, params: Mapping[str, Any], language: str = "en") -> tuple[str, str]:
    """Problem and fix of the validation entry ``code`` in ``language``.

    Raises
    ------
    KeyError
        If ``code`` is not in :data:`ENTRIES` or ``language`` is not ``en`` or ``es``.

    Examples
    --------
    >>> entry_texts("cell.too_long", {"n": 2000000, "limit": 1048576}, "es")[0][:35]
    'La celda tiene 2.000.000 caracteres'
    """
    _check_language(language)
    if code not in ENTRIES:
        raise KeyError(f"No validation entry {code!r} in mot.messages.ENTRIES.")
    texts = ENTRIES[code]
    at = LANGUAGES.index(language)
    return fill(texts[at], params, language), fill(texts[2 + at], params, language)


class Message(str):
    """A text of :data:`TEXTS` with its parameters: the English text, renderable in Spanish.

    It is a ``str`` (the English rendering, which is also its ``repr``), so it can go wherever
    a text went before; the code and parameters travel with it.

    Examples
    --------
    >>> note = Message("note.encoding", encoding="cp1252")
    >>> note == "encoding cp1252", note.render("es")
    (True, 'codificación cp1252')
    """

    code: str
    params: dict[str, Any]

    def __new__(cls, code: str, /, **params: Any) -> Message:  # noqa: D102 (documented on the class)
        self = super().__new__(cls, text(code, "en", **params))
        self.code = code
        self.params = params
        return self

    def render(self, language: str = "en") -> str:
        """The text in ``language`` (``en`` or ``es``)."""
        return text(self.code, language, **self.params)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_restore, (self.code, self.params))


def _restore(code: str, params: dict[str, Any]) -> Message:
    return Message(code, **params)


class Joined(str):
    """Texts joined by a separator, each (and the separator) rendered in the language around it.

    A list inside a message whose items are messages themselves (the reasons a log has no
    usable row) or whose separator is a word ("and").

    Examples
    --------
    >>> both = Joined([Message("language.en"), Message("language.es")], Message("word.and"))
    >>> both, both.render("es")
    ('English and Spanish', 'inglés y español')
    """

    items: tuple[Any, ...]
    separator: Any

    def __new__(cls, items: Sequence[Any], separator: Any = ", ") -> Joined:  # noqa: D102
        items = tuple(items)
        self = super().__new__(cls, str(separator).join(str(item) for item in items))
        self.items = items
        self.separator = separator
        return self

    def render(self, language: str = "en") -> str:
        """The items and the separator in ``language``."""
        return render(self.separator, language).join(render(i, language) for i in self.items)

    def __reduce__(self) -> tuple[Any, ...]:
        return (Joined, (self.items, self.separator))


def message_of(exc: BaseException) -> object:
    """What ``exc`` says: its :class:`Message` when it carries one, else its text.

    To put an error inside another message (``Message("mapping.column_error", error=...)``)
    so that it renders in the language of the text around it.
    """
    if exc.args and isinstance(exc.args[0], Message | Joined):
        return exc.args[0]
    return str(exc)


def render(value: object, language: str = "en") -> str:
    """Any text in ``language``: a :class:`Message` rendered, anything else as ``str``.

    An exception whose message is a :class:`Message` is rendered too.
    """
    if isinstance(value, BaseException):
        value = message_of(value)
    if isinstance(value, Message | Joined):
        return value.render(language)
    return str(value)


def listing(items: Sequence[Any], limit: int = 5) -> str:
    """The first ``limit`` items joined by commas, then "and N more" (a :class:`Message`).

    Examples
    --------
    >>> listing([1, 2, 3], limit=2), listing([1, 2, 3], limit=2).render("es")
    ('1, 2 and 1 more', '1, 2 y 1 más')
    """
    shown = ", ".join(str(item) for item in items[:limit])
    if len(items) <= limit:
        return shown
    return Message("list.more", items=shown, n=len(items) - limit)
