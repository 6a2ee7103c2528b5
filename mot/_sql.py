"""Quoting for the SQL the library writes: the one place names and texts enter a query.

Every column, view or table name that reaches a query text goes through :func:`ident`, and
every text that cannot be a bound parameter (a file path inside ``read_csv([...])``, a date
format of a DuckDB table function) through :func:`literal`. Values a query compares with go
as bound parameters (``$name``), never into the text. The module is private to the library
(``mot._sql``); its names are public so that every module may import them.
"""

from __future__ import annotations

from mot.errors import MotError
from mot.messages import Message

__all__ = ["ident", "literal", "spark_ident"]


def ident(name: object) -> str:
    """A SQL identifier in double quotes, embedded double quotes doubled.

    Whatever the name holds (quotes, semicolons, ``--``, newlines, a whole query) stays
    one identifier: DuckDB and Spark (through sqlglot) read it as a name, never as SQL.

    Parameters
    ----------
    name : object
        The name (converted with ``str``).

    Returns
    -------
    str
        The quoted identifier.

    Raises
    ------
    MotError
        If the name holds a NUL character (no SQL engine accepts one in a name).

    Examples
    --------
    >>> ident('device") + 1 --')
    '"device"") + 1 --"'
    """
    return _quoted(name, '"', "sql.fix.rename_column")


def literal(text: object) -> str:
    """A SQL string literal in single quotes, embedded single quotes doubled.

    Parameters
    ----------
    text : object
        The text (converted with ``str``).

    Returns
    -------
    str
        The quoted literal.

    Raises
    ------
    MotError
        If the text holds a NUL character.

    Examples
    --------
    >>> literal("it's; DROP TABLE x --")
    "'it''s; DROP TABLE x --'"
    """
    return _quoted(text, "'", "sql.fix.remove")


def spark_ident(name: object) -> str:
    """A Spark SQL identifier in backticks, embedded backticks doubled (for ``table()``).

    Queries themselves are written in DuckDB's dialect with :func:`ident` and transpiled;
    this is for the few Spark calls that take a name directly.

    Parameters
    ----------
    name : object
        The name (converted with ``str``).

    Returns
    -------
    str
        The quoted identifier.

    Raises
    ------
    MotError
        If the name holds a NUL character.

    Examples
    --------
    >>> spark_ident("events`; DROP")
    '`events``; DROP`'
    """
    return _quoted(name, "`", "sql.fix.rename")


def _quoted(value: object, quote: str, fix: str) -> str:
    """``value`` as text between ``quote`` marks, each one inside doubled; NUL refused.

    ``fix`` is the code of the catalogue's text saying what to do with such a text.
    """
    text = str(value)
    if "\x00" in text:
        message = Message("sql.nul", text=text, fix=Message(fix))
        raise MotError(message)
    return quote + text.replace(quote, quote * 2) + quote
