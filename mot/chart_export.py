"""Charts as SVG or PNG, drawn offline by vl-convert.

Charts arrive as objects with a ``to_dict()`` (or ``to_json()``) method, as the builders of
:mod:`mot.charts` return them, or as a plain Vega-Lite spec; this module never imports
altair. A spec that loads its data from a URL is refused rather than fetched, so an export
never touches the network. The functions are also read from :mod:`mot.report`.
"""

from __future__ import annotations

import json
import math
import numbers
from collections.abc import Mapping
from typing import Any

import vl_convert

from mot._export import validate_language
from mot.errors import ExportError
from mot.messages import Message, message_of

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
"""The first eight bytes of every PNG file."""

_VEGA_LOCALES = {"en": "en-US", "es": "es-ES"}


def chart_svg(chart: Any, *, language: str = "en") -> str:
    """Draw a chart as an SVG document.

    Parameters
    ----------
    chart : chart object or mapping
        An object with a ``to_dict()`` or ``to_json()`` method that gives a Vega-Lite spec
        (an Altair chart from :mod:`mot.charts`), or the spec itself as a mapping. Its data
        must be inline: URLs are not fetched.
    language : {"en", "es"}, default "en"
        Number and date formats of the axes and labels (``es``: ``1.234,5``).

    Returns
    -------
    str
        The SVG markup, starting with ``<svg``.

    Raises
    ------
    ExportError
        If the chart gives no valid spec, or vl-convert cannot draw it.

    Examples
    --------
    >>> spec = {"data": {"values": [{"moment": "FMOT", "n": 3}]}, "mark": "bar",
    ...         "encoding": {"x": {"field": "moment", "type": "nominal"},
    ...                      "y": {"field": "n", "type": "quantitative"}}}
    >>> svg = chart_svg(spec)
    >>> svg.startswith("<svg"), "FMOT" in svg
    (True, True)
    """
    validate_language(language)
    return render_chart(chart, "svg", language=language, where="")


def chart_png(chart: Any, *, scale: float = 2, language: str = "en") -> bytes:
    """Draw a chart as a PNG image.

    Parameters
    ----------
    chart : chart object or mapping
        As for :func:`chart_svg`.
    scale : float, default 2
        Pixels per chart unit: 2 gives a sharp image on high-density screens and in slides.
    language : {"en", "es"}, default "en"
        Number and date formats of the axes and labels.

    Returns
    -------
    bytes
        The PNG file, starting with :data:`PNG_SIGNATURE`.

    Raises
    ------
    ExportError
        If ``scale`` is not a positive number, the chart gives no valid spec, or vl-convert
        cannot draw it.

    Examples
    --------
    >>> spec = {"data": {"values": [{"n": 1}]}, "mark": "point",
    ...         "encoding": {"y": {"field": "n", "type": "quantitative"}}}
    >>> chart_png(spec, scale=1)[:8] == PNG_SIGNATURE
    True
    """
    _validate_chart_png(scale=scale, language=language)
    return render_chart(chart, "png", language=language, where="", scale=float(scale))


def _validate_chart_png(*, scale: float, language: str) -> None:
    """Raise a typed error unless the PNG options are usable."""
    validate_language(language)
    valid = isinstance(scale, numbers.Real) and not isinstance(scale, bool)
    if not valid or not math.isfinite(scale) or scale <= 0:
        message = Message("export.scale", scale=scale)
        raise ExportError(message)


def render_chart(
    chart: Any, fmt: str, *, language: str, where: str, scale: float = 1.0
) -> str | bytes:
    """Draw ``chart`` as ``fmt`` (``"svg"`` text or ``"png"`` bytes), offline.

    What :func:`chart_svg` and :func:`chart_png` run, and :class:`mot.report.Report` for each
    section's charts: ``where`` names the chart in the error (a section title, or ``""``).
    ``language`` must be checked by the caller.

    Raises
    ------
    ExportError
        If the chart is not a Vega-Lite spec, loads data from a URL, or cannot be drawn
        (vl-convert's error, in its first line, inside the catalogue message).
    """
    spec = _chart_spec(chart, where=where)
    options = {
        "allowed_base_urls": [],
        "format_locale": _VEGA_LOCALES[language],
        "time_format_locale": _VEGA_LOCALES[language],
    }
    try:
        if fmt == "png":
            return vl_convert.vegalite_to_png(spec, scale=scale, **options)
        return vl_convert.vegalite_to_svg(spec, **options)
    except Exception as error:  # vl-convert raises bare ValueError/RuntimeError.
        raise ExportError(_render_failure(spec, fmt, where, error)) from error


def _chart_spec(chart: Any, *, where: str) -> str:
    """Return the Vega-Lite spec of ``chart`` as JSON text."""
    try:
        if isinstance(chart, Mapping):
            spec = dict(chart)
        elif callable(getattr(chart, "to_dict", None)):
            spec = chart.to_dict()
        elif callable(getattr(chart, "to_json", None)):
            spec = json.loads(chart.to_json())
        else:
            message = Message("export.not_a_chart", kind=type(chart).__name__, where=_where(where))
            raise ExportError(message)
        if not isinstance(spec, Mapping):
            raise TypeError(Message("export.not_a_spec", kind=type(spec).__name__))
        return json.dumps(spec, allow_nan=False)
    except ExportError:
        raise
    except Exception as error:  # Altair's schema errors are not ValueErrors.
        reason = message_of(error)  # ours (a spec that is not a dict), else Altair's first line
        if not isinstance(reason, Message):
            reason = _first_line(error)
        message = Message("export.invalid_spec", where=_where(where), reason=reason)
        raise ExportError(message) from error


def _render_failure(spec_json: str, fmt: str, where: str, error: Exception) -> Message:
    """Message for a spec that vl-convert could not draw."""
    spec = json.loads(spec_json)
    reason = _first_line(error)
    hint = "export.hint_inline" if "url not allowed" in reason.lower() else "export.hint_table"
    return Message(
        "export.draw_failed",
        chart=_describe_chart(spec),
        where=_where(where),
        format=fmt.upper(),
        reason=reason,
        hint=Message(hint),
    )


def _describe_chart(spec: Mapping[str, Any]) -> Message:
    """Name a chart for a message: its title, or else its kind of mark."""
    title = spec.get("title")
    if isinstance(title, Mapping):
        title = title.get("text")
    if isinstance(title, list):
        title = " ".join(map(str, title))
    if title:
        return Message("export.chart_titled", title=str(title))
    mark = spec.get("mark")
    if isinstance(mark, Mapping):
        mark = mark.get("type")
    if isinstance(mark, str):
        return Message("export.chart_untitled_kind", kind=mark)
    kinds = [key for key in ("layer", "hconcat", "vconcat", "concat", "facet") if key in spec]
    if kinds:
        return Message("export.chart_untitled_kind", kind=kinds[0])
    return Message("export.chart_untitled")


def _where(where: str) -> str:
    """`` (where)`` after a chart's name in a message, or nothing."""
    return Message("export.where", where=where) if where else ""


def _first_line(error: Exception) -> str:
    """The message of ``error`` without a JavaScript stack trace."""
    lines = [line.strip() for line in str(error).splitlines()]
    kept = [line for line in lines if line and not line.startswith("at ")]
    text = " ".join(kept[:2]) if kept else type(error).__name__
    return text.rstrip(".:")
