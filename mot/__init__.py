"""Moments-of-truth analytics: survey and behaviour data scored per touchpoint.

The library is pure Python over pandas, numpy and scipy. It never imports streamlit.
"""

MEASURES: tuple[str, ...] = (
    "anticipated",
    "experienced",
    "retrospective",
    "excellent",
    "importance",
    "emotion",
)
"""Per-touchpoint measures, in the order tables list them."""

UTILITIES: tuple[str, ...] = ("anticipated", "experienced", "retrospective")
"""Kahneman's three sources of utility."""

OUTCOMES: tuple[str, ...] = (
    "recommend",
    "overall_satisfaction",
    "overall_retrospective",
    "repurchase",
)
"""Respondent-level outcomes. ``recommend`` stays on its raw 0–10 scale (NPS needs it)."""

__version__ = "0.1.0"
