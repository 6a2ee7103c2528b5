"""Text folding for matching names and labels (private: shared by several modules).

Survey exports and event logs write the same word with or without accents, in any case and
with any spacing ("Emoción", "EMOCION ", "emocion"): names and labels are compared folded.
"""

from __future__ import annotations

import re
import unicodedata


def strip_accents(text: object) -> str:
    """``text`` without its accents (Unicode NFKD, combining marks dropped), case kept.

    Examples
    --------
    >>> strip_accents("Importancia–Desempeño"), strip_accents("Emoción")
    ('Importancia–Desempeno', 'Emocion')
    """
    decomposed = unicodedata.normalize("NFKD", str(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: object) -> str:
    """Lower-case, accent-free, single-spaced text for matching labels and names.

    Examples
    --------
    >>> fold("  Muy  SATISFECHO ")
    'muy satisfecho'
    >>> fold("Emoción")
    'emocion'
    """
    return re.sub(r"\s+", " ", strip_accents(text)).strip().lower()


def comma_list(text: str) -> tuple[str, ...]:
    """Words or phrases written as one comma-separated text, each stripped, empty ones left out.

    Examples
    --------
    >>> comma_list("search*, research* , ,looking online")
    ('search*', 'research*', 'looking online')
    """
    return tuple(w.strip() for w in text.split(",") if w.strip())
