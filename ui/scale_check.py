"""The Data page's scale confirmation: measures whose scale only their values suggest.

A scale read from values that stop short of its ends (a 1–7 item answered only 3–5 reads as
1–5) is an assumption the user must confirm. :func:`confirm_scales` names each such measure,
the scale assumed and the others that fit, and points to the panel where the scale is chosen.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from mot.scales import ScaleAssumption
from mot.survey import SurveyData
from ui.i18n import number, t


def pending(survey: SurveyData) -> list[ScaleAssumption]:
    """The assumed scales the user should confirm, in report order."""
    return [a for a in survey.scale_assumptions if a.guess.needs_confirmation]


def _value(x: float | None) -> str:
    if x is None:
        return "–"
    return number(x, 0 if float(x).is_integer() else 1)


def confirm_scales(survey: SurveyData, label: Callable[[str], str]) -> bool:
    """Warn about every measure whose scale needs confirming; True when there is one.

    ``label`` turns a measure or outcome key into the name the page shows.
    """
    to_confirm = pending(survey)
    if not to_confirm:
        return False
    items = "\n".join(
        t(
            "data.scale_confirm_item",
            measure=label(a.target),
            scale=a.guess.scale.name,
            low=_value(a.guess.low),
            high=_value(a.guess.high),
            others=", ".join(s.name for s in a.guess.also_fit),
        )
        for a in to_confirm
    )
    st.warning(t("data.scale_confirm", items=items, panel=t("data.scales")))
    return True
