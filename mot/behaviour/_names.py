"""Event and column names compared without case, accents or separators (private)."""

from __future__ import annotations

import re

from mot._text import strip_accents


def fold(text: str) -> str:
    """Lowercase, strip accents, read spaces/hyphens/dots as ``_`` (for event names)."""
    plain = strip_accents(text).lower()
    return re.sub(r"[\s.\-]+", "_", plain.strip())


def name_key(name: str) -> str:
    """Column name without case, accents or separators (``Fecha_Hora`` → ``fechahora``)."""
    return re.sub(r"[^a-z0-9]", "", fold(name))
