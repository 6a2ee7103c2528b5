"""English and Spanish: the product's own strings and number formats.

Strings live in ``ui/catalog/*.py`` (one module per page plus ``common``), each a dict
``STRINGS = {"key": ("English", "Español")}``. Streamlit's built-in widget texts cannot be
translated, so every widget carries a label from here.
"""

from __future__ import annotations

import importlib
import math
import pkgutil
from collections.abc import Mapping
from functools import cache

from mot import messages
from ui import catalog, state

LANGUAGES: dict[str, str] = {"en": "English", "es": "Español"}

MEASURE_KEYS: dict[str, str] = {
    "anticipated": "chart.anticipated",
    "experienced": "chart.experienced",
    "retrospective": "chart.retrospective",
    "excellent": "chart.excellent",
    "importance": "measure.importance",
    "emotion": "chart.emotion",
}
"""Catalogue key of each measure's name."""


@cache
def strings() -> dict[str, tuple[str, str]]:
    """Every catalogue merged: key → (English, Spanish)."""
    merged: dict[str, tuple[str, str]] = {}
    for module in pkgutil.iter_modules(catalog.__path__):
        part = importlib.import_module(f"ui.catalog.{module.name}").STRINGS
        clash = set(part) & set(merged)
        if clash:
            raise KeyError(f"Catalogue keys defined twice: {sorted(clash)}")
        merged.update(part)
    return merged


def t(key: str, language: str | None = None, **values: object) -> str:
    """The string ``key`` in the session's language, with ``{placeholders}`` filled in."""
    language = language or state.language()
    pair = strings().get(key)
    if pair is None:
        return key
    text = pair[1] if language == "es" else pair[0]
    return text.format(**values) if values else text


def mot_text(value: object, language: str | None = None) -> str:
    """A text of the library in the session's language: a :class:`mot.messages.Message`
    (validation details, notes, bad-row problems, an error's message) rendered from the
    library's EN/ES catalogue; anything else as ``str``."""
    return messages.render(value, language or state.language())


def number(value: float | None, decimals: int = 1, language: str | None = None) -> str:
    """A number as the language writes it: 1,234.5 (en) or 1.234,5 (es); "–" for none."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{value:,.{decimals}f}"
    if (language or state.language()) == "es":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def signed(value: float | None, decimals: int = 1, language: str | None = None) -> str:
    """Like :func:`number` with an explicit sign: +3.2, −1.5."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = number(abs(value), decimals, language)
    return ("+" if value >= 0 else "−") + text


def percent(share: float | None, decimals: int = 0, language: str | None = None) -> str:
    """A share 0–1 as a percentage: 45% (en), 45 % (es)."""
    if share is None or (isinstance(share, float) and math.isnan(share)):
        return "–"
    language = language or state.language()
    return number(100 * share, decimals, language) + ("\u00a0%" if language == "es" else "%")


def p_value(p: float | None, language: str | None = None) -> str:
    """A p-value as journals write it: p < 0.001, or p = 0.034."""
    if p is None or (isinstance(p, float) and math.isnan(p)):
        return "–"
    if p < 0.001:
        return "p < " + number(0.001, 3, language)
    return "p = " + number(p, 3, language)


def chart_text(language: str | None = None) -> dict[str, str]:
    """Axis, legend and tooltip titles for ``mot.charts`` builders in the language."""
    language = language or state.language()
    prefix = "chart."
    return {k[len(prefix) :]: t(k, language) for k in strings() if k.startswith(prefix)}


def options(keys: Mapping[str, str], language: str | None = None) -> dict[str, str]:
    """Map option values to translated labels (for ``format_func``)."""
    return {value: t(key, language) for value, key in keys.items()}
