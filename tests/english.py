"""Finding English catalogue sentences in a Spanish output (pages and the command line)."""

from __future__ import annotations

import re
import string

MIN_WORDS = 4
_WORD = re.compile(r"[A-Za-z]+")
_MARKUP = re.compile(r"\\|\*\*|`|[«»“”\"']")


def plain(text: str) -> str:
    """Text as read: Markdown escapes, bold, code marks and quotes dropped, spaces collapsed,
    case folded."""
    return " ".join(_MARKUP.sub(" ", text).split()).casefold()


def fragments(english: str, spanish: str) -> list[str]:
    """The runs of MIN_WORDS or more words of ``english`` between placeholders and lines,
    except those the Spanish text also has."""
    same = plain(spanish)
    found = []
    for literal, *_ in string.Formatter().parse(english):
        for line in literal.splitlines():
            words = plain(line).strip(" .,:;()-–·")
            if len(_WORD.findall(words)) >= MIN_WORDS and words not in same:
                found.append(words)
    return found
