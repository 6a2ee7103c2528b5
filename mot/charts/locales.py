"""Numbers and dates in a chart as the session's language writes them (d3 locales)."""

from __future__ import annotations

import altair as alt

NUMBER_LOCALES: dict[str, dict] = {
    "en": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["$", ""]},
    "es": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", "\u00a0€"]},
}
"""d3 number locales: how axis labels and tooltips write numbers in each language."""


TIME_LOCALES: dict[str, dict] = {
    "es": {
        "dateTime": "%A, %e de %B de %Y, %X",
        "date": "%d/%m/%Y",
        "time": "%H:%M:%S",
        "periods": ["a. m.", "p. m."],
        "days": ["domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"],
        "shortDays": ["dom", "lun", "mar", "mié", "jue", "vie", "sáb"],
        "months": [
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
            "septiembre",
            "octubre",
            "noviembre",
            "diciembre",
        ],
        "shortMonths": [
            "ene",
            "feb",
            "mar",
            "abr",
            "may",
            "jun",
            "jul",
            "ago",
            "sept",
            "oct",
            "nov",
            "dic",
        ],
    },
}
"""d3 time locales: the month and day names of date axes (English is Vega's default)."""


def localised(chart: alt.TopLevelMixin, language: str) -> alt.TopLevelMixin:
    """Return ``chart`` with numbers and dates written as ``language`` writes them.

    In Spanish: 1.234,5 and "13 jul".

    Applied to the finished top-level chart when it is drawn; the theme's configuration is
    kept (Altair merges it with this one).

    Parameters
    ----------
    chart : alt.Chart or a layered / concatenated chart
        A finished chart.
    language : {"en", "es"}
        The language of the session.

    Returns
    -------
    alt.Chart
        A copy with ``config.locale`` set; the chart itself for English.
    """
    if language not in NUMBER_LOCALES or language == "en":
        return chart
    locale = {"number": NUMBER_LOCALES[language]}
    if language in TIME_LOCALES:
        locale["time"] = TIME_LOCALES[language]
    return chart.configure(locale=locale)
