"""The plain-language texts of the Emotion and Memory pages about whose curves are used.

Where each customer's curve comes from (:func:`mot.curves.curve_sources`), which touchpoints'
intervals were cut at the end of the scale (:func:`mot.curves.emotion_curve`'s
``ci_clipped``), and whom the peak-end analysis compared and left out, and why
(:class:`mot.memory.PeakEndResult`). Each takes a result of :mod:`ui.queries` and the
language, and returns what a reader sees. Nothing here reads a widget.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import pandas as pd

from ui.i18n import number, t
from ui.widgets import md_text

if TYPE_CHECKING:
    from mot.memory import PeakEndResult


def _names(touchpoints: Iterable[str], labels: dict[str, str]) -> str:
    """Touchpoint labels (user text, escaped for Markdown) joined by commas."""
    return ", ".join(md_text(labels.get(tp, tp)) for tp in touchpoints)


def source_text(sources: pd.DataFrame, *, language: str) -> str:
    """How many customers' curves come from emotion, from experienced utility, or neither."""
    counts = dict(zip(sources["source"], sources["n_respondents"], strict=True))
    shown = {k: number(int(counts.get(k, 0)), 0, language) for k in ("emotion", "experienced")}
    shown["none"] = number(int(counts.get("none", 0)), 0, language)
    return t("emotion.sources", language, **shown)


def clipped_text(curve: pd.DataFrame, *, labels: dict[str, str], language: str) -> str | None:
    """The touchpoints whose interval was cut at ±100, or None when no interval was."""
    cut = curve.loc[curve["ci_clipped"].to_numpy(dtype=bool), "touchpoint"].astype(str)
    if cut.empty:
        return None
    names = _names(dict.fromkeys(cut), labels)  # each touchpoint once, in journey order
    return t("emotion.clipped", language, touchpoints=names)


def sample_text(result: PeakEndResult, *, labels: dict[str, str], language: str) -> str:
    """Whom the peak-end analysis compared, who was left out and why, and Williams' t."""
    test = result.comparison
    return t(
        "memory.sample",
        language,
        n=number(result.n, 0, language),
        k=number(len(result.touchpoints), 0, language),
        touchpoints=_names(result.touchpoints, labels),
        no_curve=number(result.n_no_curve, 0, language),
        no_outcome=number(result.n_no_outcome, 0, language),
        incomplete=number(result.n_incomplete, 0, language),
        source=t(f"memory.source.{result.source}", language),
        t=number(test.t, 2, language),
        df=number(test.df, 0, language),
    )
